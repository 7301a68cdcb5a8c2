/** The DOCX renderer: a document tree to a .docx Word and LibreOffice open. */
export { renderDocx, renderDocxParts } from './render.js';
export { zipDocxParts, type DocxParts, type ZipCache } from './zip.js';
export { currentShell, defaultShell, loadDocxShell, DEFAULT_SHELL_DIR, type Shell } from './shell.js';
export { bodyXml, LIST_INDENT_TWIPS, type BodyXml, type ListInstance } from './body-xml.js';
export { TEXT_WIDTH_TWIPS } from './table-xml.js';
export { DocxError, type DocxErrorCode } from './errors.js';
