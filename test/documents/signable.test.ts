/**
 * Filings an attorney can sign: each kind of fault the signable-filings issue names, tested with
 * the right value on real outputs (the DOCX unzipped and parsed, the PDF's text read back).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/check.js';
import { generateDocuments, type GenerateOptions, type GenerateResult } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { caseWith, merge, ROOT, sample, type Json } from '../helpers/cases.js';
import { docxParagraphs, docxParts } from '../helpers/docx-text.js';
import { extract } from '../render/pdf/extract.js';

const run = (input: unknown, opts: Partial<GenerateOptions> & { asOf: string }) =>
  generateDocuments(input, { readExhibit: exhibitReader(join(ROOT, 'samples', 'cases')), ...opts });

const fileOf = (r: GenerateResult, suffix: string) => {
  const f = r.files.find((x) => x.name.endsWith(suffix));
  if (!f) throw new Error(`no ${suffix} in ${r.files.map((x) => x.name).join(', ')}; issues: ${JSON.stringify(r.issues)}`);
  return f.bytes;
};
const docxText = (r: GenerateResult, doc: string) => docxParagraphs(fileOf(r, `${doc}.docx`)).join('\n');
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');
const errors = <I extends { severity: string }>(r: { issues: I[] }) => r.issues.filter((i) => i.severity === 'error');
const codeAt = (issues: { code: string; path: string }[]) => issues.map((i) => `${i.code}@${i.path}`);

const ACCOUNT = ['I was afraid every day in my hometown.', 'I could not tell the judge in 2005 because these events had not happened.'];

/** A small valid motion case (changed country conditions at the immigration court) with an account. */
const motionCase = (patch: Json = {}) =>
  caseWith(
    merge(
      {
        motion: {
          basis: 'changed-country-conditions',
          reliefSought: ['asylum', 'withholding', 'cat'],
          protectedGrounds: ['religion'],
          newFacts: [{ statement: 'Armed groups took the town in 2014.', arose: '2014-08-06' }],
          evidence: [
            { title: 'Form I-589', kind: 'application', pages: 3 },
            { title: 'Declaration of Sami Yousif', kind: 'declaration', document: 'respondent-declaration' },
            { title: 'Country report', publisher: 'U.S. Department of State', date: '2017-03-03', kind: 'country-conditions', pages: 2 },
          ],
          dhsPosition: 'opposes',
          fee: { mode: 'paid' },
        },
        respondent: { arrivalDate: '2016-09-01' },
        proceedings: { order: { date: '2017-03-15' } },
        declaration: { account: ACCOUNT },
        service: { method: 'mail', dhsOffice: 'Office of the Principal Legal Advisor, Detroit', address: { street: '333 Mount Elliott Street', city: 'Detroit', state: 'MI', zip: '48207' } },
      },
      patch,
    ),
  );

describe("the respondent's declaration is the respondent's own account", () => {
  it('prints the account in the first person and recites none of the motion', async () => {
    const r = await run(motionCase(), { asOf: '2017-10-01' });
    expect(errors(r)).toEqual([]);
    const text = flat(docxText(r, 'respondent-declaration'));
    for (const paragraph of ACCOUNT) expect(text).toContain(paragraph);
    expect(text).toContain('I, Sami Yousif, declare as follows:');
    // The motion's facts and country conditions are never sworn to by the client.
    expect(text).not.toContain('Armed groups took the town');
    expect(text).not.toMatch(/the respondent's|The respondent is/);
  });

  it('without an account: a warning in check, a marker in a preview, and no final declaration', async () => {
    const input = motionCase({ declaration: undefined });
    const { report } = checkCase(input, '2017-10-01');
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'missing_fact', path: 'declaration.account', severity: 'warning' }));
    const final = await run(input, { asOf: '2017-10-01' });
    expect(final.ok).toBe(false);
    expect(codeAt(errors(final))).toContain('missing_fact@declaration.account');
    const preview = await run(input, { asOf: '2017-10-01', preview: true });
    expect(preview.ok).toBe(true);
    expect(docxText(preview, 'respondent-declaration')).toContain('[MISSING: declaration.account]');
  });

  it("files the attorney's own signed declaration instead, and then needs no account", () => {
    const input = motionCase({
      declaration: undefined,
      motion: { evidence: [{ title: 'Form I-589', kind: 'application', pages: 3 }, { title: 'Signed declaration', kind: 'declaration', file: 'exhibits/uscirf-2017-annual-report-iraq.pdf' }] },
    });
    const { report } = checkCase(input, '2017-10-01');
    expect(report.documents).not.toContain('respondent-declaration');
    expect(report.issues.map((i) => i.path)).not.toContain('declaration.account');
  });

  it('stands at its own tab of the combined filing with its real page count, and the index follows', async () => {
    const r = await run(motionCase(), { asOf: '2017-10-01' });
    const declarationPages = (await extract(fileOf(r, 'respondent-declaration.pdf'))).length;
    const manifest = JSON.parse(Buffer.from(r.manifest!.bytes).toString('utf8'));
    const tabB = manifest.filing.exhibits.find((e: { tab: string }) => e.tab === 'B');
    const [first, last] = tabB.pages.split('-').map(Number);
    // The tab sheet, then exactly the declaration's pages: no "replace this page" placeholders.
    expect(last - first + 1).toBe(1 + declarationPages);
    const pages = await extract(fileOf(r, '-filing.pdf'));
    expect(pages[first - 1]!.body).toContain('TAB B');
    expect(flat(pages[first]!.body)).toContain('DECLARATION OF SAMI YOUSIF');
    expect(pages.slice(first - 1, last).map((p) => p.body).join(' ')).not.toMatch(/Replace this page|Insert this document/);
    const index = flat(pages.find((p) => p.body.includes('INDEX OF EXHIBITS'))!.body);
    expect(index).toContain(`B Declaration of Sami Yousif ${first === last ? first : `${first}–${last}`}`);
  });
});

