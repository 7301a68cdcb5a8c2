/**
 * The exhibit sandbox on hostile files: each limit is one the code enforces (a decoded-size cap,
 * an object count, a page count, an OS memory limit on the child, a time limit), each breach is
 * refused by name, and nothing reaches this process: no memory spent on the bomb, no output on
 * its standard error, and the next exhibit is read as usual.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXHIBIT_LIMITS } from '../../src/packet/exhibit-limits.js';
import { ExhibitSandbox, sandboxCommand, type SandboxResult } from '../../src/packet/exhibit-sandbox.js';
import { scanContent } from '../../src/packet/text-layer.js';
import {
  activeContentIn,
  activePdf,
  contentBombPdf,
  HOSTILE,
  imageOnlyPdf,
  manyObjectsPdf,
  manyPagesPdf,
  objectStreamBombPdf,
  packedObjectsPdf,
  truncatedPdf,
} from '../helpers/hostile-pdfs.js';
import { makePdf } from '../helpers/pdfs.js';
import { extract } from '../render/pdf/extract.js';

const MiB = 1024 * 1024;
const sandboxes: ExhibitSandbox[] = [];
const sandbox = (limits: ConstructorParameters<typeof ExhibitSandbox>[0]['limits'] = {}, largestFileBytes = 1 * MiB) => {
  const s = new ExhibitSandbox({ limits, largestFileBytes });
  sandboxes.push(s);
  return s;
};
afterAll(() => sandboxes.forEach((s) => s.close()));

const failure = (r: SandboxResult) => (r.ok ? undefined : r.failure);
const good = async (s: ExhibitSandbox) => {
  const r = await s.check(await makePdf(2, 'After the refusal'));
  expect(r.ok).toBe(true);
  return r;
};

// Nothing the child prints, and nothing pdf-lib says about a broken file, reaches our stderr.
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
  expect(printed).toEqual([]);
});

describe('decompression bombs', () => {
  const bomb = contentBombPdf();
  const objectBomb = objectStreamBombPdf();

  it('are small files that inflate to 300 MB', () => {
    expect(bomb.length).toBeLessThan(400_000);
    expect(objectBomb.length).toBeLessThan(400_000);
  });

  it('a content stream is stopped at the per-stream cap while it inflates, and the next exhibit is read', async () => {
    const s = sandbox();
    const before = process.memoryUsage().arrayBuffers;
    expect(failure(await s.check(bomb))).toEqual({ kind: 'limit', limit: 'decoded-stream' });
    // This process never held the inflated bytes: the child did, and it stopped at 32 MiB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(EXHIBIT_LIMITS.maxDecodedStreamBytes);
    await good(s);
  });

  it('an object stream is stopped while the file is parsed', async () => {
    const s = sandbox();
    expect(failure(await s.check(objectBomb))).toEqual({ kind: 'limit', limit: 'decoded-stream' });
    await good(s);
  });

  it('many streams under the per-stream cap are stopped by the per-exhibit total', async () => {
    const s = sandbox({ maxDecodedStreamBytes: 512 * MiB, maxDecodedBytes: 64 * MiB });
    expect(failure(await s.check(bomb))).toEqual({ kind: 'limit', limit: 'decoded-total' });
  });

  it('without the caps, the OS memory limit on the child stops it, and this process is unharmed', async () => {
    // The caps are raised past the bomb: only RLIMIT_DATA (256 MiB here) stands in its way.
    const s = sandbox({ maxDecodedStreamBytes: 2048 * MiB, maxDecodedBytes: 2048 * MiB, memoryBaseBytes: 256 * MiB, memoryPerFileByte: 0, timeBaseMs: 120_000 });
    expect(s.limitsFor(bomb.length).memoryBytes).toBe(256 * MiB);
    expect(failure(await s.check(bomb))).toEqual({ kind: 'limit', limit: 'memory' });
    await good(s);
  });

  it('without the caps and with memory to spare, the time limit kills the child', async () => {
    const s = sandbox({ maxDecodedStreamBytes: 2048 * MiB, maxDecodedBytes: 2048 * MiB, memoryBaseBytes: 2048 * MiB, timeBaseMs: 1_500, timePerMegabyteMs: 0 });
    expect(s.limitsFor(bomb.length).timeMs).toBe(1_500);
    expect(failure(await s.check(bomb))).toEqual({ kind: 'limit', limit: 'time' });
    await good(s);
  });
});

describe('size limits', () => {
  it('refuses a 10,000-page PDF (over the 5,000-page limit) and accepts one of 3,000 pages', async () => {
    expect(EXHIBIT_LIMITS.maxPages).toBe(5_000);
    const s = sandbox({}, 2 * MiB);
    expect(failure(await s.check(manyPagesPdf(10_000, 'Too long')))).toEqual({ kind: 'limit', limit: 'pages' });
    const r = await s.check(manyPagesPdf(3_000, 'An A-file'));
    expect(r.ok && r.report.pages).toBe(3_000);
    expect(r.ok && (await PDFDocument.load(r.pdf)).getPageCount()).toBe(3_000);
  });

  it('refuses a file with more objects than the limit, counted before parsing and while parsing', async () => {
    const s = sandbox({ maxObjects: 1_000 });
    expect(failure(await s.check(manyObjectsPdf(5_000)))).toEqual({ kind: 'limit', limit: 'objects' });
    // Packed in an object stream, they are counted as pdf-lib unpacks them.
    expect(failure(await s.check(packedObjectsPdf(5_000)))).toEqual({ kind: 'limit', limit: 'objects' });
    expect((await s.check(manyObjectsPdf(500))).ok).toBe(true);
    expect((await s.check(packedObjectsPdf(500))).ok).toBe(true);
  });
});

describe('active content', () => {
  let r: SandboxResult;
  const original = activePdf();

  it('is present in the original, as a check on the test itself', async () => {
    const found = (await activeContentIn(original)).join('\n');
    for (const what of ['/OpenAction', '/JS', '/AA', '/EmbeddedFiles', '/EF', '/AcroForm', '/S /Launch', '/Subtype /Widget', '/Subtype /FileAttachment']) expect(found).toContain(what);
  });

  it('is removed; the pages, the text and the form field as filled in stay', async () => {
    r = await sandbox().check(original);
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    expect(r.report.pages).toBe(2);
    expect(await activeContentIn(r.pdf)).toEqual([]);
    expect(Buffer.from(r.pdf).toString('latin1')).not.toContain(HOSTILE.attachment);
    const pages = await extract(r.pdf);
    expect(pages[0]!.body).toContain(`${HOSTILE.pageText}, page 1`);
    expect(pages[1]!.body).toContain(`${HOSTILE.pageText}, page 2`);
    // The widget's appearance, drawn into the page where the field was.
    const field = pages[1]!.items.find((i) => i.str.includes(HOSTILE.fieldText));
    expect(field).toBeDefined();
    expect(field!.x).toBeCloseTo(64, 0);
    expect(field!.y).toBeCloseTo(510, 0);
  });

  it('is reported, kind by kind, with the pages it was on', () => {
    if (!r.ok) throw new Error('no result');
    const removed = r.report.removed;
    const has = (kind: string, what: RegExp, pages: number[] = []) =>
      expect(removed).toContainEqual(expect.objectContaining({ kind, what: expect.stringMatching(what), pages }));
    has('javascript', /opened \(\/OpenAction\)/);
    has('javascript', /document events/);
    has('javascript', /\/Names \/JavaScript/);
    has('embedded-file', /\/Names \/EmbeddedFiles/);
    has('form', /\/AcroForm/);
    has('javascript', /page is opened/, [1]);
    has('launch', /launch action/, [1]);
    has('annotation', /links/, [1]);
    has('embedded-file', /FileAttachment/, [1]);
    has('form', /form fields, flattened/, [2]);
    has('javascript', /form field or annotation/, [2]);
  });
});

describe('text layer', () => {
  it('names the pages that are images only', async () => {
    const r = await sandbox().check(imageOnlyPdf());
    expect(r.ok && r.report.pagesWithoutText).toEqual([1]);
    const text = await sandbox().check(await makePdf(3, 'Words'));
    expect(text.ok && text.report.pagesWithoutText).toEqual([]);
  });

  it('sees text in strings, arrays and forms it draws, not in names, comments or inline images', () => {
    const b = (s: string) => Buffer.from(s, 'latin1');
    const none = () => false;
    expect(scanContent(b('BT /F1 12 Tf (Hi) Tj ET'), none)).toBe(true);
    expect(scanContent(b('BT [(A) -20 (B)] TJ ET'), none)).toBe(true);
    expect(scanContent(b("BT <0041> ' ET"), none)).toBe(true);
    expect(scanContent(b('BT () Tj ET % (not) Tj'), none)).toBe(false);
    expect(scanContent(b('/Tj BMC q 1 0 0 1 0 0 cm Q EMC'), none)).toBe(false);
    expect(scanContent(b('BI /W 2 /H 1 /BPC 8 /CS /G ID (x) Tj EI Q'), none)).toBe(false);
    expect(scanContent(b('q /Fm1 Do Q'), (name) => name === 'Fm1')).toBe(true);
  });
});

describe('damaged files', () => {
  it('are refused as damaged, in plain words, with no library text', async () => {
    const s = sandbox();
    const cut = failure(await s.check(truncatedPdf(await makePdf(40, 'Cut short'))));
    expect(cut).toMatchObject({ kind: expect.stringMatching(/damaged|no-pages/) });
    expect(failure(await s.check(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF\n', 'latin1')))).toMatchObject({
      kind: expect.stringMatching(/damaged|no-pages/),
    });
    await good(s);
  });
});

describe('the memory limit of the child process', () => {
  // A script that allocates 512 MB outside the V8 heap, as a decompression bomb does.
  const dir = mkdtempSync(join(tmpdir(), 'reopen-rlimit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(dir, 'hog.mjs');
  writeFileSync(script, 'const kept = []; for (let i = 0; i < 8; i++) kept.push(new Uint8Array(64 * 1024 * 1024).fill(1)); process.stdout.write("survived " + kept.length);');

  for (const [how, prlimit] of [['with prlimit', '/usr/bin/prlimit'], ['with the shell\'s ulimit -d', undefined]] as const) {
    it.runIf(prlimit === undefined || existsSync(prlimit))(`holds ${how}: 512 MB cannot be had under a 256 MB limit, and 512 MB can under 1 GB`, () => {
      const tight = sandboxCommand(256 * MiB, script, prlimit);
      const out = spawnSync(tight.command, tight.args, { encoding: 'utf8', env: {} });
      expect(out.stdout).not.toContain('survived');
      expect(out.stderr).toMatch(/allocation failed/i);
      const roomy = sandboxCommand(1024 * MiB, script, prlimit);
      expect(spawnSync(roomy.command, roomy.args, { encoding: 'utf8', env: {} }).stdout).toBe('survived 8');
    });
  }
});
