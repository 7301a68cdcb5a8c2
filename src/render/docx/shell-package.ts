/**
 * What a Word shell may contain, checked like an upload before it is used: the parts a
 * WordprocessingML document saved by Word has and nothing else, nothing that runs (macros, ActiveX,
 * embedded objects, DDE and macro fields, mail merge), and nothing Word would fetch from outside
 * the file when a filing is opened (attached templates, linked pictures, frames, INCLUDEPICTURE
 * fields, any relationship whose target is external). Every filing Reopen writes carries the
 * shell's parts, so what passes here reaches the court.
 *
 * The XML is read with patterns, not a parser: the checks look for elements and attributes that
 * must be absent, and a pattern that matches too much refuses a harmless file rather than passing
 * a harmful one.
 */
import { posix } from 'node:path';
import { shellActiveContent, shellExternal, shellUnknownPart, shellUnreadable } from './errors.js';

type Parts = ReadonlyMap<string, string | Uint8Array>;

const CONTENT_TYPES = '[Content_Types].xml';
const MAIN_PART = 'word/document.xml';
const DOCUMENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/**
 * Parts of a document Word saves, by name: the package's own, the document properties and
 * thumbnail, word/*.xml (document, styles, settings, webSettings, fontTable, numbering, headers,
 * footers, footnotes, endnotes, comments, people...), their relationships, the theme, pictures in
 * the formats Word writes (SVG is left out: it may hold scripts and links of its own), embedded
 * fonts, the building-blocks glossary, and custom XML (document properties SharePoint adds).
 */
const ALLOWED_PARTS: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/i,
  /^_rels\/\.rels$/i,
  /^docProps\/(?:app|core|custom)\.xml$/i,
  /^docProps\/thumbnail\.(?:jpe?g|png|emf|wmf)$/i,
  /^word\/(?:glossary\/)?[a-z][a-z0-9]*\.xml$/i,
  /^word\/(?:glossary\/)?_rels\/[a-z][a-z0-9]*\.xml\.rels$/i,
  /^word\/theme\/theme\d+\.xml$/i,
  /^word\/theme\/_rels\/theme\d+\.xml\.rels$/i,
  /^word\/media\/[a-z0-9_-]+\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf)$/i,
  /^word\/fonts\/font\d+\.odttf$/i,
  /^customXml\/item(?:Props)?\d+\.xml$/i,
  /^customXml\/_rels\/item\d+\.xml\.rels$/i,
];

