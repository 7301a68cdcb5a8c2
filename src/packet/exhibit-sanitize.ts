/**
 * One exhibit PDF made safe to file: parsed within a budget, stripped of everything active, its
 * form fields and other annotations flattened to what they show, and checked for a text layer.
 * It runs inside the exhibit child process (exhibit-worker.ts), where pdf-budget.ts's hooks are
 * installed; the parent only ever sees the sanitized bytes and the report.
 *
 * What is removed (and reported, per exhibit, in the manifest):
 * - the document catalog is cut down to its page tree, so /OpenAction, the catalog's /AA, the
 *   /Names trees (/JavaScript, /EmbeddedFiles), /AcroForm (and XFA), outlines and the rest go;
 * - every page's /AA and every annotation: an annotation with a normal appearance that is not
 *   hidden (a filled-in form field, a stamp, a highlight) is drawn into the page content at its
 *   rectangle first, so the page looks as it did; links stop being clickable; attached files
 *   (FileAttachment) are dropped without being drawn;
 * - then, anywhere still reachable from the pages: /AA, /JS, /JavaScript, /EmbeddedFiles, /EF,
 *   /AcroForm, /XFA entries, any entry whose value is an action (a dictionary with /S), and any
 *   embedded file stream, and any object pdf-lib could not parse; objects nothing reaches any
 *   more are deleted.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFContentStream,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFContext,
  type PDFObject,
  type PDFOperator,
} from 'pdf-lib';
import type { ExhibitLimits } from './exhibit-limits.js';
import { Budget, LimitBreach, withBudget, type LimitName } from './pdf-budget.js';
import { decodeStream, TextLayerProbe } from './text-layer.js';

export type RemovalKind = 'javascript' | 'launch' | 'action' | 'form' | 'embedded-file' | 'annotation';

export interface Removal {
  kind: RemovalKind;
  /** What, in plain words ("JavaScript run when the document is opened (/OpenAction)"). */
  what: string;
  count: number;
  /** Pages of the exhibit (1-based) it was on; empty for the document as a whole. */
  pages: number[];
}

export interface SanitizeReport {
  pages: number;
  removed: Removal[];
  /** Pages (1-based) that show no text: scans without OCR. */
  pagesWithoutText: number[];
}

export type SanitizeFailure =
  | { kind: 'limit'; limit: LimitName }
  | { kind: 'encrypted' }
  | { kind: 'no-pages' }
  /** `detail` is Reopen's own words; a library's message is never passed on. */
  | { kind: 'damaged'; detail?: string };

export type SanitizeResult = { ok: true; pdf: Uint8Array; report: SanitizeReport } | { ok: false; failure: SanitizeFailure };

const N = (s: string) => PDFName.of(s);

