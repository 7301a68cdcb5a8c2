/**
 * docxtemplater over the shell's parts with tags: page furniture and core properties go in as
 * escaped text, the body as raw XML where the `[[@body]]` tag was.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { DocxError, shellTemplate, unknownTag } from './errors.js';
import type { DocxParts } from './zip.js';

/** Everything a shell's tags can name. Optional furniture arrives as '' so a tag is never left empty by accident. */
export interface ShellData {
  body: string;
  title: string;
  created: string;
  headerLeft: string;
  headerRight: string;
  footerLeft: string;
  pageNumbers: boolean;
}

/** The subset of docxtemplater's file-type configuration we extend; its typings leave it out. */
interface FileTypeConfig {
  tagsXmlTextArray: string[];
}
const fileTypeConfigs = (Docxtemplater as unknown as { FileTypeConfig: { docx(): FileTypeConfig } }).FileTypeConfig;

/**
 * docxtemplater reads tags only in the elements it knows hold text; the core properties' dates are
 * not among them, so `[[created]]` would reach Word as literal text and an invalid date.
 */
function fileTypeConfig(): FileTypeConfig {
  const config = fileTypeConfigs.docx();
  return { ...config, tagsXmlTextArray: [...config.tagsXmlTextArray, 'dcterms:created', 'dcterms:modified'] };
}

/**
 * Own properties only: the default parser answers `[[.]]` with the data object itself, which
 * prints as nothing at all; here such a tag reaches the nullGetter and is refused.
 */
function parser(tag: string): { get(scope: unknown): unknown } {
  return {
    get: (scope) =>
      typeof scope === 'object' && scope !== null && Object.hasOwn(scope, tag)
        ? (scope as Record<string, unknown>)[tag]
        : undefined,
  };
}

/**
 * Stands in for the body while docxtemplater runs. docxtemplater re-encodes everything it renders
 * to UTF-8 in JavaScript, which for a 2,000-word body costs as much as all the tags together; the
 * body is generated XML with no tags, so it is spliced in afterwards at the place the `[[@body]]`
 * tag took. A comment cannot come out of an escaped value, so the marker is unambiguous.
 */
const BODY_MARKER = '<!--reopen:body-->';

/** Parts docxtemplater reads to tell a header from a footer; they are classified, never filled. */
const CLASSIFIERS = ['[Content_Types].xml', '_rels/.rels'];

/** Fills the parts named in `templated` (those with tags) and returns their output text. */
export function fillShell(parts: DocxParts, templated: ReadonlySet<string>, data: ShellData, source: string): Map<string, string> {
  const filled = new Map<string, string>();
  for (const [name, xml] of runDocxtemplater(parts, templated, data, source)) filled.set(name, spliceBody(xml, data.body));
  return filled;
}

/** docxtemplater's output for the templated parts, the body marker still in place of the body. */
function runDocxtemplater(parts: DocxParts, templated: ReadonlySet<string>, data: ShellData, source: string): Map<string, string> {
  const zip = new PizZip();
  for (const name of [...CLASSIFIERS, ...templated]) {
    const xml = parts.get(name);
    if (typeof xml === 'string') zip.file(name, xml);
  }
  try {
    const doc = new Docxtemplater(zip, {
      delimiters: { start: '[[', end: ']]' },
      paragraphLoop: true,
      linebreaks: true,
      // The default logger writes the failing template and data to the console: case data in logs.
      errorLogging: false,
      fileTypeConfig: fileTypeConfig(),
      parser,
      nullGetter: (part) => {
        throw unknownTag(part.value);
      },
    });
    doc.render({ ...data, body: BODY_MARKER });
  } catch (error) {
    throw asDocxError(error, source);
  }
  const filled = new Map<string, string>();
  for (const name of templated) {
    const xml = zip.file(name)?.asText();
    if (xml !== undefined) filled.set(name, xml);
  }
  return filled;
}

function spliceBody(xml: string, body: string): string {
  const at = xml.indexOf(BODY_MARKER);
  // Sliced, not String.replace: a body holding "$&" must not be read as a replacement pattern.
  return at < 0 ? xml : xml.slice(0, at) + body + xml.slice(at + BODY_MARKER.length);
}

