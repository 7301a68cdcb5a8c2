/**
 * The combined motion filing (issue: "the complete motion-to-reopen filing"): the motion with its
 * index, every exhibit behind a tab sheet, the proposed order and the certificate of service, in
 * one PDF with continuous page numbers, split when it exceeds the e-filing limit.
 *
 * The index prints the pages each exhibit occupies, which depend on how many pages the motion and
 * the index themselves take: the motion is laid out once with wide placeholder ranges, the ranges
 * are computed from the page counts, and it is laid out again (and again, in the rare case the
 * count moved) until the page count is stable.
 */
import { makeIssue, type Case, type Issue } from './case/index.js';
import { composeBlocks, type TemplateStore } from './compose/templates.js';
import type { Block, DocumentTree } from './compose/tree.js';
import type { FilingFacts } from './documents/context.js';
import { orderExhibits, type OrderedExhibit } from './documents/exhibits.js';
import { buildPartViews, buildView } from './documents/registry.js';
import { PDFDocument } from 'pdf-lib';
import { ExhibitFileError, type ExhibitReader } from './io/exhibit-files.js';
import { assembleFiling, PacketError, type FilingPiece } from './packet/assemble.js';
import { sizeInWords, type ExhibitLimits } from './packet/exhibit-limits.js';
import { ExhibitSandbox, type SandboxFailure } from './packet/exhibit-sandbox.js';
import type { Removal } from './packet/exhibit-sanitize.js';
import type { LimitName } from './packet/pdf-budget.js';
import { sha256 } from './packet/manifest.js';
import { renderPdf } from './render/pdf/index.js';
import type { Evaluation } from './rules/evaluate.js';

export interface LoadedExhibit {
  exhibit: OrderedExhibit;
  /** The sanitized PDF that is filed (not the file as given); null when the exhibit has no file. */
  bytes: Uint8Array | null;
  pages: number | null;
  /** The SHA-256 of the file as given, so anyone can match it to the file they hold. */
  sha256: string | null;
  /** Active content removed from the file before filing (see packet/exhibit-sanitize.ts). */
  removed: Removal[];
}

/** Kinds of removal worth a warning: the file did something, or held something, beyond its pages. */
const ACTIVE: ReadonlySet<Removal['kind']> = new Set(['javascript', 'launch', 'action', 'form', 'embedded-file']);

/**
 * Reads and checks every exhibit file; each bad file is an error naming its item. Each file is
 * parsed and sanitized in a child process under the limits of packet/exhibit-limits.ts (which
 * tests may lower); what is filed is the sanitized copy.
 */
