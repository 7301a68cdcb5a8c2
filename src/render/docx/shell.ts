/**
 * The Word shell a body is poured into: templates/_shell by default, or a clinic's own .docx named
 * by REOPEN_DOCX_SHELL. A shell is read, checked and prepared once per process; rendering a
 * document then only fills it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STYLES } from '../styles.js';
import { shellBadBody, shellMissingPart, shellMissingStyles, shellNoBody } from './errors.js';
import { fillShell, ShellFiller } from './fill.js';
import { NUMBERING_PART, numberingSlot, type NumberingSlot } from './numbering.js';
import { readShellBytes, unzipShell } from './shell-file.js';
import { checkShellPackage } from './shell-package.js';
import { zipCache, type DocxParts, type ZipCache } from './zip.js';

export interface Shell {
  /** Where the shell came from, for messages. */
  source: string;
  /** Every part, in zip order; the numbering part is rebuilt per document from `numbering`. */
  parts: DocxParts;
  /** The parts with tags, filled by docxtemplater for each document. */
  templated: ReadonlySet<string>;
  numbering: NumberingSlot;
  /** The parts every document shares, compressed once. */
  zipCache: ZipCache;
  /** Fills the templated parts for each document. */
  filler: ShellFiller;
}

const CONTENT_TYPES = '[Content_Types].xml';
const PACKAGE_RELS = '_rels/.rels';
const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const STYLES_PART = 'word/styles.xml';
const BODY_TAG = '[[@body]]';
/** Character styles the body refers to besides the paragraph styles. */
const CHARACTER_STYLES = ['Marker'];

/** The package root: the nearest folder above this module with a package.json (from src/ or dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Reopen: no package.json above src/render/docx');
    dir = parent;
  }
  return dir;
}

export const DEFAULT_SHELL_DIR = join(packageRoot(), 'templates', '_shell');

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * XML parts as text (to check and fill them), everything else as bytes. A part that is not UTF-8,
 * such as a UTF-16 customXml item SharePoint leaves in a .docx, travels as bytes, untouched.
 */