/** Parts that hold or drive code, named before the allowlist is consulted so the refusal says why. */
const ACTIVE_PARTS: readonly [RegExp, string][] = [
  [/vbaProject|vbaData|attachedToolbars|keyMapCustomizations/i, 'macros (a VBA project or macro settings)'],
  [/(?:^|\/)activeX\//i, 'ActiveX controls'],
  [/(?:^|\/)embeddings\//i, 'embedded objects (OLE objects or packaged files)'],
  [/\.bin$/i, 'binary parts of the kind macros and controls are stored in'],
];

/** Content types of macro-enabled documents and of parts that run, in [Content_Types].xml. */
const ACTIVE_TYPES: readonly [RegExp, string][] = [
  [/macroEnabled|vbaProject|vbaData|keyMapCustomizations|attachedToolbars/i, 'macros (a macro-enabled content type)'],
  [/activeX/i, 'ActiveX controls'],
  [/oleObject/i, 'embedded objects (OLE objects)'],
];

/** Relationship types (last segment) that bring in code or outside content even when internal. */
const ACTIVE_RELATIONSHIPS: Readonly<Record<string, string>> = {
  vbaProject: 'macros (a VBA project)',
  wordVbaData: 'macros (VBA data)',
  keyMapCustomizations: 'macros (key assignments)',
  attachedToolbars: 'macros (toolbars)',
  control: 'ActiveX controls',
  activeXControlBinary: 'ActiveX controls',
  oleObject: 'embedded objects (OLE objects)',
  package: 'embedded files (packages)',
  aFChunk: 'an imported file (altChunk) that Word converts when the document opens',
};

/** Relationship types (last segment) in words, for a link that is refused. */
const RELATIONSHIP_WORDS: Readonly<Record<string, string>> = {
  attachedTemplate: 'an attached template',
  image: 'a linked picture',
  hyperlink: 'a hyperlink',
  frame: 'a frame',
  subDocument: 'a subdocument',
  oleObject: 'a linked object',
  mailMergeSource: 'a mail-merge data source',
  mailMergeHeaderSource: 'a mail-merge data source',
  recipientData: 'mail-merge recipients',
  transform: 'an XSL transformation',
  font: 'a font',
};

/** Field instructions that run something or load something when Word updates fields. */
const FIELDS: Readonly<Record<string, { active: boolean; does: string }>> = {
  DDE: { active: true, does: 'starts another program' },
  DDEAUTO: { active: true, does: 'starts another program' },
  MACROBUTTON: { active: true, does: 'runs a macro' },
  INCLUDEPICTURE: { active: false, does: 'loads a picture from a file or web address' },
  INCLUDETEXT: { active: false, does: 'loads text from another file' },
  IMPORT: { active: false, does: 'loads a picture from another file' },
  LINK: { active: false, does: 'loads content from another file' },
  DATABASE: { active: false, does: 'queries a database' },
};

/** Refuses a shell whose parts are not those of a plain Word document (see the module comment). */
export function checkShellPackage(source: string, parts: Parts): void {
  for (const name of parts.keys()) checkPartName(source, name);
  const texts = new Map<string, string>();
  for (const [name, content] of parts) {
    if (!/\.(?:xml|rels)$/i.test(name)) continue;
    const text = xmlText(content);
    // OPC (ECMA-376 Part 2, M1.17) forbids DTDs; they are how entity-expansion bombs and external entities get in.
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw shellUnreadable(source, `its part ${name} declares a DTD, which a Word document may not have`);
    texts.set(name, text);
  }
  checkContentTypes(source, texts.get(CONTENT_TYPES) ?? '');
  const used = checkRelationships(source, texts);
  for (const name of parts.keys()) {
    if (name === CONTENT_TYPES || /\.rels$/i.test(name) || used.has(name.toLowerCase())) continue;
    throw shellUnknownPart(source, name, 'is not used by the document (no relationship names it), so it has no business in a filing');
  }
  for (const [name, text] of texts) {
    if (/^word\/.*\.xml$/i.test(name)) checkFields(source, name, text);
  }
  if (/<(?:[\w.-]+:)?mailMerge\b/.test(texts.get('word/settings.xml') ?? '')) {
    throw shellActiveContent(source, 'mail-merge settings, which make Word query a data source');
  }
}

function checkPartName(source: string, name: string): void {
  for (const [pattern, what] of ACTIVE_PARTS) if (pattern.test(name)) throw shellActiveContent(source, `${what} (${name})`);
  if (!ALLOWED_PARTS.some((pattern) => pattern.test(name))) {
    throw shellUnknownPart(source, name, 'is not one a Word document made in Word has (styles, settings, headers, footers, theme, pictures, fonts)');
  }
}

/** An XML part as text for the checks: UTF-8 as decoded, UTF-16 by its byte-order mark, other bytes one character each. */
function xmlText(content: string | Uint8Array): string {
  if (typeof content === 'string') return content;
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content);
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content);
  return new TextDecoder('latin1').decode(content);
}

/** Attributes of each element `local` (any namespace prefix); quoted `>` does not end an element. */
function elementsNamed(xml: string, local: string): Record<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${local}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[a[1]!.replace(/^[\w.-]+:/, '')] = decodeEntities(a[2] ?? a[3] ?? '');
    }
    return attributes;
  });
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Math.min(parseInt(lower.slice(2), 16), 0x10ffff));
    if (lower.startsWith('#')) return String.fromCodePoint(Math.min(parseInt(lower.slice(1), 10), 0x10ffff));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? '';
  });
}

function checkContentTypes(source: string, xml: string): void {
  const declared = [...elementsNamed(xml, 'Default'), ...elementsNamed(xml, 'Override')];
  for (const { ContentType: type = '' } of declared) {
    for (const [pattern, what] of ACTIVE_TYPES) if (pattern.test(type)) throw shellActiveContent(source, `${what} (${type})`);
  }
  const main = declared.find((d) => d['PartName']?.toLowerCase() === `/${MAIN_PART}`);
  if (main !== undefined && main['ContentType'] !== DOCUMENT_TYPE) {
    throw shellUnreadable(source, `its main part is a "${main['ContentType'] ?? ''}", not a Word document; save it as a Word Document (.docx)`);
  }
}