export async function loadExhibits(
  c: Case,
  read: ExhibitReader | undefined,
  limits?: Partial<ExhibitLimits>,
): Promise<{ exhibits: LoadedExhibit[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const files: { e: OrderedExhibit; file: string; bytes: Uint8Array }[] = [];
  const loaded = new Map<OrderedExhibit, LoadedExhibit>();
  const ordered = orderExhibits(c.motion?.evidence ?? []);
  const problem = (e: OrderedExhibit, text: string) =>
    issues.push(makeIssue('exhibit_file', `motion.evidence.${e.index}.file`, 'error', { tab: e.tab, title: e.item.title, file: e.item.file ?? '', problem: text }));
  for (const e of ordered) {
    const file = e.item.file;
    if (file === undefined) {
      // A document Reopen writes is filed at this tab (its pages are counted when it is laid out).
      if (e.item.pages === undefined && e.item.document === undefined) {
        issues.push(makeIssue('exhibit_pages_unknown', `motion.evidence.${e.index}.pages`, 'warning', { tab: e.tab, title: e.item.title }));
      }
      loaded.set(e, { exhibit: e, bytes: null, pages: null, sha256: null, removed: [] });
      continue;
    }
    if (!read) {
      problem(e, 'exhibit files can only be read when the case comes from a file on disk');
      continue;
    }
    try {
      files.push({ e, file, bytes: await read(file) });
    } catch (err) {
      problem(e, err instanceof ExhibitFileError ? err.message : `it could not be read (${(err as Error).message})`);
    }
  }

  const pdfs = files.filter(({ e, bytes }) => {
    const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
    if (!head.includes('%PDF-')) problem(e, 'it is not a PDF (convert or scan it to PDF first)');
    return head.includes('%PDF-');
  });
  const sandbox = new ExhibitSandbox({ largestFileBytes: Math.max(0, ...pdfs.map((p) => p.bytes.length)), ...(limits ? { limits } : {}) });
  try {
    for (const { e, file, bytes } of pdfs) {
      const result = await sandbox.check(bytes);
      if (!result.ok) {
        const f = result.failure;
        if (f.kind === 'limit') {
          issues.push(makeIssue('exhibit_limit', `motion.evidence.${e.index}.file`, 'error', { tab: e.tab, title: e.item.title, file, limit: limitInWords(f.limit, sandbox.limitsFor(bytes.length)) }));
        } else {
          problem(e, failureInWords(f));
        }
        continue;
      }
      const { report } = result;
      if (e.item.pages !== undefined && e.item.pages !== report.pages) {
        issues.push(makeIssue('exhibit_pages', `motion.evidence.${e.index}.pages`, 'warning', { tab: e.tab, said: e.item.pages, found: report.pages }));
      }
      const active = report.removed.filter((r) => ACTIVE.has(r.kind));
      if (active.length > 0) {
        issues.push(makeIssue('exhibit_sanitized', `motion.evidence.${e.index}.file`, 'warning', { tab: e.tab, title: e.item.title, removed: active.map(removalInWords) }));
      }
      if (report.pagesWithoutText.length > 0) {
        issues.push(
          makeIssue('exhibit_no_text', `motion.evidence.${e.index}.file`, 'warning', {
            tab: e.tab,
            title: e.item.title,
            pages: report.pagesWithoutText.length === report.pages ? 'any of its pages' : `page${report.pagesWithoutText.length > 1 ? 's' : ''} ${pageList(report.pagesWithoutText)}`,
          }),
        );
      }
      loaded.set(e, { exhibit: e, bytes: result.pdf, pages: report.pages, sha256: sha256(bytes), removed: report.removed });
    }
  } finally {
    sandbox.close();
  }
  return { exhibits: ordered.flatMap((e) => loaded.get(e) ?? []), issues };
}

/**
 * One uploaded exhibit file, checked as `loadExhibits` checks a file named in a case: a PDF,
 * parsed and sanitized in the sandbox child under the same limits. `problem` is a phrase that
 * completes "The uploaded exhibit cannot be kept: ..."; `removed` lists active content the filed
 * copy will not carry. The file as given is what the caller keeps; every packet sanitizes again.
 */
export async function checkExhibitFile(
  bytes: Uint8Array,
  limits?: Partial<ExhibitLimits>,
): Promise<{ ok: true; pages: number; removed: string[]; pagesWithoutText: number } | { ok: false; problem: string }> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    return { ok: false, problem: 'it is not a PDF (convert or scan it to PDF first)' };
  }
  const sandbox = new ExhibitSandbox({ largestFileBytes: bytes.length, ...(limits ? { limits } : {}) });
  try {
    const result = await sandbox.check(bytes);
    if (!result.ok) {
      const f = result.failure;
      return { ok: false, problem: f.kind === 'limit' ? limitInWords(f.limit, sandbox.limitsFor(bytes.length)) : failureInWords(f) };
    }
    const { report } = result;
    return { ok: true, pages: report.pages, removed: report.removed.filter((r) => ACTIVE.has(r.kind)).map(removalInWords), pagesWithoutText: report.pagesWithoutText.length };
  } finally {
    sandbox.close();
  }
}

function failureInWords(f: Exclude<SandboxFailure, { kind: 'limit' }>): string {
  switch (f.kind) {
    case 'encrypted':
      return 'the PDF is encrypted or password-protected (save an unprotected copy)';
    case 'no-pages':
      return 'the PDF has no pages';
    case 'damaged':
      return `the PDF is damaged and cannot be read${f.detail ? ` (${f.detail})` : ''}; open it and save or print it to a new PDF`;
    case 'sandbox':
      return `it could not be checked: ${f.detail}`;
  }
}