/** Keys dropped wherever they appear in what the pages reach. */
const ACTIVE_KEYS = ['AA', 'OpenAction', 'JS', 'JavaScript', 'EmbeddedFiles', 'EF', 'AcroForm', 'XFA', 'Annots'];
/** Page entries kept; the rest (/AA, /Annots, /StructParents, /PieceInfo, /B, /Thumb...) go. */
const PAGE_KEYS = new Set(['Type', 'Parent', 'Resources', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Contents', 'Rotate', 'Group', 'UserUnit']);
/** Annotation flags: Hidden and NoView annotations do not show, so they are not drawn. */
const HIDDEN = 2;
const NO_VIEW = 32;
/** Actions chained with /Next followed; real files chain one or two. */
const MAX_CHAIN = 64;

export async function sanitizePdf(bytes: Uint8Array, limits: ExhibitLimits): Promise<SanitizeResult> {
  const budget = new Budget(limits.maxDecodedStreamBytes, limits.maxDecodedBytes, limits.maxObjects);
  // A cheap first look: every object ends with "endobj", so a count far past the limit is refused
  // before a minute of parsing.
  if (countOccurrences(bytes, 'endobj', limits.maxObjects + 1) > limits.maxObjects) return { ok: false, failure: { kind: 'limit', limit: 'objects' } };
  try {
    return await withBudget(budget, async () => {
      let doc: PDFDocument;
      try {
        doc = await PDFDocument.load(bytes, { updateMetadata: false });
      } catch (err) {
        if (budget.breach) throw new LimitBreach(budget.breach);
        if (/is encrypted/.test((err as Error).message)) return { ok: false, failure: { kind: 'encrypted' } };
        return { ok: false, failure: failureOf(err) };
      }
      if (budget.breach) throw new LimitBreach(budget.breach);
      const pages = countPages(doc.context, doc.catalog, limits.maxPages, limits.maxObjects);
      if (pages === 'too many') budget.fail('pages');
      if (pages === 'loops') return { ok: false, failure: { kind: 'damaged', detail: 'its page tree loops back on itself' } };
      if (pages === 'missing') return { ok: false, failure: { kind: 'damaged', detail: 'some of its pages are missing, as in a file cut short' } };
      if (pages === 0) return { ok: false, failure: { kind: 'no-pages' } };
      const report = sanitizeDocument(doc, (s) => {
        if (s instanceof PDFRawStream) return decodeBudgeted(s);
        return decodeStream(s);
      });
      const pdf = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
      return { ok: true, pdf, report };
    });
  } catch (err) {
    if (err instanceof LimitBreach || budget.breach) return { ok: false, failure: { kind: 'limit', limit: budget.breach ?? (err as LimitBreach).limit } };
    return { ok: false, failure: failureOf(err) };
  }
}

/** What an unexpected error while reading means: memory ran out, or the file is damaged. */
export function failureOf(err: unknown): SanitizeFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (/allocation failed|out of memory/i.test(message)) return { kind: 'limit', limit: 'memory' };
  if (/call stack/i.test(message)) return { kind: 'damaged', detail: 'its structure is nested too deeply' };
  return { kind: 'damaged' };
}

/** A raw stream decoded through pdf-lib's decoders (where the budget hooks sit). */
function decodeBudgeted(s: PDFRawStream): Uint8Array {
  try {
    return decodeStream(s);
  } catch (err) {
    if (err instanceof LimitBreach || failureOf(err).kind === 'limit') throw err;
    return new Uint8Array(0); // an unknown filter or a broken stream shows nothing we can read
  }
}

function countOccurrences(bytes: Uint8Array, word: string, stopAt: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buf.indexOf(word, 0, 'latin1'); at >= 0 && count < stopAt; at = buf.indexOf(word, at + word.length, 'latin1')) count++;
  return count;
}

/** Leaves of the page tree, counted without trusting /Count and without following a loop forever. */
function countPages(context: PDFContext, catalog: PDFDict, maxPages: number, maxNodes: number): number | 'too many' | 'loops' | 'missing' {
  const root = catalog.get(N('Pages'));
  const stack: PDFObject[] = root ? [root] : [];
  let pages = 0;
  let visited = 0;
  while (stack.length > 0) {
    if (++visited > maxNodes + maxPages) return 'loops';
    const node = context.lookup(stack.pop());
    if (!(node instanceof PDFDict)) return 'missing';
    const kids = node.lookup(N('Kids'));
    if (node.lookup(N('Type')) === N('Pages') || kids instanceof PDFArray) {
      if (kids instanceof PDFArray) for (let i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
    } else if (++pages > maxPages) {
      return 'too many';
    }
  }
  return pages;
}

/** Removes everything active from a loaded document in place; returns what was removed. */
export function sanitizeDocument(doc: PDFDocument, decode: (s: PDFStream) => Uint8Array): SanitizeReport {
  const context = doc.context;
  const removed = new Removals();

  // The catalog: only the page tree stays.
  const catalog = doc.catalog;
  const open = catalog.get(N('OpenAction'));
  if (open) for (const kind of actionKinds(context, open)) removed.add(kind, describeAction(kind, 'run when the document is opened (/OpenAction)'));
  noteTriggers(context, catalog.lookup(N('AA')), removed, 'run on document events such as closing or printing (/AA)', undefined);
  const names = catalog.lookup(N('Names'));
  if (names instanceof PDFDict) {
    const scripts = countNameTree(context, names.get(N('JavaScript')));
    if (scripts > 0) removed.add('javascript', 'document-level JavaScript (/Names /JavaScript)', scripts);
    const files = countNameTree(context, names.get(N('EmbeddedFiles')));
    if (files > 0) removed.add('embedded-file', 'embedded files (/Names /EmbeddedFiles)', files);
  }
  const form = catalog.lookup(N('AcroForm'));
  if (form instanceof PDFDict) {
    const fields = form.lookup(N('Fields'));
    removed.add('form', 'the interactive form (/AcroForm); its fields no longer take input', fields instanceof PDFArray ? Math.max(1, fields.size()) : 1);
    if (form.get(N('XFA'))) removed.add('form', 'an XFA form (/XFA)');
  }
  for (const key of catalog.keys()) if (key !== N('Type') && key !== N('Pages')) catalog.delete(key);
  delete context.trailerInfo.Info;
  delete context.trailerInfo.ID;

  // Each page: annotations drawn in or dropped, page actions removed.
  const probe = new TextLayerProbe(context, decode);
  const pagesWithoutText: number[] = [];
  doc.getPages().forEach((page, i) => {
    const number = i + 1;
    const node = page.node;
    noteTriggers(context, node.lookup(N('AA')), removed, 'run when the page is opened or closed (/AA)', number);
    const annots = node.lookup(N('Annots'));
    if (annots instanceof PDFArray) flattenAnnotations(doc, page, annots, number, removed);
    for (const key of node.keys()) if (!PAGE_KEYS.has(key.decodeText())) node.delete(key);
    if (!probe.pageHasText(page)) pagesWithoutText.push(number);
  });

  // Anything active still reachable, wherever it hides; then only what is reachable is kept.
  const reachable = scrub(context, catalog, removed);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref)) context.delete(ref);

  return { pages: doc.getPageCount(), removed: removed.list(), pagesWithoutText };
}