function partContent(name: string, bytes: Uint8Array): string | Uint8Array {
  if (!name.endsWith('.xml') && !name.endsWith('.rels')) return bytes;
  try {
    return UTF8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** [Content_Types].xml first (zip readers that sniff the package look there), then by name. */
function zipOrder([a]: [string, unknown], [b]: [string, unknown]): number {
  if (a === CONTENT_TYPES || b === CONTENT_TYPES) return a === CONTENT_TYPES ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function textPart(parts: ReadonlyMap<string, string | Uint8Array>, name: string, source: string): string {
  const content = parts.get(name);
  if (typeof content !== 'string') throw shellMissingPart(source, name);
  return content;
}

function readFolder(dir: string, prefix = ''): Map<string, string | Uint8Array> {
  const parts = new Map<string, string | Uint8Array>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const name = prefix === '' ? entry.name : posix.join(prefix, entry.name);
    if (entry.isDirectory()) {
      for (const [inner, content] of readFolder(dir, name)) parts.set(inner, content);
    } else if (!name.endsWith('.md')) {
      // The folder's README explains the shell to reviewers; it is no part of a .docx.
      parts.set(name, partContent(name, new Uint8Array(readFileSync(join(dir, name)))));
    }
  }
  return parts;
}

/** A clinic's .docx, read as an upload: see shell-file.ts for the limits and how they are enforced. */
function readDocx(path: string): Map<string, string | Uint8Array> {
  const parts = new Map<string, string | Uint8Array>();
  for (const [name, bytes] of unzipShell(path, readShellBytes(path))) parts.set(name, partContent(name, bytes));
  return parts;
}

/** Visible text of a part: tags removed, so a tag Word split across runs reads whole again. */
function visibleText(xml: string): string {
  return xml.replace(/<[^>]*>/g, '');
}

function checkBody(source: string, documentXml: string): void {
  const paragraphs = documentXml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? [];
  const holders = paragraphs.map(visibleText).filter((text) => text.includes(BODY_TAG));
  const [holder] = holders;
  if (holder === undefined) throw shellNoBody(source);
  if (holders.length > 1 || holder.split(BODY_TAG).length > 2) {
    throw shellBadBody(source, 'the [[@body]] tag appears more than once');
  }
  if (holder !== BODY_TAG) throw shellBadBody(source, `its paragraph also holds "${holder.slice(0, 60)}"`);
}

/**
 * Styles added after the first version of the shell: a clinic's shell made before one was added
 * gets Reopen's own definition of it (from templates/_shell) instead of being refused, so a shell
 * that worked keeps working. Every other style must be the shell's own.
 */
const ADDED_STYLES = ['ListItemSingle'];

/** The shell's styles.xml with every style of ADDED_STYLES it lacks taken from the default shell. */
function withAddedStyles(source: string, stylesXml: string): string {
  const defined = definedStyles(stylesXml);
  const lacking = ADDED_STYLES.filter((style) => !defined.has(style));
  if (lacking.length === 0) return stylesXml;
  const defaults = readFileSync(join(DEFAULT_SHELL_DIR, STYLES_PART), 'utf8');
  const definitions = lacking.map((style) => {
    const at = defaults.search(new RegExp(`<w:style\\b[^>]*?\\bw:styleId="${style}"`));
    const end = defaults.indexOf('</w:style>', at);
    if (at < 0 || end < 0) throw new Error(`templates/_shell/word/styles.xml does not define ${style}`);
    return defaults.slice(at, end + '</w:style>'.length);
  });
  const close = stylesXml.lastIndexOf('</w:styles>');
  if (close < 0) throw shellMissingStyles(source, lacking);
  return `${stylesXml.slice(0, close)}${definitions.join('')}${stylesXml.slice(close)}`;
}

function definedStyles(stylesXml: string): Set<string | undefined> {
  return new Set([...stylesXml.matchAll(/<w:style\b[^>]*?\bw:styleId="([^"]*)"/g)].map((match) => match[1]));
}

function checkStyles(source: string, stylesXml: string): void {
  const defined = definedStyles(stylesXml);
  const missing = [...Object.keys(STYLES), ...CHARACTER_STYLES].filter((style) => !defined.has(style));
  if (missing.length > 0) throw shellMissingStyles(source, missing);
}

/** A shell without a numbering part gets the default one, declared where Word looks for it. */
function addNumberingPart(parts: Map<string, string | Uint8Array>, source: string): void {
  const types = textPart(parts, CONTENT_TYPES, source);
  const rels = textPart(parts, DOCUMENT_RELS, source);
  parts.set(CONTENT_TYPES, types.replace('</Types>',
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'));
  parts.set(DOCUMENT_RELS, rels.replace('</Relationships>',
    '<Relationship Id="rIdReopenNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'));
}

/** What the trial fill at load time passes: every tag the renderer knows, none of them printing anything. */
const TRIAL_DATA = { body: '', title: '', created: '', headerLeft: '', headerRight: '', footerLeft: '', pageNumbers: true };

/**
 * Checks and prepares a shell from its parts: only the parts of a plain Word document, nothing
 * that runs or loads from outside (shell-package.ts), a body tag alone in its paragraph, every
 * style the body names, the list definitions, and a trial fill so an unknown tag is reported now
 * rather than in the middle of a batch.
 */
function prepareShell(source: string, raw: ReadonlyMap<string, string | Uint8Array>, defaultNumbering: string): Shell {
  checkShellPackage(source, raw);
  const parts = new Map(raw);
  textPart(parts, CONTENT_TYPES, source);
  textPart(parts, PACKAGE_RELS, source);
  checkBody(source, textPart(parts, DOCUMENT, source));
  parts.set(STYLES_PART, withAddedStyles(source, textPart(parts, STYLES_PART, source)));
  checkStyles(source, textPart(parts, STYLES_PART, source));
  const shellNumbering = parts.get(NUMBERING_PART);
  const hasNumbering = typeof shellNumbering === 'string';
  if (!hasNumbering) addNumberingPart(parts, source);
  const numbering = numberingSlot(hasNumbering ? shellNumbering : undefined, defaultNumbering, source);
  parts.set(NUMBERING_PART, numbering.head + numbering.tail);
  const ordered = new Map([...parts].sort(zipOrder));
  const templated = new Set<string>();
  for (const [name, content] of ordered) {
    if (typeof content === 'string' && visibleText(content).includes('[[')) templated.add(name);
  }
  fillShell(ordered, templated, TRIAL_DATA, source);
  const shared = new Map([...ordered].filter(([name]) => !templated.has(name) && name !== NUMBERING_PART));
  return { source, parts: ordered, templated, numbering, zipCache: zipCache(shared), filler: new ShellFiller(ordered, templated, source) };
}

let defaultShellCache: Shell | undefined;
const docxShellCache = new Map<string, Shell>();

function defaultNumberingXml(): string {
  return readFileSync(join(DEFAULT_SHELL_DIR, NUMBERING_PART), 'utf8');
}

/** templates/_shell, read once per process. */
export function defaultShell(): Shell {
  defaultShellCache ??= prepareShell('templates/_shell', readFolder(DEFAULT_SHELL_DIR), defaultNumberingXml());
  return defaultShellCache;
}

/** A clinic's own .docx with a `[[@body]]` tag, read once per process and path. */
export function loadDocxShell(path: string): Shell {
  const absolute = resolve(path);
  let shell = docxShellCache.get(absolute);
  if (shell === undefined) {
    shell = prepareShell(absolute, readDocx(absolute), defaultNumberingXml());
    docxShellCache.set(absolute, shell);
  }
  return shell;
}

/** The shell named by REOPEN_DOCX_SHELL, or templates/_shell when it is unset or empty. */
export function currentShell(env: NodeJS.ProcessEnv = process.env): Shell {
  const path = env['REOPEN_DOCX_SHELL'];
  return path === undefined || path === '' ? defaultShell() : loadDocxShell(path);
}
