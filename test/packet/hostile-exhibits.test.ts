/**
 * Hostile exhibit files through the whole `generate` use case: refused with the exhibit and the
 * limit named, nothing on standard error, and for files that are accepted, a combined filing
 * whose exhibit pages carry nothing active while still showing what the file showed, with the
 * manifest saying what was removed from which exhibit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDocuments, type GenerateOptions, type GenerateResult } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { sha256 } from '../../src/packet/manifest.js';
import { merge, sample, type Json } from '../helpers/cases.js';
import { activeContentIn, activePdf, brokenObjectPdf, contentBombPdf, HOSTILE, imageOnlyPdf, manyPagesPdf, objectStreamBombPdf } from '../helpers/hostile-pdfs.js';
import { makePdf } from '../helpers/pdfs.js';
import { extract } from '../render/pdf/extract.js';
import { caseFolders } from '../helpers/case-folder.js';

/** A case folder in a temporary directory, with the exhibit files it names. */
const caseFolder = caseFolders('hostile');

/** The Hamama sample with these exhibits (Tab A, B, ...) and its asylum application last. */
const withEvidence = (evidence: Json[]) =>
  merge(sample('detained-iraqi-hamama'), { motion: { evidence: [...evidence, { title: 'Form I-589, with supporting documents', kind: 'application', pages: 2 }] } } as Json);

const run = (files: Record<string, Uint8Array>, evidence: Json[], opts: Partial<GenerateOptions> = {}) =>
  generateDocuments(withEvidence(evidence), { asOf: '2017-10-01', readExhibit: exhibitReader(caseFolder(files)), formats: ['pdf'], ...opts });

const filing = (r: GenerateResult) => r.files.find((f) => f.name.endsWith('-filing.pdf'))!.bytes;
const manifestOf = (r: GenerateResult) => JSON.parse(Buffer.from(r.manifest!.bytes).toString('utf8'));

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  });
  for (const m of ['log', 'warn', 'error'] as const) vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  // No stack trace, no pdf-lib warning, nothing from the child: problems are issues, not output.
  expect(printed).toEqual([]);
});