describe('in absentia rescission, right in law and in words', () => {
  const inAbsentia = (patch: Json = {}) =>
    caseWith(
      merge(
        {
          proceedings: {
            order: { date: '2019-03-12', inAbsentia: true, appeal: undefined },
            inAbsentiaFacts: { noticeReceived: false, inCustodyAtHearing: false, noticeMethod: 'regular-mail', reason: 'The notice went to an old address.' },
          },
          motion: { basis: 'in-absentia-no-notice', evidence: [{ title: 'Declaration', kind: 'declaration', document: 'respondent-declaration' }] },
          declaration: { account: ['I never received a hearing notice.'] },
          service: { method: 'ecas' },
        },
        patch,
      ),
    );

  it('a removal order: titled as rescission, INA 240(b)(5)(C) and 1003.23(b)(4)(ii), the regular-mail presumption, no appeal', async () => {
    const r = await run(inAbsentia(), { asOf: '2026-11-27' });
    expect(errors(r)).toEqual([]);
    const text = flat(docxText(r, 'motion-to-reopen'));
    expect(text).toContain("RESPONDENT'S MOTION TO RESCIND IN ABSENTIA ORDER AND REOPEN PROCEEDINGS");
    expect(text).toContain('under INA § 240(b)(5)(C); 8 C.F.R. § 1003.23(b)(4)(ii)');
    expect(text).toContain('Matter of M-R-A-, 24 I&N Dec. 665');
    expect(text).not.toMatch(/waived appeal|reserved appeal/);
    const italic = docxParts(fileOf(r, 'motion-to-reopen.docx'))['word/document.xml']!;
    expect(italic).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Matter of M-R-A-<\/w:t>/);
  });

  it('certified mail argues the strong presumption of Matter of Grijalva', async () => {
    const r = await run(inAbsentia({ proceedings: { inAbsentiaFacts: { noticeMethod: 'certified-mail' } } }), { asOf: '2026-11-27' });
    expect(flat(docxText(r, 'motion-to-reopen'))).toContain('Matter of Grijalva, 21 I&N Dec. 27');
  });

  it('a deportation order cites 8 C.F.R. 1003.23(b)(4)(iii)', async () => {
    const r = await run(inAbsentia({ proceedings: { type: 'deportation', order: { date: '1995-03-12' } } }), { asOf: '2026-11-27' });
    const text = flat(docxText(r, 'motion-to-reopen'));
    expect(text).toContain('8 C.F.R. § 1003.23(b)(4)(iii)(A)');
    expect(text).not.toContain('1003.23(b)(4)(ii).');
  });

  it('how the notice was sent is a fact the no-notice motion cannot be filed without', () => {
    const { report } = checkCase(inAbsentia({ proceedings: { inAbsentiaFacts: { noticeMethod: undefined } } }), '2026-11-27');
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'missing_fact', path: 'proceedings.inAbsentiaFacts.noticeMethod' }));
  });

  it('an in absentia order given "waived" keeps working, with a warning naming both fields', async () => {
    const input = inAbsentia({ proceedings: { order: { appeal: 'waived' } } });
    const { report } = checkCase(input, '2026-11-27');
    const warning = report.issues.find((i) => i.code === 'conflicting_facts' && i.path === 'proceedings.order.appeal');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('proceedings.order.inAbsentia');
    const r = await run(input, { asOf: '2026-11-27' });
    expect(r.ok).toBe(true);
    expect(flat(docxText(r, 'motion-to-reopen'))).not.toMatch(/waived appeal/);
  });

  it('an order not in absentia still needs its appeal value', () => {
    const { report } = checkCase(caseWith({ proceedings: { order: { appeal: undefined } } }), '2026-11-27');
    expect(codeAt(report.issues)).toContain('required_when@proceedings.order.appeal');
  });

  it('exceptional circumstances through former counsel carry the Lozada showing', async () => {
    const r = await run(
      inAbsentia({
        proceedings: { order: { date: '2026-09-01' }, inAbsentiaFacts: { noticeReceived: true, noticeMethod: 'regular-mail', reason: 'Her lawyer told her the wrong date.' } },
        motion: {
          basis: 'in-absentia-exceptional',
          priorCounsel: { name: 'John Roe', barState: 'Illinois', retainedDate: '2026-01-05', scope: 'He agreed to appear with her at every hearing.', notifiedDate: '2026-10-01', barComplaintDate: '2026-10-15' },
          fee: { mode: 'paid' },
        },
      }),
      { asOf: '2026-11-27' },
    );
    expect(errors(r)).toEqual([]);
    const text = flat(docxText(r, 'motion-to-reopen'));
    expect(text).toContain('Matter of Lozada');
    expect(text).toContain('Respondent retained John Roe, a member of the Illinois bar, on January 5, 2026, for the following work: he agreed to appear with her at every hearing.');
    expect(text).toContain('On October 1, 2026, Respondent informed John Roe of these allegations');
    expect(text).toContain('filed a complaint against John Roe with the appropriate disciplinary authority on October 15, 2026');
    expect(text).toContain('INA § 240(e)(1)');
  });
});