class Removals {
  private readonly byWhat = new Map<string, { kind: RemovalKind; what: string; count: number; pages: Set<number> }>();

  add(kind: RemovalKind, what: string, count = 1, page?: number): void {
    const key = `${kind}\u0000${what}`;
    const r = this.byWhat.get(key) ?? { kind, what, count: 0, pages: new Set<number>() };
    r.count += count;
    if (page !== undefined) r.pages.add(page);
    this.byWhat.set(key, r);
  }

  /** In the order first met (document, then page by page), pages ascending. */
  list(): Removal[] {
    return [...this.byWhat.values()].map((r) => ({ kind: r.kind, what: r.what, count: r.count, pages: [...r.pages].sort((a, b) => a - b) }));
  }
}

const ACTION_TYPES = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'ResetForm', 'GoTo', 'GoToR', 'GoToE', 'URI', 'Named', 'Hide', 'Sound', 'Movie', 'Rendition', 'Trans', 'SetOCGState', 'GoTo3DView', 'Thread', 'RichMediaExecute']);

/** True for a dictionary that is an action: /S names an action type, or /Type is /Action. */
function isAction(obj: PDFObject | undefined): obj is PDFDict {
  if (!(obj instanceof PDFDict)) return false;
  const s = obj.lookup(N('S'));
  return obj.lookup(N('Type')) === N('Action') || (s instanceof PDFName && ACTION_TYPES.has(s.decodeText()));
}

/** The kinds of action in an action and its /Next chain. */
function actionKinds(context: PDFContext, start: PDFObject): Set<RemovalKind> {
  const kinds = new Set<RemovalKind>();
  const queue: PDFObject[] = [start];
  const seen = new Set<PDFObject>();
  while (queue.length > 0 && seen.size < MAX_CHAIN) {
    const ref = queue.shift()!;
    const a = context.lookup(ref);
    if (seen.has(ref) || seen.has(a as PDFObject) || !isAction(a)) continue;
    seen.add(ref);
    seen.add(a);
    const s = a.lookup(N('S'));
    const type = s instanceof PDFName ? s.decodeText() : '';
    kinds.add(type === 'JavaScript' ? 'javascript' : type === 'Launch' ? 'launch' : 'action');
    if (a.get(N('JS'))) kinds.add('javascript');
    const next = a.lookup(N('Next'));
    if (next instanceof PDFArray) for (let i = 0; i < next.size(); i++) queue.push(next.get(i));
    else if (next) queue.push(a.get(N('Next'))!);
  }
  return kinds;
}

function describeAction(kind: RemovalKind, when: string): string {
  if (kind === 'javascript') return `JavaScript ${when}`;
  if (kind === 'launch') return `a launch action (opens another program or file) ${when}`;
  return `an action ${when}`;
}