/** A limit in plain words, with its value. */
function limitInWords(limit: LimitName, l: { limits: ExhibitLimits; memoryBytes: number; timeMs: number }): string {
  switch (limit) {
    case 'decoded-stream':
      return `a stream in it inflates to more than ${sizeInWords(l.limits.maxDecodedStreamBytes)}, the limit for one stream (the mark of a damaged file or a "decompression bomb")`;
    case 'decoded-total':
      return `its streams inflate to more than ${sizeInWords(l.limits.maxDecodedBytes)} together, the limit for one exhibit`;
    case 'objects':
      return `it holds more than ${l.limits.maxObjects.toLocaleString('en-US')} PDF objects, the limit for one exhibit`;
    case 'pages':
      return `it has more than ${l.limits.maxPages.toLocaleString('en-US')} pages, the limit for one exhibit; split it into several exhibits`;
    case 'memory':
      return `reading it needed more than ${sizeInWords(l.memoryBytes)} of memory, the limit for this file`;
    case 'time':
      return `reading it took longer than ${Math.round(l.timeMs / 1000)} seconds, the time limit for this file`;
  }
}

function removalInWords(r: Removal): string {
  const where = r.pages.length === 0 ? '' : ` (page${r.pages.length > 1 ? 's' : ''} ${pageList(r.pages)})`;
  return `${r.count > 1 ? `${r.count} × ` : ''}${r.what}${where}`;
}

