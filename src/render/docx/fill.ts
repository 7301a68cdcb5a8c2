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
    if (xml === undefined) continue;
    const at = xml.indexOf(BODY_MARKER);
    // Sliced, not String.replace: a body holding "$&" must not be read as a replacement pattern.
    filled.set(name, at < 0 ? xml : xml.slice(0, at) + data.body + xml.slice(at + BODY_MARKER.length));
  }
  return filled;
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
