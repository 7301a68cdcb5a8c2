import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDocuments, type GenerateOptions, type GenerateResult } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { sha256 } from '../../src/packet/manifest.js';
import { merge, sample, samples, type Json } from '../helpers/cases.js';
import { docxParagraphs } from '../helpers/docx-text.js';
import { makeBigPdf, makeEncryptedPdf, makePdf } from '../helpers/pdfs.js';
import { extract } from '../render/pdf/extract.js';
import { caseFolders, SAMPLES_DIR } from '../helpers/case-folder.js';

const run = (input: unknown, opts: Partial<GenerateOptions> & { asOf: string }, dir = SAMPLES_DIR) =>
  generateDocuments(input, { readExhibit: exhibitReader(dir), ...opts });

const file = (r: GenerateResult, suffix: string) => {
  const f = r.files.find((x) => x.name.endsWith(suffix));
  if (!f) throw new Error(`no ${suffix} in ${r.files.map((x) => x.name).join(', ')}`);
  return f.bytes;
};
const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
const manifestOf = (r: GenerateResult) => JSON.parse(Buffer.from(r.manifest!.bytes).toString('utf8'));

/** A case folder in a temporary directory, with the exhibit files it names. */
const caseFolder = caseFolders('filing');

/**
 * The Hamama sample with other evidence. It seeks asylum, so its application must be an exhibit:
 * one is added last (so the indices a test names stay the items it gave) unless the test gives one.
 */
const withEvidence = (evidence: Json[]) =>
  merge(sample('detained-iraqi-hamama'), {
    motion: { evidence: evidence.some((e) => e['kind'] === 'application') ? evidence : [...evidence, { title: 'Form I-589, with supporting documents', kind: 'application', pages: 2 }] },
  } as Json);