/** "1–3, 7": 1-based page numbers, in order, runs joined. */
export function pageList(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

export interface MotionFiling {
  /** The motion-to-reopen tree with the real page ranges, for the standalone DOCX and PDF. */
  tree: DocumentTree;
  /** The part templates the filing was laid out with (tab sheets, placeholders, certificates). */
  parts: string[];
  facts: FilingFacts;
  files: { name: string; bytes: Uint8Array }[];
}

interface Inputs {
  c: Case;
  ev: Evaluation;
  asOf: string;
  store: TemplateStore;
  exhibits: LoadedExhibit[];
  /** Generated documents filed at a tab (`evidence[].document`), by document id. */
  tabDocuments: ReadonlyMap<string, DocumentTree>;
  maxBytes: number;
  treeOf: (view: { furniture: DocumentTree['furniture']; title: string }, blocks: Block[]) => DocumentTree;
}

const PLACEHOLDER = 999;
/** Laying the motion out again moves its page count at most once or twice; more means a bug. */
const MAX_LAYOUTS = 4;

function splitAtExhibits(blocks: Block[]): [Block[], Block[]] {
  const at = blocks.findIndex((b) => b.kind === 'pageBreak' && b.mark === 'exhibits');
  if (at < 0) throw new Error('the motion-to-reopen template has no ::pagebreak{mark=exhibits}');
  return [blocks.slice(0, at), blocks.slice(at + 1)];
}

async function pagesOf(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

type Starts = Map<number, { first: number; last: number; filePages: number | null }>;

export async function buildMotionFiling(x: Inputs): Promise<MotionFiling | { issue: Issue }> {
  const prefix = x.c.respondent.aNumber;
  const names = [`${prefix}-filing.pdf`];
  const compose = (starts: Starts, pageCount: number) => {
    const built = buildView('motion-to-reopen', x.c, x.ev, { exhibitPages: starts, files: names, pageCount });
    return x.treeOf(built.view, composeBlocks('motion-to-reopen', built.view, x.store).blocks);
  };
  const bare = (t: DocumentTree, blocks: Block[]): DocumentTree => ({ ...t, furniture: { ...t.furniture, pageNumbers: false }, blocks });
  const renderPart = async (id: string, view: unknown) => {
    const v = view as { furniture: DocumentTree['furniture']; title: string };
    const t = x.treeOf(v, composeBlocks(id, v, x.store).blocks);
    return renderPdf(bare(t, t.blocks));
  };

  // What stands behind each tab: its sheet, then the file's pages or placeholders for them.
  const behind = new Map<number, { label: string; pdf: Uint8Array }[]>();
  const add = (index: number, piece: { label: string; pdf: Uint8Array }) => behind.set(index, [...(behind.get(index) ?? []), piece]);
  for (const tv of buildPartViews('exhibit-tab', x.c, x.ev)) add(tv.index, { label: 'a tab sheet', pdf: await renderPart('exhibit-tab', tv.view) });
  for (const e of x.exhibits) if (e.bytes) add(e.exhibit.index, { label: `exhibit ${e.exhibit.tab}`, pdf: e.bytes });
  for (const e of x.exhibits) {
    const id = e.exhibit.item.document;
    const tree = id === undefined ? undefined : x.tabDocuments.get(id);
    if (id !== undefined && !tree) throw new Error(`the document "${id}" filed at Tab ${e.exhibit.tab} was not built`);
    if (tree) add(e.exhibit.index, { label: `the ${id} at Tab ${e.exhibit.tab}`, pdf: await renderPdf(bare(tree, tree.blocks)) });
  }
  const parts = new Set(['exhibit-tab']);
  // Behind the exhibit's own pages: placeholders for pages to insert, then the certificates that
  // go with it: a translated exhibit's (8 C.F.R. 1003.33; ICPM 3.3(a)), and the interpreter's
  // behind a declaration read to the respondent (ICPM 3.3(a)).
  for (const part of ['exhibit-placeholder', 'certificate-of-translation', 'certificate-of-interpretation']) {
    for (const pv of buildPartViews(part, x.c, x.ev)) {
      add(pv.index, { label: `a ${part.replace(/-/g, ' ')} page`, pdf: await renderPart(part, pv.view) });
      parts.add(part);
    }
  }
  const lengths = new Map<number, number>();
  for (const [index, pieces] of behind) {
    let n = 0;
    for (const p of pieces) n += await pagesOf(p.pdf);
    lengths.set(index, n);
  }

  // Lay the motion out until the page count it is planned with is the one it has.
  let starts: Starts = new Map(x.exhibits.map((e) => [e.exhibit.index, { first: PLACEHOLDER, last: PLACEHOLDER, filePages: e.pages }]));
  let tree = compose(starts, PLACEHOLDER);
  let motionPages = await pagesOf(await renderPdf(bare(tree, splitAtExhibits(tree.blocks)[0])));
  let settled = false;
  for (let attempt = 0; attempt < MAX_LAYOUTS && !settled; attempt++) {
    const next: Starts = new Map();
    let page = motionPages + 1;
    for (const e of x.exhibits) {
      const n = lengths.get(e.exhibit.index) ?? 0;
      next.set(e.exhibit.index, { first: page, last: page + n - 1, filePages: e.pages });
      page += n;
    }
    starts = next;
    tree = compose(starts, page - 1);
    const count = await pagesOf(await renderPdf(bare(tree, splitAtExhibits(tree.blocks)[0])));
    settled = count === motionPages;
    motionPages = count;
  }
  if (!settled) throw new Error('the motion\'s page count did not settle while its index was laid out');

  const [before, after] = splitAtExhibits(tree.blocks);
  const pieces: FilingPiece[] = [{ label: 'the motion and its index', pdf: await renderPdf(bare(tree, before)) }];
  const firstPieceOf = new Map<number, number>();
  for (const e of x.exhibits) {
    firstPieceOf.set(e.exhibit.index, pieces.length);
    pieces.push(...(behind.get(e.exhibit.index) ?? []));
  }
  pieces.push({ label: 'the proposed order and certificate of service', pdf: await renderPdf(bare(tree, after)) });

  let assembled;
  try {
    assembled = await assembleFiling(pieces, { asOf: x.asOf, title: `${tree.title}: combined filing`, maxBytes: x.maxBytes });
  } catch (err) {
    if (err instanceof PacketError) return { issue: makeIssue('filing_too_large', 'motion.evidence', 'error', { detail: err.message }) };
    throw err;
  }
  // The index promised these pages; the assembled filing must agree, or nothing is written.
  for (const [index, at] of starts) {
    if (assembled.starts[firstPieceOf.get(index)!] !== at.first) throw new Error('the exhibit index and the assembled filing disagree on a page');
  }
  const fileNames = assembled.files.length === 1 ? names : assembled.files.map((_, i) => `${prefix}-filing-part${i + 1}.pdf`);
  return {
    tree,
    parts: [...parts],
    facts: { exhibitPages: starts, files: fileNames, pageCount: assembled.pageCount },
    files: assembled.files.map((bytes, i) => ({ name: fileNames[i]!, bytes })),
  };
}