/** The last segment of a relationship type URI: ".../relationships/image" is "image". */
const typeName = (type: string) => type.slice(type.lastIndexOf('/') + 1);

/**
 * Refuses external and active relationships and internal ones that lead out of the package;
 * returns the parts the internal ones name (lower case), the parts the document uses.
 */
function checkRelationships(source: string, texts: ReadonlyMap<string, string>): Set<string> {
  const used = new Set<string>();
  for (const [name, xml] of texts) {
    if (!/\.rels$/i.test(name)) continue;
    for (const { Type: type = '', Target: target = '', TargetMode: mode } of elementsNamed(xml, 'Relationship')) {
      const kind = typeName(type);
      const shown = `"${target.length > 100 ? `${target.slice(0, 97)}...` : target}"`;
      if (kind === 'attachedTemplate') {
        throw shellExternal(source, `it is attached to the template ${shown}, which Word opens with the filing (to detach it: Developer, Document Template, clear the attached template)`);
      }
      if (mode !== undefined && mode !== 'Internal') {
        throw shellExternal(source, `its part ${name} links to ${RELATIONSHIP_WORDS[kind] ?? `an outside resource (${kind})`} at ${shown}`);
      }
      const active = ACTIVE_RELATIONSHIPS[kind];
      if (active !== undefined) throw shellActiveContent(source, `${active} (${name})`);
      if (target.startsWith('#')) continue;
      const part = resolveTarget(name, target);
      if (part === undefined) throw shellExternal(source, `its part ${name} points to ${shown}, which is outside the file`);
      if (name.toLowerCase() === '_rels/.rels' && kind === 'officeDocument' && part !== MAIN_PART) {
        throw shellUnreadable(source, `its main document is ${part}, where Reopen expects ${MAIN_PART}; save it from Word as a .docx document`);
      }
      used.add(part.toLowerCase());
    }
  }
  return used;
}

/**
 * The part an internal target names, relative to the folder of the part the relationships belong
 * to (`word/_rels/document.xml.rels` belongs to `word/document.xml`); undefined for a target with a
 * scheme, a backslash, or a path that climbs out of the package.
 */
function resolveTarget(relsName: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.includes('\\')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  const base = relsName.replace(/_rels\/[^/]*$/, '');
  const part = posix.normalize(path.startsWith('/') ? path.slice(1) : `${base}${path}`);
  return part === '..' || part.startsWith('../') || part.startsWith('/') ? undefined : part;
}

/**
 * Each field's instruction (fldSimple, or instrText runs between a field's begin and separate
 * marks, split across runs as Word often does) is judged by its first word.
 */
function checkFields(source: string, name: string, xml: string): void {
  const judge = (instruction: string) => {
    const keyword = decodeEntities(instruction).trim().split(/[\s\\"]/)[0]?.toUpperCase() ?? '';
    const field = FIELDS[keyword];
    if (field === undefined) return;
    const what = `${/^[AEIOU]/.test(keyword) ? 'an' : 'a'} ${keyword} field in ${name} (it ${field.does})`;
    throw field.active ? shellActiveContent(source, what) : shellExternal(source, `it has ${what}`);
  };
  for (const simple of elementsNamed(xml, 'fldSimple')) judge(simple['instr'] ?? '');
  const open: { instruction: string; judged: boolean }[] = [];
  const tokens = /<(?:[\w.-]+:)?fldChar\b((?:[^>"']|"[^"]*"|'[^']*')*)>|<(?:[\w.-]+:)?instrText\b[^>]*>([^<]*)</g;
  for (const match of xml.matchAll(tokens)) {
    const top = open.at(-1);
    if (match[2] !== undefined) {
      if (top === undefined) judge(match[2]);
      else top.instruction += match[2];
      continue;
    }
    const mark = /fldCharType\s*=\s*["'](\w+)["']/.exec(match[1] ?? '')?.[1];
    if (mark === 'begin') open.push({ instruction: '', judged: false });
    else if (top !== undefined && !top.judged && (mark === 'separate' || mark === 'end')) {
      judge(top.instruction);
      top.judged = true;
    }
    if (mark === 'end') open.pop();
  }
  for (const field of open) if (!field.judged) judge(field.instruction);
}