/** Records the actions of an additional-actions (/AA) dictionary. */
function noteTriggers(context: PDFContext, aa: PDFObject | undefined, removed: Removals, when: string, page: number | undefined): void {
  if (!(aa instanceof PDFDict)) return;
  const kinds = new Set<RemovalKind>();
  for (const [, action] of aa.entries()) for (const k of actionKinds(context, action)) kinds.add(k);
  for (const k of kinds) removed.add(k, describeAction(k, when), 1, page);
}

/** Entries of a name tree (bounded by the nodes it has; a loop is not followed twice). */
function countNameTree(context: PDFContext, root: PDFObject | undefined): number {
  let count = 0;
  const stack: PDFObject[] = root ? [root] : [];
  const seen = new Set<PDFObject>();
  while (stack.length > 0) {
    const ref = stack.pop()!;
    const node = context.lookup(ref);
    if (!(node instanceof PDFDict) || seen.has(node)) continue;
    seen.add(node);
    const names = node.lookup(N('Names'));
    if (names instanceof PDFArray) count += Math.floor(names.size() / 2);
    const kids = node.lookup(N('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) stack.push(kids.get(i));
  }
  return count;
}

const SUBTYPE_WORDS: Record<string, [RemovalKind, string]> = {
  Widget: ['form', 'form fields, flattened to what they show'],
  FileAttachment: ['embedded-file', 'attached files (FileAttachment annotations)'],
  Link: ['annotation', 'links, no longer clickable'],
  Popup: ['annotation', 'pop-up notes'],
  Screen: ['annotation', 'media players (Screen annotations)'],
  Movie: ['annotation', 'media players (Movie annotations)'],
  Sound: ['annotation', 'sounds (Sound annotations)'],
  RichMedia: ['annotation', 'media players (RichMedia annotations)'],
  '3D': ['annotation', '3D models (3D annotations)'],
};

/**
 * Draws each visible annotation's normal appearance into the page (PDF 32000-1 12.5.5: the
 * appearance's bounding box, transformed by its matrix, is fitted to the annotation rectangle),
 * then removes all annotations from the page.
 */
function flattenAnnotations(doc: PDFDocument, page: ReturnType<PDFDocument['getPages']>[number], annots: PDFArray, number: number, removed: Removals): void {
  const context = doc.context;
  const ops: PDFOperator[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookup(i);
    if (!(annot instanceof PDFDict)) continue;
    const subtypeName = annot.lookup(N('Subtype'));
    const subtype = subtypeName instanceof PDFName ? subtypeName.decodeText() : '';
    const [kind, words] = SUBTYPE_WORDS[subtype] ?? ['annotation', 'comments and markings, flattened to what they show'];
    removed.add(kind, words, 1, number);
    const action = annot.get(N('A'));
    if (action) for (const k of actionKinds(context, action)) if (k !== 'action') removed.add(k, describeAction(k, 'run when an annotation is clicked (/A)'), 1, number);
    noteTriggers(context, annot.lookup(N('AA')), removed, 'run by a form field or annotation (/AA)', number);
    if (subtype === 'FileAttachment' || subtype === 'Popup') continue;
    const flags = annot.lookup(N('F'));
    if (flags instanceof PDFNumber && (flags.asNumber() & (HIDDEN | NO_VIEW)) !== 0) continue;
    const appearance = normalAppearance(context, annot);
    const rect = annot.lookup(N('Rect'));
    if (!appearance || !(rect instanceof PDFArray) || rect.size() < 4) continue;
    const placed = placement(appearance.stream, rect);
    if (!placed) continue;
    if (!appearance.stream.dict.get(N('Subtype'))) appearance.stream.dict.set(N('Subtype'), N('Form'));
    const name = page.node.newXObject('Flat', appearance.ref);
    ops.push(pushGraphicsState(), concatTransformationMatrix(...placed), drawObject(name), popGraphicsState());
  }
  if (ops.length > 0) {
    page.node.normalize(); // wraps the page's own content in q ... Q, so ours starts clean
    page.node.addContentStream(context.register(PDFContentStream.of(context.obj({}), ops)));
  }
  page.node.delete(N('Annots'));
}

/** The appearance stream shown in the annotation's current state, as an indirect object. */
function normalAppearance(context: PDFContext, annot: PDFDict): { ref: PDFRef; stream: PDFStream } | undefined {
  const ap = annot.lookup(N('AP'));
  if (!(ap instanceof PDFDict)) return undefined;
  let n = ap.get(N('N'));
  const resolved = context.lookup(n);
  if (resolved instanceof PDFDict && !(resolved instanceof PDFStream)) {
    const state = annot.lookup(N('AS'));
    n = state instanceof PDFName ? resolved.get(state) : undefined;
  }
  if (!(n instanceof PDFRef)) return undefined;
  const stream = context.lookup(n);
  return stream instanceof PDFStream ? { ref: n, stream } : undefined;
}

type Matrix = [number, number, number, number, number, number];

function numbers(arr: PDFObject | undefined, length: number): number[] | undefined {
  if (!(arr instanceof PDFArray) || arr.size() < length) return undefined;
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const v = arr.lookup(i);
    if (!(v instanceof PDFNumber) || !Number.isFinite(v.asNumber())) return undefined;
    out.push(v.asNumber());
  }
  return out;
}

/** The matrix that maps the appearance's transformed bounding box onto the rectangle. */
function placement(stream: PDFStream, rectArray: PDFArray): Matrix | undefined {
  const r = numbers(rectArray, 4);
  const bbox = numbers(stream.dict.lookup(N('BBox')), 4);
  if (!r || !bbox) return undefined;
  const m = (numbers(stream.dict.lookup(N('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0]) as Matrix;
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const [bx0, bx1, by0, by1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [rx0, rx1, ry0, ry1] = [Math.min(r[0]!, r[2]!), Math.max(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[1]!, r[3]!)];
  if (bx1 - bx0 <= 0 || by1 - by0 <= 0) return undefined;
  const sx = (rx1 - rx0) / (bx1 - bx0);
  const sy = (ry1 - ry0) / (by1 - by0);
  return [sx, 0, 0, sy, rx0 - sx * bx0, ry0 - sy * by0];
}

/**
 * Walks everything the catalog reaches, removing active entries; returns the indirect objects
 * reached. Iterative, each object once, so its cost is linear in the objects.
 */
function scrub(context: PDFContext, catalog: PDFDict, removed: Removals): Set<PDFRef> {
  const reachable = new Set<PDFRef>();
  const seen = new Set<PDFObject>();
  const root = context.trailerInfo.Root;
  if (root instanceof PDFRef) reachable.add(root);
  const stack: PDFObject[] = [catalog];
  const visit = (value: PDFObject | undefined) => {
    if (value instanceof PDFRef) {
      if (reachable.has(value)) return;
      reachable.add(value);
      const target = context.lookup(value);
      if (target) stack.push(target);
    } else if (value instanceof PDFDict || value instanceof PDFArray || value instanceof PDFStream) {
      stack.push(value);
    }
  };
  while (stack.length > 0) {
    const obj = stack.pop()!;
    if (seen.has(obj)) continue;
    seen.add(obj);
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const target = context.lookup(value);
        const name = key.decodeText();
        // What pdf-lib could not parse it writes back as it was: it would be parsed (and warned
        // about) again when the filing is assembled, so it goes, as a reader would ignore it.
        if (target instanceof PDFInvalidObject) {
          dict.delete(key);
          continue;
        }
        if (ACTIVE_KEYS.includes(name) || isAction(target) || isEmbeddedFile(target)) {
          const kinds = isAction(target) ? actionKinds(context, value) : new Set<RemovalKind>();
          if (name === 'JS' || name === 'JavaScript') kinds.add('javascript');
          if (name === 'EmbeddedFiles' || name === 'EF' || isEmbeddedFile(target)) kinds.add('embedded-file');
          if (name === 'AcroForm' || name === 'XFA') kinds.add('form');
          if (kinds.size === 0) kinds.add('action');
          for (const k of kinds) removed.add(k, `other ${k === 'embedded-file' ? 'embedded files' : k === 'form' ? 'form data' : k === 'javascript' ? 'JavaScript' : k === 'launch' ? 'launch actions' : 'actions'} found inside the pages' resources (/${name})`);
          dict.delete(key);
          continue;
        }
        visit(value);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        if (context.lookup(obj.get(i)) instanceof PDFInvalidObject) obj.set(i, PDFNull);
        else visit(obj.get(i));
      }
    }
  }
  return reachable;
}

function isEmbeddedFile(obj: PDFObject | undefined): boolean {
  return obj instanceof PDFStream && obj.dict.lookup(N('Type')) === N('EmbeddedFile');
}