describe.each(samples().filter((s) => s.exit === 0 && sample(s.name)['motion']))('the combined filing of $name', (s) => {
  let r: GenerateResult;
  let pages: Awaited<ReturnType<typeof extract>>;
  beforeAll(async () => {
    r = await run(sample(s.name), { asOf: s.asOf });
    expect(r.ok).toBe(true);
    pages = await extract(file(r, '-filing.pdf'));
  });

  it('has as many pages as its parts: the motion, a tab sheet per exhibit, and each exhibit file', async () => {
    const motionPages = await pageCount(file(r, 'motion-to-reopen.pdf'));
    const m = manifestOf(r);
    const exhibitPages = m.filing.exhibits.reduce((sum: number, e: { pages: string }) => {
      const [first, last] = e.pages.split('-').map(Number);
      return sum + (last! - first! + 1);
    }, 0);
    expect(pages.length).toBe(motionPages + exhibitPages);
    expect(m.filing.pageCount).toBe(pages.length);
  });

  it('numbers its pages continuously, exhibits included', () => {
    pages.forEach((p, i) => expect(p.furniture).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('has an index whose page ranges point at the right pages', () => {
    const m = manifestOf(r);
    const indexPage = pages.find((p) => p.body.includes('INDEX OF EXHIBITS'))!;
    // The header row prints whole words: no column so narrow that a word breaks.
    expect(indexPage.body).toMatch(/Tab\s+Document\s+Publisher\s+Date\s+Pages/);
    const evidence = (sample(s.name)['motion'] as { evidence?: { title: string }[] }).evidence ?? [];
    for (const e of m.filing.exhibits as { tab: string; pages: string; file: string | null }[]) {
      const [first, last] = e.pages.split('-').map(Number) as [number, number];
      const printed = first === last ? String(first) : `${first}–${last}`;
      expect(indexPage.body.replace(/\s+/g, ' ')).toMatch(new RegExp(`\\b${e.tab}\\b.*${printed}`));
      const tabPage = pages[first - 1]!.body;
      expect(tabPage).toContain(`TAB ${e.tab}`);
      expect(evidence.some((item) => tabPage.replace(/\s+/g, ' ').includes(item.title.replace(/\s+/g, ' ').slice(0, 30)))).toBe(true);
      if (e.file) {
        for (let p = first + 1; p <= last; p++) expect(pages[p - 1]!.body).toContain(`page ${p - first} of ${last - first}`);
      }
    }
  });

  it('puts the proposed order and the certificate of service after the exhibits', () => {
    const order = pages.findIndex((p) => /ORDER OF THE (IMMIGRATION JUDGE|BOARD)/.test(p.body));
    const lastTab = pages.map((p) => /TAB [A-Z]+/.test(p.body)).lastIndexOf(true);
    expect(order).toBeGreaterThan(lastTab);
    expect(pages.at(-1)!.body).toContain('CERTIFICATE OF SERVICE');
  });

  it('lists every file in the manifest with a SHA-256 that matches it', () => {
    const m = manifestOf(r);
    expect(m.files.map((f: { name: string }) => f.name)).toEqual(r.files.map((f) => f.name));
    for (const f of r.files) {
      expect(m.files.find((x: { name: string }) => x.name === f.name)).toMatchObject({ sha256: sha256(f.bytes), bytes: f.bytes.length });
    }
    expect(m.asOf).toBe(s.asOf);
    expect(m.caseSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.templates.map((t: { id: string }) => t.id)).toContain('motion-to-reopen');
  });

  it('gives identical bytes when generated twice, manifest included', async () => {
    const again = await run(sample(s.name), { asOf: s.asOf });
    expect(again.files.map((f) => sha256(f.bytes))).toEqual(r.files.map((f) => sha256(f.bytes)));
    expect(sha256(again.manifest!.bytes)).toBe(sha256(r.manifest!.bytes));
  });
});

describe('exhibit files', () => {
  it('carries a real multi-page PDF through page for page', async () => {
    const dir = caseFolder({ 'exhibits/seven.pdf': await makePdf(7, 'Seven-page exhibit') });
    const input = withEvidence([
      { title: 'Form I-589', kind: 'application' },
      { title: 'A seven-page report', publisher: 'Somebody', date: '2017-05-01', kind: 'country-conditions', file: 'exhibits/seven.pdf' },
    ]);
    const r = await run(input, { asOf: '2017-10-01' }, dir);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const pages = await extract(file(r, '-filing.pdf'));
    const start = pages.findIndex((p) => p.body.includes('TAB B'));
    for (let k = 1; k <= 7; k++) expect(pages[start + k]!.body).toContain(`Seven-page exhibit page ${k} of 7`);
    expect(pages[start + 8]!.body).toMatch(/ORDER OF THE IMMIGRATION JUDGE/);
  });

  const bad: [string, () => Promise<Uint8Array | string> | Uint8Array | string, RegExp][] = [
    ['a missing file', () => '', /there is no such file next to the case file/],
    ['a file that is not a PDF', () => 'Just some text, not a PDF.', /it is not a PDF/],
    ['an encrypted PDF', makeEncryptedPdf, /encrypted or password-protected/],
    ['a damaged PDF', () => '%PDF-1.7\n%garbage with no objects at all\n', /damaged|no pages/],
  ];
  for (const [what, make, message] of bad) {
    it(`refuses ${what}, naming the item`, async () => {
      const content = await make();
      const dir = caseFolder(what === 'a missing file' ? {} : { 'exhibits/bad.pdf': content });
      const r = await run(withEvidence([{ title: 'The bad exhibit', kind: 'other', file: 'exhibits/bad.pdf' }]), { asOf: '2017-10-01' }, dir);
      expect(r.ok).toBe(false);
      expect(r.files).toEqual([]);
      const issue = r.issues.find((i) => i.code === 'exhibit_file');
      expect(issue).toMatchObject({ path: 'motion.evidence.0.file', severity: 'error' });
      expect(issue!.message).toContain('"The bad exhibit"');
      expect(issue!.message).toMatch(message);
    });
  }

  it('refuses a path outside the case folder, and a link that leads out of it', async () => {
    const r = await run(withEvidence([{ title: 'Elsewhere', kind: 'other', file: '../../etc/passwd' }]), { asOf: '2017-10-01' }, caseFolder({}));
    expect(r.issues.find((i) => i.code === 'exhibit_file')?.message).toMatch(/not inside the folder of the case file/);
    const outside = caseFolder({ 'real.pdf': await makePdf(1, 'Outside') });
    const dir = caseFolder({});
    symlinkSync(join(outside, 'real.pdf'), join(dir, 'exhibits', 'link.pdf'));
    const linked = await run(withEvidence([{ title: 'Linked', kind: 'other', file: 'exhibits/link.pdf' }]), { asOf: '2017-10-01' }, dir);
    expect(linked.issues.find((i) => i.code === 'exhibit_file')?.message).toMatch(/links to a file outside the folder/);
  });

  it('holds the place of an exhibit with a page count but no file, so later page numbers stay right', async () => {
    const r = await run(
      withEvidence([
        { title: 'Form I-589', kind: 'application', pages: 3 },
        { title: 'A report', publisher: 'Somebody', date: '2017-05-01', kind: 'country-conditions', file: 'exhibits/uscirf-2017-annual-report-iraq.pdf' },
      ]),
      { asOf: '2017-10-01' },
    );
    const pages = await extract(file(r, '-filing.pdf'));
    const tabA = pages.findIndex((p) => p.body.includes('TAB A'));
    for (let k = 1; k <= 3; k++) expect(pages[tabA + k]!.body).toContain(`Replace this page with page ${k} of 3 of Tab A`);
    expect(pages[tabA + 4]!.body).toContain('TAB B');
    expect(manifestOf(r).filing.exhibits).toEqual([
      expect.objectContaining({ tab: 'A', pages: `${tabA + 1}-${tabA + 4}` }),
      expect.objectContaining({ tab: 'B', pages: `${tabA + 5}-${tabA + 7}` }),
    ]);
  });

  it('warns when an exhibit has neither a file nor a page count', async () => {
    const r = await run(withEvidence([{ title: 'Form I-589', kind: 'application' }]), { asOf: '2017-10-01' });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'exhibit_pages_unknown', path: 'motion.evidence.0.pages', severity: 'warning' }));
  });

  it('gives a long exhibit title as many tab-sheet pages as it needs, and numbers on', async () => {
    const title = `A report with an exceptionally long title ${'and more words '.repeat(400)}`.trim();
    const r = await run(withEvidence([{ title: title.slice(0, 2000), kind: 'other', file: 'exhibits/uscirf-2017-annual-report-iraq.pdf' }]), { asOf: '2017-10-01' });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const pages = await extract(file(r, '-filing.pdf'));
    pages.forEach((p, i) => expect(p.furniture).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('warns when the page count given disagrees with the file', async () => {
    const r = await run(withEvidence([{ title: 'Report', kind: 'country-conditions', date: '2017-05-01', pages: 9, file: 'exhibits/uscirf-2017-annual-report-iraq.pdf' }]), { asOf: '2017-10-01' });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'exhibit_pages', path: 'motion.evidence.0.pages', severity: 'warning' }));
  });

  it('splits a filing over 25 MB into parts, each under the limit, numbered on', async () => {
    const dir = caseFolder({ 'exhibits/big.pdf': await makeBigPdf(30, 1_000_000, 'Big exhibit') });
    const input = withEvidence([{ title: 'A large scanned record', kind: 'court-record', file: 'exhibits/big.pdf' }]);
    const r = await run(input, { asOf: '2017-10-01' }, dir);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const parts = r.files.filter((f) => /-filing-part\d+\.pdf$/.test(f.name));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(r.files.some((f) => f.name.endsWith('-filing.pdf'))).toBe(false);
    expect(parts.map((p) => p.name)).toEqual(parts.map((_, i) => `212047381-filing-part${i + 1}.pdf`));
    let total = 0;
    let expected = 1;
    for (const p of parts) {
      expect(p.bytes.length).toBeLessThanOrEqual(25_000_000);
      const pages = await extract(p.bytes);
      for (const page of pages) expect(page.furniture).toMatch(new RegExp(`Page ${expected++} of \\d+`));
      total += pages.length;
    }
    expect(total).toBe(manifestOf(r).filing.pageCount);
    expect(manifestOf(r).filing.files).toEqual(parts.map((p) => p.name));
  });
});

