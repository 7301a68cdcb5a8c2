/**
 * Issue "Untrusted inputs", item 4, end to end: text that means something other than what it
 * shows is handled by one rule (src/case/direction.ts, src/render/direction.ts), and the PDF and
 * the DOCX never read differently.
 *
 * fast-check draws text from Latin with diacritics, Arabic, Syriac, Western and Arabic-Indic digits,
 * spaces, the marks LRM, RLM and ALM, and the embeddings, overrides and isolates; the text goes into
 * an identity field the caption prints (respondent.name.family) and a prose field the declaration
 * prints (declaration.account). Then either the case is refused exactly as the rule says, or the
 * declaration's PDF, read back with pdf.js, reads as its DOCX (test/helpers/reading.ts: NFC, marks
 * dropped, white space folded; the same characters in the same order, and the same spaces but
 * where pdf.js cannot be given a right-to-left run whole).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDocuments, type GenerateResult } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { caseWith, ROOT, type Json } from '../helpers/cases.js';
import { docxParagraphs } from '../helpers/docx-text.js';
import { compareReadings, listLabels, withoutListLabels } from '../helpers/reading.js';
import { extract } from '../render/pdf/extract.js';

const CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LETTER = /[\p{L}]/u;

/** A motion to reopen at the immigration court with the respondent's own declaration. */
const motionCase = (family: string, account: string): Json =>
  caseWith({
        motion: {
          basis: 'changed-country-conditions',
          reliefSought: ['asylum', 'withholding', 'cat'],
          protectedGrounds: ['religion'],
          newFacts: [{ statement: 'Armed groups took the town in 2014.', arose: '2014-08-06' }],
          evidence: [
            { title: 'Form I-589', kind: 'application', pages: 3 },
            { title: 'Declaration of the respondent', kind: 'declaration', document: 'respondent-declaration' },
            { title: 'Country report', publisher: 'U.S. Department of State', date: '2017-03-03', kind: 'country-conditions', pages: 2 },
          ],
          dhsPosition: 'opposes',
          fee: { mode: 'paid' },
        },
        respondent: { name: { given: 'Sami', family }, arrivalDate: '2016-09-01' },
        declaration: { account: ['I was afraid every day in my hometown.', account] },
        service: { method: 'mail', dhsOffice: 'Office of the Principal Legal Advisor, Detroit', address: { street: '333 Mount Elliott Street', city: 'Detroit', state: 'MI', zip: '48207' } },
  });

const declaration = (family: string, account: string) =>
  generateDocuments(motionCase(family, account), {
    asOf: '2017-10-01',
    documents: ['respondent-declaration'],
    readExhibit: exhibitReader(join(ROOT, 'samples', 'cases')),
  });

const codesAt = (r: GenerateResult) => r.issues.filter((i) => i.code.startsWith('direction_control')).map((i) => `${i.severity}:${i.code}@${i.path}`);


async function expectSameReading(r: GenerateResult) {
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const docx = docxParagraphs(r.files.find((f) => f.format === 'docx')!.bytes);
  const pages = await extract(r.files.find((f) => f.format === 'pdf')!.bytes);
  const labels = listLabels(r.trees.find((t) => t.id === 'respondent-declaration')!.tree.blocks);
  const pdf = withoutListLabels(pages.map((p) => p.body).join('\n'), labels);
  for (const text of [pdf, ...docx]) expect(text).not.toMatch(CONTROL);
  const { pdf: pdfChars, docx: docxChars, spaces } = compareReadings(pdf, docx);
  expect(pdfChars).toBe(docxChars);
  expect(spaces.filter((s) => !s.excused)).toEqual([]);
}

const pick = (chars: string) => fc.constantFrom(...chars);
const unit = fc.oneof(
  { weight: 4, arbitrary: pick('abcdeāéüñçğşṣḥʿ') },
  { weight: 4, arbitrary: pick('سامييوسفلاحنبعك') },
  { weight: 3, arbitrary: pick('ܝܘܣܦܚܢܐ') },
  { weight: 2, arbitrary: pick('0123456789') },
  { weight: 2, arbitrary: pick('٠١٢٣٤٥٦٧٨٩') },
  { weight: 4, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: pick('\u200E\u200F\u061C') },
  { weight: 1, arbitrary: pick('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069') },
);
/** Text as someone might paste it; it holds a letter once the controls are gone (a name part must). */
const drawn = fc
  .array(unit, { minLength: 1, maxLength: 24 })
  .map((units) => units.join('').trim().replace(/ {2,}/g, ' '))
  .filter((t) => LETTER.test(t.replace(CONTROLS, '')) && t.replace(CONTROLS, '').trim() === t.replace(CONTROLS, ''));

describe('the direction-control rule, from the case file to the PDF and the DOCX', () => {
  it('refuses controls in a name, strips them from prose with a warning, and the PDF reads as the DOCX (property)', async () => {
    await fc.assert(
      fc.asyncProperty(drawn, async (text) => {
        const account = `In my own words: ${text}.`;
        if (CONTROL.test(text)) {
          // In the name: refused, naming the field; nothing is written.
          const refused = await declaration(text, account);
          expect(refused.ok).toBe(false);
          expect(refused.files).toEqual([]);
          expect(codesAt(refused)).toEqual(expect.arrayContaining(['error:direction_control@respondent.name.family', 'warning:direction_control_removed@declaration.account.1']));
          // In prose only: removed with a warning, and both outputs read the text without them.
          const r = await declaration(text.replace(CONTROLS, ''), account);
          expect(codesAt(r)).toEqual(['warning:direction_control_removed@declaration.account.1']);
          await expectSameReading(r);
        } else {
          const r = await declaration(text, account);
          expect(codesAt(r)).toEqual([]);
          await expectSameReading(r);
        }
      }),
      { numRuns: 40 },
    );
  });
});
