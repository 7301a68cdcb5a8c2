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
  preview: boolean;
  maxBytes: number;
  treeOf: (id: string, view: { furniture: DocumentTree['furniture']; title: string }, blocks: Block[]) => DocumentTree;
}

const PLACEHOLDER = 999;

function splitAtExhibits(blocks: Block[]): [Block[], Block[]] {
  const at = blocks.findIndex((b) => b.kind === 'pageBreak' && b.mark === 'exhibits');
  if (at < 0) throw new Error('the motion-to-reopen template has no ::pagebreak{mark=exhibits}');
  return [blocks.slice(0, at), blocks.slice(at + 1)];
}

async function pagesOf(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

export async function buildMotionFiling(x: Inputs): Promise<MotionFiling | { issue: Issue }> {
  const prefix = x.c.respondent.aNumber;
  const facts = (starts: Map<number, { first: number; last: number; filePages: number | null }>, files: string[], pageCount: number): FilingFacts => ({
    exhibitPages: starts,
    files,
    pageCount,
  });
  const compose = (f: FilingFacts) => {
    const built = buildView('motion-to-reopen', x.c, x.ev, f);
    return x.treeOf('motion-to-reopen', built.view, composeBlocks('motion-to-reopen', built.view, x.store).blocks);
  };
  const withoutNumbers = (t: DocumentTree, blocks: Block[]): DocumentTree => ({ ...t, furniture: { ...t.furniture, pageNumbers: false }, blocks });

  // Tab sheets do not depend on page numbers.
  const tabViews = buildPartViews('exhibit-tab', x.c, x.ev);
  const tabPdfs: Uint8Array[] = [];
  for (const tv of tabViews) {
    const view = tv.view as { furniture: DocumentTree['furniture']; title: string };
    const t = x.treeOf('exhibit-tab', view, composeBlocks('exhibit-tab', view, x.store).blocks);
    tabPdfs.push(await renderPdf(withoutNumbers(t, t.blocks)));
  }

  let starts = new Map(x.exhibits.map((e) => [e.exhibit.index, { first: PLACEHOLDER, last: PLACEHOLDER, filePages: e.pages }]));
  let tree = compose(facts(starts, [`${prefix}-filing.pdf`], PLACEHOLDER));
  let before = splitAtExhibits(tree.blocks)[0];
  let beforePdf = await renderPdf(withoutNumbers(tree, before));
  for (let attempt = 0; attempt < 4; attempt++) {
    const motionPages = await pagesOf(beforePdf);
    const next = new Map<number, { first: number; last: number; filePages: number | null }>();
    let page = motionPages + 1;
    for (const e of x.exhibits) {
      // A tab sheet is one page (checked below), then the exhibit's own pages.
      const first = page;
      const last = page + (e.pages ?? 0);
      next.set(e.exhibit.index, { first, last, filePages: e.pages });
      page = last + 1;
    }
    starts = next;
    tree = compose(facts(starts, [`${prefix}-filing.pdf`], page - 1));
    before = splitAtExhibits(tree.blocks)[0];
    beforePdf = await renderPdf(withoutNumbers(tree, before));
    if ((await pagesOf(beforePdf)) === motionPages) break;
  }
  for (const [k, pdf] of tabPdfs.entries()) {
    if ((await pagesOf(pdf)) !== 1) throw new Error(`the tab sheet for exhibit ${x.exhibits[k]?.exhibit.tab} is not one page`);
  }
  const after = splitAtExhibits(tree.blocks)[1];
  const pieces: FilingPiece[] = [{ label: 'the motion and its index', pdf: beforePdf }];
  x.exhibits.forEach((e, k) => {
    pieces.push({ label: `the tab sheet of exhibit ${e.exhibit.tab}`, pdf: tabPdfs[k]! });
    if (e.bytes) pieces.push({ label: `exhibit ${e.exhibit.tab}`, pdf: e.bytes });
  });
  pieces.push({ label: 'the proposed order and certificate of service', pdf: await renderPdf(withoutNumbers(tree, after)) });

  let assembled;
  try {
    assembled = await assembleFiling(pieces, { asOf: x.asOf, title: `${tree.title}: combined filing`, maxBytes: x.maxBytes });
  } catch (err) {
    if (err instanceof PacketError) return { issue: makeIssue('filing_too_large', 'motion.evidence', 'error', { detail: err.message }) };
    throw err;
  }
  // The index promised these pages; the assembled filing must agree.
  let p = 1;
  for (const [k, piece] of pieces.entries()) {
    if (assembled.starts[k] !== p) throw new Error(`page plan and filing disagree at ${piece.label}`);
    p += await pagesOf(piece.pdf);
  }
  const names =
    assembled.files.length === 1 ? [`${prefix}-filing.pdf`] : assembled.files.map((_, i) => `${prefix}-filing-part${i + 1}.pdf`);
  return { tree, facts: facts(starts, names, assembled.pageCount), files: assembled.files.map((bytes, i) => ({ name: names[i]!, bytes })) };
}