describe('wording that follows the facts', () => {
  const motionText = async (patch: Json, name = 'detained-iraqi-hamama', asOf = '2017-10-01') => {
    const r = await run(merge(sample(name), patch), { asOf, documents: ['motion-to-reopen'], formats: ['docx'] });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    return docxParagraphs(file(r, 'motion-to-reopen.docx')).join('\n');
  };

  it('the certificate of service follows service.method', async () => {
    expect(await motionText({ service: { method: 'ecas', dhsOffice: undefined, address: undefined } })).toContain(
      'with its exhibits and proposed order, on the Department of Homeland Security, through the EOIR Courts & Appeals System (ECAS)',
    );
    const mail = await motionText({});
    expect(mail).toContain('on the Department of Homeland Security, Office of the Principal Legal Advisor, Detroit, by first-class mail, postage prepaid, addressed as follows:');
    expect(mail).toContain('333 Mount Elliott Street');
    expect(await motionText({ service: { method: 'hand' } })).toContain('by hand delivery');
    expect(await motionText({ service: { method: 'mail', date: '2017-10-19' } })).toContain('I certify that on October 19, 2017');
  });

  it('the proposed order and the headings follow the forum', async () => {
    const court = await motionText({});
    expect(court).toContain('ORDER OF THE IMMIGRATION JUDGE');
    expect(court).toContain('DHS does not oppose the motion.');
    const board = await motionText({}, 'bia-dismissal-new-evidence', '2017-04-10');
    expect(board).toContain('ORDER OF THE BOARD');
    expect(board).toContain('FOR THE BOARD');
    expect(board).not.toContain('ORDER OF THE IMMIGRATION JUDGE');
    expect(board).toContain('BOARD OF IMMIGRATION APPEALS');
  });

  it('DETAINED appears exactly when the respondent is detained', async () => {
    const detained = await motionText({});
    expect(detained.match(/DETAINED/g)?.length).toBe(2); // the cover page and the proposed order
    const released = await motionText({
      custody: { status: 'supervision', facility: undefined, transfers: undefined, since: undefined },
      respondent: { mailingAddress: { street: '1 Main Street', city: 'Detroit', state: 'MI', zip: '48226' } },
      stay: undefined,
    });
    expect(released).not.toContain('DETAINED');
  });
});

