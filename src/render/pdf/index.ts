/**
 * The PDF renderer: a document tree to the bytes of a PDF with embedded fonts: Tinos, which has
 * Times New Roman's metrics as the DOCX names it, and fallbacks for the scripts it lacks.
 *
 * Two steps, each testable alone: `layoutDocument` (pure: tree to positioned items, with any
 * `Measurer`) and the drawing (items to pdf-lib). Every character is checked against the fonts
 * before anything is laid out, so a character that cannot be printed stops the render with a
 * message naming it instead of printing a blank box.
 */
import { walkRuns } from '../../compose/tree.js';
import type { DocumentTree } from '../../compose/tree.js';
import { drawPdf } from './draw.js';
import type { FontFamily } from './draw.js';
import { uncoveredCharacters, uncoveredError } from './fonts.js';
import { layoutDocument } from './layout.js';
import { filingFonts } from './embed.js';

/** `family` is for the speed bench's floor (`standardFonts`); filings use the default. */
export async function renderPdf(tree: DocumentTree, family: FontFamily = filingFonts): Promise<Uint8Array> {
  assertPrintable(tree);
  return drawPdf(layoutDocument(tree, family.measurer), tree, family.embed);
}

function assertPrintable(tree: DocumentTree) {
  const { headerLeft, headerRight, footerLeft } = tree.furniture;
  const texts = [...walkRuns(tree.blocks)].flatMap((run) => (run.kind === 'text' ? [run.text] : []));
  for (const text of [...texts, headerLeft ?? '', headerRight ?? '', footerLeft ?? '']) {
    const [char] = uncoveredCharacters(text);
    if (char !== undefined) throw uncoveredError(char, text, text.indexOf(char));
  }
}

export { layoutDocument, TEXT_BOX } from './layout.js';
export { uncoveredCharacters } from './fonts.js';
export { filingFonts } from './embed.js';
export { fontMeasurer } from './shaping.js';
export { standardFonts } from './standard-fonts.js';
export type { EmbedFace, EmbeddedFace, FontFamily } from './draw.js';
export { RenderError } from './errors.js';
export type { RenderErrorCode } from './errors.js';
export type { FacePiece, FontStyle, HighlightItem, LaidOutPage, LineExtent, Measurer, PageItem, RuleItem, TextItem } from './types.js';