describe('prima facie eligibility that speaks to this client', () => {
  it('names the protected ground and where the record shows it', async () => {
    const r = await run(motionCase(), { asOf: '2017-10-01' });
    const text = flat(docxText(r, 'motion-to-reopen'));
    expect(text).toContain('a well-founded fear of persecution in Iraq on account of religion, a protected ground');
    expect(text).toContain('the declaration at Tab B, and the country-conditions evidence at Tab C');
  });

  it('without the protected grounds, the motion lacks a fact it cannot be filed without', () => {
    const { report } = checkCase(motionCase({ motion: { protectedGrounds: undefined } }), '2017-10-01');
    expect(codeAt(report.issues)).toContain('missing_fact@motion.protectedGrounds');
  });

  it('argues the changed-circumstances exception when asylum comes more than a year after arrival', async () => {
    const late = flat(docxText(await run(motionCase({ respondent: { arrivalDate: '2010-05-01' } }), { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(late).toContain('last arrived in the United States on May 1, 2010, more than one year before this asylum application');
    expect(late).toContain('INA § 208(a)(2)(D)');
    expect(late).toContain('the latest of which arose on August 6, 2014');
    const onTime = flat(docxText(await run(motionCase({ respondent: { arrivalDate: '2017-01-10' } }), { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(onTime).toContain('filed within one year of that arrival');
    expect(onTime).not.toContain('208(a)(2)(D)');
  });

  it('possible bars are warnings with citations, never arguments against the client', async () => {
    const input = motionCase({ criminalHistory: [{ offense: 'possession of cocaine', jurisdiction: 'Wayne County, Michigan', convictionDate: '2003-01-01' }] });
    const { report } = checkCase(input, '2017-10-01');
    const bar = report.issues.find((i) => i.code === 'possible_bar');
    expect(bar).toMatchObject({ path: 'criminalHistory.0', severity: 'warning' });
    expect(bar?.citation).toContain('INA 208(b)(2)');
    expect(bar?.message).toContain('Convention Against Torture');
    const text = flat(docxText(await run(input, { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(text).not.toMatch(/aggravated felony|particularly serious crime|cocaine/);
    const answered = flat(
      docxText(await run(merge(input, { motion: { barsResponse: 'The conviction is not an aggravated felony.' } }), { asOf: '2017-10-01' }), 'motion-to-reopen'),
    );
    expect(answered).toContain('The conviction is not an aggravated felony.');
  });

  it('a controlled-substance conviction warns against adjustment, with the statute', () => {
    const input = motionCase({
      motion: { reliefSought: ['adjustment'], protectedGrounds: undefined },
      criminalHistory: [{ offense: 'possession of a controlled substance', jurisdiction: 'Ohio' }],
    });
    const bar = checkCase(input, '2017-10-01').report.issues.find((i) => i.code === 'possible_bar');
    expect(bar?.citation).toContain('INA 212(a)(2)(A)(i)(II)');
  });

  it('adjustment through a marriage during proceedings cites INA 245(e) and Matter of Velarde-Pacheco', async () => {
    const input = motionCase({
      motion: { basis: 'new-evidence', reliefSought: ['adjustment'], protectedGrounds: undefined, marriageDate: '2017-05-01', evidence: [{ title: 'Form I-485', kind: 'application', pages: 2 }, { title: 'Declaration', kind: 'declaration', document: 'respondent-declaration' }] },
      respondent: { arrivalDate: undefined },
    });
    const text = flat(docxText(await run(input, { asOf: '2017-06-01' }), 'motion-to-reopen'));
    expect(text).toContain('INA § 245(a)');
    expect(text).toContain('INA § 204(g); INA § 245(e)(3)');
    expect(text).toContain('Matter of Velarde-Pacheco, 23 I&N Dec. 253, 256 (BIA 2002)');
  });

  it('says the application is attached only when an application is an exhibit', async () => {
    const without = motionCase({ motion: { evidence: [{ title: 'Declaration', kind: 'declaration', document: 'respondent-declaration' }] } });
    const { report } = checkCase(without, '2017-10-01');
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'missing_fact', path: 'motion.evidence', severity: 'warning' }));
    expect((await run(without, { asOf: '2017-10-01' })).ok).toBe(false);
    const preview = flat(docxText(await run(without, { asOf: '2017-10-01', preview: true }), 'motion-to-reopen'));
    expect(preview).not.toContain('are attached at Tab');
    expect(preview).toContain('[MISSING: motion.evidence]');
  });
});

describe('citations right for the forum', () => {
  const board = (patch: Json = {}) =>
    motionCase(
      merge(
        {
          proceedings: { order: { date: '2016-05-18', appeal: 'filed' }, appealDecision: { date: '2017-02-03', outcome: 'dismissed' } },
          motion: { basis: 'new-evidence', reliefSought: ['adjustment'], protectedGrounds: undefined, evidence: [{ title: 'Form I-485', kind: 'application', pages: 2 }, { title: 'Declaration', kind: 'declaration', document: 'respondent-declaration' }] },
          respondent: { arrivalDate: undefined },
        },
        patch,
      ),
    );

  it('the fee paragraph cites 1003.24(b)(2) before the court and 1003.8(a)(2) before the Board', async () => {
    const court = flat(docxText(await run(motionCase({ motion: { fee: undefined } }), { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(court).toMatch(/Fee\. No motion to reopen fee is required because .*8 C\.F\.R\. § 1003\.24\(b\)\(2\)\./);
    expect(court).not.toContain('1003.8(a)');
    const bia = flat(docxText(await run(board({ motion: { fee: { mode: 'exempt', exemption: 'the motion is filed with the Board' } } }), { asOf: '2017-04-10' }), 'motion-to-reopen'));
    expect(bia).not.toContain('1003.24');
    const boardFee = checkCase(board({ proceedings: { order: { appeal: 'filed' }, appealDecision: undefined } }), '2017-04-10').report.details!.fee!;
    expect(boardFee.lines[0]!.citation).toBe('8 C.F.R. 1003.8(a)(2)');
  });

  it('a changed-conditions motion to the court cites 1003.23(b)(4)(i), never the Board rule 1003.2(c)(3)(ii)', async () => {
    const text = flat(docxText(await run(motionCase(), { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(text).toContain('8 C.F.R. § 1003.23(b)(4)(i)');
    expect(text).not.toContain('1003.2(c)(3)(ii)');
    expect(checkCase(motionCase(), '2017-10-01').report.deadlines[0]!.citation).not.toContain('1003.2(c)(3)(ii)');
  });

  it('Board deadlines cite the BIA Practice Manual', () => {
    const d = checkCase(board(), '2017-04-10').report.deadlines[0]!;
    expect(d.citation).toContain('BIA PM 5.6(c)');
    expect(d.explanation).toContain('BIA PM 3.1(c)');
    expect(d.explanation).not.toContain('ICPM');
  });

  it('Inauguration Day is a holiday at the Board in Falls Church, not at the Detroit court', () => {
    // 90 days from October 22, 2020 is Wednesday, January 20, 2021: Inauguration Day.
    const atBoard = checkCase(board({ proceedings: { order: { date: '2020-06-01' }, appealDecision: { date: '2020-10-22' } } }), '2020-12-01').report.deadlines[0]!;
    expect(atBoard.due).toBe('2021-01-21');
    expect(atBoard.explanation).toContain('Inauguration Day');
    const atCourt = checkCase(motionCase({ motion: { basis: 'new-evidence' }, proceedings: { order: { date: '2020-10-22' } } }), '2020-12-01').report.deadlines[0]!;
    expect(atCourt.due).toBe('2021-01-20');
  });

  it('the statutory fee of July 2025 keeps its own citation in the fee paragraph', async () => {
    const text = flat(docxText(await run(motionCase({ proceedings: { order: { date: '2025-09-01' } }, respondent: { arrivalDate: '2025-06-01' } }), { asOf: '2025-10-01' }), 'motion-to-reopen'));
    expect(text).toMatch(/statutory fee for a motion to reopen \(Pub\. L\. No\. 119-21, § 100013\) of \$900\. Pub\. L\. No\. 119-21, § 100013 \(2025\); 8 U\.S\.C\. § 1812; EOIR PM 25-36\./);
  });

  it('prints case names in italics, in the DOCX and in the tree the PDF is drawn from', async () => {
    const r = await run(motionCase(), { asOf: '2017-10-01' });
    const xml = docxParts(fileOf(r, 'motion-to-reopen.docx'))['word/document.xml']!;
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">see also INS v\. Abudu<\/w:t>/);
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Matter of L-O-G-<\/w:t>/);
    const tree = r.trees.find((t) => t.id === 'motion-to-reopen')!.tree;
    const runs = JSON.stringify(tree.blocks);
    expect(runs).toContain('{"kind":"text","text":"see also INS v. Abudu","italic":true}');
  });
});

describe('cover page and caption as EOIR expects', () => {
  it('prints the judge and next hearing lines, a blank or None when not known', async () => {
    const known = flat(docxText(await run(motionCase({ proceedings: { judge: 'Ann Lee', nextHearing: '2017-12-04' } }), { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(known).toContain('Immigration Judge: Ann Lee Next Hearing: December 4, 2017');
    const unknown = flat(docxText(await run(motionCase(), { asOf: '2017-10-01' }), 'motion-to-reopen'));
    expect(unknown).toContain('Immigration Judge: ________________ Next Hearing: None');
  });

  it('names the respondent as on the order, with aliases when asked', async () => {
    const text = docxText(await run(motionCase({ respondent: { nameOnOrder: 'YUSUF, Sami', aliases: ['Sami Yusif'], aliasesInCaption: true } }), { asOf: '2017-10-01' }), 'motion-to-reopen');
    expect(text).toContain('YUSUF, SAMI\na/k/a Sami Yusif');
  });

  it('family members make the motion plural, each A-number on its own name line', async () => {
    const r = await run(motionCase({ respondent: { familyMembers: [{ name: { given: 'Maryam', family: 'Yousif' }, aNumber: 'A206-481-378' }] } }), { asOf: '2017-10-01' });
    expect(errors(r)).toEqual([]);
    const tree = r.trees.find((t) => t.id === 'motion-to-reopen')!.tree;
    const caption = tree.blocks.find((b) => b.kind === 'table' && b.borders === 'caption');
    if (caption?.kind !== 'table') throw new Error('no caption');
    const rows = caption.rows.map((row) => row.cells.map((cell) => JSON.stringify(cell.blocks)));
    expect(rows.some(([name, number]) => name!.includes('YOUSIF, SAMI') && number!.includes('A206-481-377'))).toBe(true);
    expect(rows.some(([name, number]) => name!.includes('YOUSIF, MARYAM') && number!.includes('A206-481-378'))).toBe(true);
    const text = flat(docxText(r, 'motion-to-reopen'));
    expect(text).toContain("RESPONDENTS' MOTION TO REOPEN");
    expect(text).toContain('Respondents Sami Yousif (A206-481-377), a native and citizen of Iraq, and Maryam Yousif (A206-481-378), through counsel, respectfully move');
    expect(text).toContain('Respondents.');
  });
});

describe("the user's exhibit order is kept", () => {
  it('tabs follow the order given; check only suggests the practice order', async () => {
    const input = motionCase({
      motion: {
        evidence: [
          { title: 'Form I-589', kind: 'application', pages: 3 },
          { title: 'Form I-797 approval notice', kind: 'court-record', pages: 1 },
          { title: 'Declaration of Sami Yousif', kind: 'declaration', document: 'respondent-declaration' },
        ],
      },
    });
    const r = await run(input, { asOf: '2017-10-01' });
    const manifest = JSON.parse(Buffer.from(r.manifest!.bytes).toString('utf8'));
    expect(manifest.filing.exhibits.map((e: { tab: string }) => e.tab)).toEqual(['A', 'B', 'C']);
    expect(flat(docxText(r, 'motion-to-reopen'))).toMatch(/B Form I-797 approval notice/);
    const suggestion = r.issues.find((i) => i.code === 'exhibit_order');
    expect(suggestion?.severity).toBe('warning');
    expect(suggestion?.message).toContain('A. Form I-589; B. Declaration of Sami Yousif; C. Form I-797');
  });
});

describe('facts that contradict each other, every problem at once', () => {
  it('an electronic record filed on paper by counsel is an issue naming both fields', () => {
    const { report } = checkCase(motionCase({ proceedings: { recordFormat: 'electronic' }, filing: { method: 'paper' } }), '2023-01-01');
    const issue = report.issues.find((i) => i.code === 'conflicting_facts' && i.path === 'filing.method');
    expect(issue?.message).toContain('proceedings.recordFormat');
  });

  it('a detained person without a facility: the issue names custody.status too', () => {
    const { report } = checkCase(motionCase({ custody: { status: 'detained' } }), '2017-10-01');
    const issue = report.issues.find((i) => i.path === 'custody.facility');
    expect(issue?.message).toContain('custody.status');
  });

  it('a missing required field drops nothing else: the future-date error, the forum and the deadline stay', () => {
    const input = motionCase({ counsel: { phone: undefined }, motion: { basis: 'new-evidence' }, proceedings: { order: { date: '2017-03-15' } }, respondent: { dateOfBirth: '2030-01-01' } });
    const { report } = checkCase(input, '2017-10-01');
    expect(report.ok).toBe(false);
    expect(codeAt(report.issues)).toEqual(expect.arrayContaining(['required@counsel.phone', 'date_in_future@respondent.dateOfBirth']));
    expect(report.forum).toBe('immigration-court');
    expect(report.deadlines[0]).toMatchObject({ id: 'motion-to-reopen', due: '2017-06-13' });
  });

  it('a malformed date drops only what rests on it', () => {
    const { report } = checkCase(motionCase({ motion: { basis: 'new-evidence' }, proceedings: { order: { date: '2017-13-45' } } }), '2017-10-01');
    expect(codeAt(report.issues)).toContain('date_not_real@proceedings.order.date');
    expect(report.forum).toBe('immigration-court');
    expect(report.deadlines).toEqual([]);
  });

  it('no internal wording and no broken phrases in any filed document or checklist', async () => {
    for (const service of [{ method: 'ecas' }, { method: 'mail', dhsOffice: 'OPLA Detroit', address: { street: '1 A St', city: 'Detroit', state: 'MI', zip: '48207' } }]) {
      const r = await run(motionCase({ service, filing: { method: 'paper' } }), { asOf: '2017-04-01' });
      for (const f of r.files.filter((x) => x.format === 'docx')) {
        const text = docxParagraphs(f.bytes).join('\n');
        expect(text, f.name).not.toMatch(/Reopen default|by through|\bundefined\b|\bnull\b/);
      }
    }
  });
});

describe('names and dates as people have them', () => {
  it('a person with one name prints as that name, with no FNU or empty slot', async () => {
    const r = await run(motionCase({ respondent: { name: { given: undefined, family: 'Kawa' } } }), { asOf: '2017-10-01' });
    expect(errors(r)).toEqual([]);
    const text = flat(docxText(r, 'respondent-declaration'));
    expect(text).toContain('I, Kawa, declare as follows:');
    expect(text).toContain('DECLARATION OF KAWA');
    expect(text).not.toMatch(/FNU|undefined| {2}/);
  });

  it('"FNU" as a name is a placeholder, refused with a plain message', () => {
    const { report } = checkCase(motionCase({ respondent: { name: { given: 'FNU', family: 'Kawa' } } }), '2017-10-01');
    expect(report.issues.find((i) => i.path === 'respondent.name.given')?.code).toBe('placeholder_value');
  });

  it('a birth date known only by year or month is sworn to as such', async () => {
    const year = flat(docxText(await run(motionCase({ respondent: { dateOfBirth: '1984' } }), { asOf: '2017-10-01' }), 'respondent-declaration'));
    expect(year).toContain('I was born in 1984');
    const month = flat(docxText(await run(motionCase({ respondent: { dateOfBirth: '1984-07' } }), { asOf: '2017-10-01' }), 'respondent-declaration'));
    expect(month).toContain('I was born in July 1984');
    const day = flat(docxText(await run(motionCase({ respondent: { dateOfBirth: '1984-07-15' } }), { asOf: '2017-10-01' }), 'respondent-declaration'));
    expect(day).toContain('I was born on July 15, 1984');
    expect(checkCase(motionCase({ respondent: { dateOfBirth: '2030' } }), '2017-10-01').report.issues.map((i) => i.code)).toContain('date_in_future');
  });

  it('placeholder identifiers and advice dates already past are issues with plain messages', () => {
    const zeros = checkCase(motionCase({ respondent: { aNumber: 'A000-000-000' } }), '2017-10-01').report;
    expect(zeros.issues.find((i) => i.path === 'respondent.aNumber')).toMatchObject({ code: 'placeholder_value', severity: 'error' });
    expect(checkCase(motionCase({ counsel: { eoirId: 'N/A' } }), '2017-10-01').report.issues.map((i) => i.code)).toContain('placeholder_value');
    // Paper filing due June 13, 2017, checked on June 12: the send-by date has passed.
    const late = checkCase(motionCase({ motion: { basis: 'new-evidence' }, proceedings: { recordFormat: 'paper' } }), '2017-06-12').report;
    const advice = late.issues.find((i) => i.code === 'advice_date_past');
    expect(advice?.message).toContain('June 8, 2017');
    expect(advice?.message).toContain('June 13, 2017');
  });

  it('the checklist never advises sending by a day already past', async () => {
    const r = await run(motionCase({ motion: { basis: 'new-evidence' }, proceedings: { recordFormat: 'paper' } }), { asOf: '2017-06-12' });
    const text = flat(docxText(r, 'filing-checklist'));
    expect(text).not.toContain('Send it no later than');
    expect(text).toContain('has passed: deliver it by hand, or by overnight courier today, so that the court receives it by June 13, 2017');
  });

  it('a character no font covers is an issue only where a chosen document prints it, in check and generate alike', async () => {
    const ethiopic = 'ሰላም';
    // An alias is printed nowhere (aliasesInCaption is off): no issue.
    const alias = motionCase({ respondent: { aliases: [ethiopic] } });
    expect(checkCase(alias, '2017-10-01').report.issues.map((i) => i.code)).not.toContain('unprintable_character');
    expect((await run(alias, { asOf: '2017-10-01' })).ok).toBe(true);
    // In the name, every document prints it: check and generate report the same field.
    const named = motionCase({ respondent: { name: { given: ethiopic, family: 'Yousif' } } });
    const checked = checkCase(named, '2017-10-01').report.issues.filter((i) => i.code === 'unprintable_character');
    const generated = (await run(named, { asOf: '2017-10-01' })).issues.filter((i) => i.code === 'unprintable_character');
    expect(checked.map((i) => i.path)).toEqual(['respondent.name.given']);
    expect(generated.map((i) => i.path)).toEqual(checked.map((i) => i.path));
    expect(checked[0]!.message).toContain('U+1230');
  });

  it('a Syriac name prints and reads back from the PDF', async () => {
    const syriac = 'ܝܘܣܦ';
    const r = await run(motionCase({ respondent: { name: { given: 'Sami', family: syriac } } }), { asOf: '2017-10-01' });
    expect(errors(r)).toEqual([]);
    const pages = await extract(fileOf(r, 'respondent-declaration.pdf'));
    expect(pages.map((p) => p.body).join('\n')).toContain(syriac);
  });
});