/** The furniture and properties a document fills in as text; `body` has its own marker. */
const TEXT_FIELDS = ['title', 'created', 'headerLeft', 'headerRight', 'footerLeft'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/**
 * A marker docxtemplater fills in for a text field. It is private-use text, so nothing in a shell
 * or in docxtemplater's markup looks like it, and its `&` tells how it was written: escaped as
 * `&amp;` where docxtemplater writes text, as it is where a clinic's shell asks for raw XML.
 */
const marker = (field: TextField) => `\uE000${field}&\uE001`;
const ESCAPED_MARKER = new RegExp(`\uE000(${TEXT_FIELDS.join('|')})&amp;\uE001`);

/** docxtemplater's own escaping of a text value; its typings leave DocUtils out. */
const { utf8ToWord } = (Docxtemplater as unknown as { DocUtils: { utf8ToWord(text: string): string } }).DocUtils;

/**
 * Text docxtemplater writes as escaped characters and nothing else: not empty or blank (an empty
 * value can collapse its <w:t>), no line break (it becomes a <w:br/>) or other control character.
 */
const isPlain = (text: string) => text.trim() !== '' && !/[\u0000-\u001f]/.test(text);

/** A shell filled with markers: each part's text, then a field, text, field... and text again. */
type MarkedFill = Map<string, string[]>;

/** Shapes of data a shell keeps fills for; a batch needs a handful (page numbers or not, an empty header). */
const MAX_SHAPES = 16;

/**
 * Fills one shell for document after document, with what `fillShell` gives (a test compares
 * them) and without a docxtemplater instance per document: compiling even a tiny shell was most of
 * what a .docx cost beyond zipping it.
 *
 * docxtemplater fills the shell once per shape of the data, with a marker for each plain text
 * field; a document's text is then put in place of the markers, escaped by docxtemplater's own
 * function. The shape is what can change the XML docxtemplater writes around a value: the booleans
 * and any text that is not plain, which is filled as itself. A shell that writes a field as raw XML
 * is filled in full for each document.
 */
export class ShellFiller {
  private readonly fills = new Map<string, MarkedFill | 'in full'>();

  constructor(
    private readonly parts: DocxParts,
    private readonly templated: ReadonlySet<string>,
    private readonly source: string,
  ) {}

  fill(data: ShellData): Map<string, string> {
    const shape = JSON.stringify([data.pageNumbers, ...TEXT_FIELDS.map((field) => (isPlain(data[field]) ? null : data[field]))]);
    let marked = this.fills.get(shape);
    if (marked === undefined) {
      marked = this.markedFill(data);
      if (this.fills.size >= MAX_SHAPES) this.fills.delete(this.fills.keys().next().value!);
      this.fills.set(shape, marked);
    }
    if (marked === 'in full') return fillShell(this.parts, this.templated, data, this.source);
    const filled = new Map<string, string>();
    for (const [name, pieces] of marked) {
      const xml = pieces.map((piece, i) => (i % 2 === 0 ? piece : utf8ToWord(data[piece as TextField]))).join('');
      filled.set(name, spliceBody(xml, data.body));
    }
    return filled;
  }

  private markedFill(data: ShellData): MarkedFill | 'in full' {
    const markers = { ...data };
    for (const field of TEXT_FIELDS) if (isPlain(data[field])) markers[field] = marker(field);
    const marked: MarkedFill = new Map();
    for (const [name, xml] of runDocxtemplater(this.parts, this.templated, markers, this.source)) {
      // Split on a capturing pattern: text at even indexes, field names at odd ones.
      const pieces = xml.split(ESCAPED_MARKER);
      if (pieces.some((piece, i) => i % 2 === 0 && piece.includes('\uE000'))) return 'in full';
      marked.set(name, pieces);
    }
    return marked;
  }
}

interface TemplateErrorShape {
  properties?: { explanation?: unknown; errors?: unknown[] };
}

/** docxtemplater gathers errors into one "Multi error"; ours (an unknown tag) is passed on as it is. */
function asDocxError(error: unknown, source: string): unknown {
  if (error instanceof DocxError) return error;
  const properties = (error as TemplateErrorShape | null)?.properties;
  const inner = properties?.errors ?? [error];
  const ours = inner.find((item): item is DocxError => item instanceof DocxError);
  if (ours !== undefined) return ours;
  const explanations = inner
    .map((item) => (item as TemplateErrorShape | null)?.properties?.explanation)
    .filter((text): text is string => typeof text === 'string');
  return explanations.length > 0 ? shellTemplate(source, explanations) : error;
}