describe('the filing checklist', () => {
  const checklist = async (name: string, asOf: string, patch: Json = {}) => {
    const r = await run(merge(sample(name), patch), { asOf });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    return docxParagraphs(file(r, 'filing-checklist.docx')).join('\n');
  };

  it('immigration court on paper: EOIR-28, the send-by date, every tab, signatures', async () => {
    const t = await checklist('detained-iraqi-hamama', '2017-10-01');
    expect(t).toContain('Form EOIR-28');
    expect(t).toContain('the motion must be received by November 6, 2017');
    expect(t).toContain('File on paper');
    expect(t).toContain('Send it no later than November 1, 2017');
    expect(t).toContain('Tab G: Baptismal certificate');
    expect(t).toMatch(/Tab E: Annual Report 2017.*\nIn this packet\nPages \d+–\d+ of the filing/);
    // The declaration Reopen writes is filed at its own tab, with its real pages.
    expect(t).toMatch(/Tab B: Declaration of Sami Hanna Yousif\nIn this packet; sign\nThe declaration Reopen wrote .*, at pages \d+–\d+ of the filing/);
    expect(t).toMatch(/Tab G: Baptismal certificate.*\nSupply\nNo file was given/);
    // Each translated exhibit's certificate is in the packet behind it, for the translator to sign.
    expect(t).toMatch(/Certificate of translation for Tab D\nIn this packet; sign\nBehind the exhibit in the filing/);
    expect(t).toMatch(/Certificate of translation for Tab G\nIn this packet; sign/);
    expect(t).toMatch(/Certificate of interpretation for the respondent's declaration\nIn this packet; sign\nBehind the declaration at Tab B/);
    expect(t).toMatch(/Motion to stay removal\nIn this packet; sign\nA separate filing with its own cover page/);
    expect(t).toContain('Application for a stay of removal to ICE (Form I-246)');
    expect(t).toContain('Form EOIR-33/IC');
    expect(t).toContain('Certificate of service');
  });

  it('the Board: EOIR-27 and the fee receipt', async () => {
    const t = await checklist('bia-dismissal-new-evidence', '2017-04-10');
    expect(t).toContain('Form EOIR-27');
    expect(t).toContain('Receipt for the motion to reopen fee ($110)');
    expect(t).not.toContain('EOIR-28');
  });

  it('ECAS: no send-by date, the ECAS instruction', async () => {
    const t = await checklist('in-absentia-no-notice', '2026-11-27');
    expect(t).toContain('File through ECAS');
    expect(t).not.toContain('Send it no later than');
  });
});