describe('refused exhibits', () => {
  const refused = async (file: Uint8Array, title: string, opts: Partial<GenerateOptions> = {}) => {
    const r = await run({ 'exhibits/x.pdf': file, 'exhibits/ok.pdf': await makePdf(1, 'Fine') }, [
      { title, kind: 'other', file: 'exhibits/x.pdf' },
      { title: 'A good exhibit', kind: 'other', file: 'exhibits/ok.pdf' },
    ], opts);
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([]);
    const issue = r.issues.find((i) => i.code === 'exhibit_limit' || i.code === 'exhibit_file');
    expect(issue).toMatchObject({ path: 'motion.evidence.0.file', severity: 'error' });
    expect(issue!.message).toMatch(/^(The file of e|E)xhibit A \(/);
    expect(issue!.message).toContain(`xhibit A ("${title}"), exhibits/x.pdf`);
    // Only the bad exhibit is refused: the good one after it was read as usual.
    expect(r.issues.filter((i) => i.path === 'motion.evidence.1.file')).toEqual([]);
    return issue!;
  };

  it('a content stream that inflates to 300 MB, at the per-stream limit', async () => {
    const issue = await refused(contentBombPdf(), 'The content-stream bomb');
    expect(issue.code).toBe('exhibit_limit');
    expect(issue.message).toMatch(/a stream in it inflates to more than 32 MB, the limit for one stream/);
  });

  it('an object stream that inflates to 300 MB, at the per-stream limit', async () => {
    const issue = await refused(objectStreamBombPdf(), 'The object-stream bomb');
    expect(issue.message).toMatch(/inflates to more than 32 MB/);
  });

  it('the same bomb without the decoding caps, at the memory limit of the child process', async () => {
    const issue = await refused(contentBombPdf(), 'The bomb', {
      exhibitLimits: { maxDecodedStreamBytes: 4096 * 1024 * 1024, maxDecodedBytes: 4096 * 1024 * 1024, memoryBaseBytes: 256 * 1024 * 1024, memoryPerFileByte: 0 },
    });
    expect(issue.message).toMatch(/reading it needed more than 256 MB of memory, the limit for this file/);
  });

  it('a file that takes too long, at the time limit', async () => {
    const issue = await refused(contentBombPdf(), 'The slow file', {
      exhibitLimits: { maxDecodedStreamBytes: 4096 * 1024 * 1024, maxDecodedBytes: 4096 * 1024 * 1024, timeBaseMs: 1_000, timePerMegabyteMs: 0 },
    });
    expect(issue.message).toMatch(/reading it took longer than 1 seconds?, the time limit for this file/);
  });

  it('a 10,000-page file, over the 5,000-page limit', async () => {
    const issue = await refused(manyPagesPdf(10_000, 'Endless'), 'The endless record');
    expect(issue.message).toMatch(/it has more than 5,000 pages, the limit for one exhibit; split it into several exhibits/);
  });

  it('a damaged file, in plain words', async () => {
    const issue = await refused(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 7 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'), 'The broken scan');
    expect(issue.code).toBe('exhibit_file');
    expect(issue.message).toMatch(/damaged|no pages/);
    expect(issue.message).not.toMatch(/Error|at \w+ \(|\.js:\d+/);
  });
});

describe('accepted exhibits', () => {
  it('a file of 3,000 pages (an A-file) is filed whole', async () => {
    const r = await run({ 'exhibits/a-file.pdf': manyPagesPdf(3_000, 'A-file') }, [{ title: 'The A-file', kind: 'court-record', file: 'exhibits/a-file.pdf' }]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const tabA = manifestOf(r).filing.exhibits[0];
    const [first, last] = tabA.pages.split('-').map(Number);
    expect(last - first + 1).toBe(1 + 3_000); // its tab sheet and its pages
  }, 180_000);

  describe('a file full of active content', () => {
    let r: GenerateResult;
    const original = activePdf();
    it('is filed, with a warning naming the exhibit and what was removed', async () => {
      r = await run({ 'exhibits/active.pdf': original }, [{ title: 'The active exhibit', kind: 'other', file: 'exhibits/active.pdf' }]);
      expect(r.ok).toBe(true);
      const warning = r.issues.find((i) => i.code === 'exhibit_sanitized');
      expect(warning).toMatchObject({ path: 'motion.evidence.0.file', severity: 'warning' });
      expect(warning!.message).toContain('Exhibit A ("The active exhibit")');
      expect(warning!.message).toMatch(/JavaScript run when the document is opened/);
      expect(warning!.message).toMatch(/launch action/);
      expect(warning!.message).toMatch(/embedded files/);
      expect(warning!.message).toMatch(/form fields, flattened to what they show \(page 2\)/);
    });

    it('leaves no JavaScript, action, form, widget or embedded file anywhere in the combined filing', async () => {
      expect(await activeContentIn(filing(r))).toEqual([]);
      expect(Buffer.from(filing(r)).toString('latin1')).not.toContain(HOSTILE.attachment);
    });

    it('keeps each page, its words and the form field as it was filled in', async () => {
      const pages = await extract(filing(r));
      const at = pages.findIndex((p) => p.body.includes(`${HOSTILE.pageText}, page 1`));
      expect(at).toBeGreaterThan(0);
      expect(pages[at - 1]!.body).toContain('TAB A');
      expect(pages[at + 1]!.body).toContain(`${HOSTILE.pageText}, page 2`);
      expect(pages[at + 1]!.body).toContain(HOSTILE.fieldText);
    });

    it('says in the manifest what was removed from it, and keeps the hash of the file as given', () => {
      const tabA = manifestOf(r).filing.exhibits.find((e: { tab: string }) => e.tab === 'A');
      expect(tabA.sha256).toBe(sha256(original));
      const kinds = tabA.removed.map((x: { kind: string }) => x.kind);
      for (const kind of ['javascript', 'launch', 'form', 'embedded-file', 'annotation']) expect(kinds).toContain(kind);
      expect(tabA.removed).toContainEqual({ kind: 'embedded-file', what: 'attached files (FileAttachment annotations)', count: 1, pages: [1] });
      // An exhibit with nothing to remove says so; one with no file has nothing to say.
      const others = manifestOf(r).filing.exhibits.filter((e: { tab: string }) => e.tab !== 'A');
      for (const e of others) expect(e.file === null ? e.removed : e.removed.length).toBe(e.file === null ? undefined : 0);
    });

    it('gives the same bytes every time', async () => {
      const again = await run({ 'exhibits/active.pdf': original }, [{ title: 'The active exhibit', kind: 'other', file: 'exhibits/active.pdf' }]);
      expect(again.files.map((f) => sha256(f.bytes))).toEqual(r.files.map((f) => sha256(f.bytes)));
      expect(sha256(again.manifest!.bytes)).toBe(sha256(r.manifest!.bytes));
    });
  });

  it('a file with an object no parser can read is filed without it, and without a word on standard error', async () => {
    const r = await run({ 'exhibits/broken.pdf': brokenObjectPdf() }, [{ title: 'A slightly broken file', kind: 'other', file: 'exhibits/broken.pdf' }]);
    expect(r.ok).toBe(true);
    const pages = await extract(filing(r));
    expect(pages.some((p) => p.body.includes('Still readable despite a broken object'))).toBe(true);
  });

  it('a page without a text layer is filed, with a warning to run OCR on it', async () => {
    const r = await run({ 'exhibits/scan.pdf': imageOnlyPdf() }, [{ title: 'A scanned letter', kind: 'other', file: 'exhibits/scan.pdf' }]);
    expect(r.ok).toBe(true);
    const warning = r.issues.find((i) => i.code === 'exhibit_no_text');
    expect(warning).toMatchObject({ path: 'motion.evidence.0.file', severity: 'warning' });
    expect(warning!.message).toContain('Exhibit A ("A scanned letter") has no text layer on page 1');
    expect(warning!.message).toMatch(/run OCR/);
    // Reopen's own pages are text: no warning is about them.
    expect(r.issues.filter((i) => i.code === 'exhibit_no_text')).toHaveLength(1);
  });
});
