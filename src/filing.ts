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
import { PDFDocument, EncryptedPDFError } from 'pdf-lib';
import { ExhibitFileError, type ExhibitReader } from './io/exhibit-files.js';
import { assembleFiling, PacketError, type FilingPiece } from './packet/assemble.js';
import { sha256 } from './packet/manifest.js';
import { renderPdf } from './render/pdf/index.js';
import type { Evaluation } from './rules/evaluate.js';

export interface LoadedExhibit {
  exhibit: OrderedExhibit;
  bytes: Uint8Array | null;
  pages: number | null;
  sha256: string | null;
}

/** Reads and checks every exhibit file; each bad file is an error naming its item. */
export async function loadExhibits(c: Case, read: ExhibitReader | undefined): Promise<{ exhibits: LoadedExhibit[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const exhibits: LoadedExhibit[] = [];
  for (const e of orderExhibits(c.motion?.evidence ?? [])) {
    const file = e.item.file;
    const path = `motion.evidence.${e.index}.file`;
    const problem = (text: string) => issues.push(makeIssue('exhibit_file', path, 'error', { tab: e.tab, title: e.item.title, file: file ?? '', problem: text }));
    if (file === undefined) {
      // A document Reopen writes is filed at this tab (its pages are counted when it is laid out).
      if (e.item.pages === undefined && e.item.document === undefined) {
        issues.push(makeIssue('exhibit_pages_unknown', `motion.evidence.${e.index}.pages`, 'warning', { tab: e.tab, title: e.item.title }));
      }
      exhibits.push({ exhibit: e, bytes: null, pages: null, sha256: null });
      continue;
    }
    if (!read) {
      problem('exhibit files can only be read when the case comes from a file on disk');
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await read(file);
    } catch (err) {
      problem(err instanceof ExhibitFileError ? err.message : `it could not be read (${(err as Error).message})`);
      continue;
    }
    const checked = await checkPdf(bytes);
    if (typeof checked === 'string') {
      problem(checked);
      continue;
    }
    if (e.item.pages !== undefined && e.item.pages !== checked) {
      issues.push(makeIssue('exhibit_pages', `motion.evidence.${e.index}.pages`, 'warning', { tab: e.tab, said: e.item.pages, found: checked }));
    }
    exhibits.push({ exhibit: e, bytes, pages: checked, sha256: sha256(bytes) });
  }
  return { exhibits, issues };
}

/** The page count of a usable PDF, or why it is not one. */
async function checkPdf(bytes: Uint8Array): Promise<number | string> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return 'it is not a PDF (convert or scan it to PDF first)';
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const n = doc.getPageCount();
    return n > 0 ? n : 'the PDF has no pages';
  } catch (err) {
    // pdf-lib is compiled to ES5, so its error classes fail instanceof; its message is stable.
    if (err instanceof EncryptedPDFError || /is encrypted/.test((err as Error).message)) {
      return 'the PDF is encrypted or password-protected (save an unprotected copy)';
    }
    return `the PDF is damaged and cannot be read (${(err as Error).message})`;
  }
}

export interface MotionFiling {
  /** The motion-to-reopen tree with the real page ranges, for the standalone DOCX and PDF. */
  tree: DocumentTree;
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
  for (const pv of buildPartViews('exhibit-placeholder', x.c, x.ev)) add(pv.index, { label: 'a placeholder page', pdf: await renderPart('exhibit-placeholder', pv.view) });
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
    facts: { exhibitPages: starts, files: fileNames, pageCount: assembled.pageCount },
    files: assembled.files.map((bytes, i) => ({ name: fileNames[i]!, bytes })),
  };
}
