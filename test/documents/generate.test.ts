import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeANumber } from '../../src/case/index.js';
import { checkCase } from '../../src/check.js';
import { generateDocuments as generate, type GeneratedFile, type GenerateOptions, type GenerateResult } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cases.js';
import { merge, sample, samples, type Json } from '../helpers/cases.js';
import { docxParagraphs, docxParts } from '../helpers/docx-text.js';
import { listLabels } from '../helpers/reading.js';
import { assertWellFormed } from '../render/docx/strict-xml.js';
import { extract, fontDictionaries } from '../render/pdf/extract.js';

/** The text with all white space removed: line breaks fall in different places in Word and the PDF. */
const stream = (text: string) => text.replace(/\s+/g, '');


/** PDF words with the tree's list labels taken out, in order, as a reader would ignore Word's numbers. */
function withoutLabels(text: string, labels: readonly string[]): string {
  const out: string[] = [];
  let k = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (k < labels.length && word === labels[k]) k++;
    else out.push(word);
  }
  expect(k, 'every list label of the tree is printed in the PDF').toBe(labels.length);
  return out.join('');
}

/** Exhibit files of the samples are read from the samples folder, as the CLI reads them beside the case file. */
const generateDocuments = (input: unknown, opts: GenerateOptions) =>
  generate(input, { readExhibit: exhibitReader(join(ROOT, 'samples', 'cases')), ...opts });

const FORBIDDEN = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/;

/** Every sample Reopen can generate for, with the documents `check` plans for it. */
const okSamples = samples()
  .filter((s) => s.exit === 0)
  .map((s) => ({ ...s, documents: (checkCase(sample(s.name), s.asOf).documents ?? []).map((d) => d.id) }));

async function pdfBody(bytes: Uint8Array) {
  const pages = await extract(bytes);
  return { pages, text: pages.map((p) => p.body).join('\n') };
}

describe.each(okSamples)('$name', (s) => {
  let files: GeneratedFile[] = [];
  let trees: GenerateResult['trees'] = [];
  beforeAll(async () => {
    const r = await generateDocuments(sample(s.name), { asOf: s.asOf });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.notYetAvailable).toEqual([]);
    files = r.files;
    trees = r.trees;
  }, 180_000);

  it('writes every document check lists, as DOCX and PDF, and the combined filing with a motion', () => {
    expect(s.documents.length).toBeGreaterThan(0);
    const expected = s.documents.flatMap((id) => [`${id}.docx`, `${id}.pdf`]);
    if (s.documents.includes('motion-to-reopen')) expected.push('filing.pdf');
    expect(files.map((f) => f.name.replace(/^\d{9}-/, ''))).toEqual(expected);
    const aNumber = normalizeANumber((sample(s.name)['respondent'] as { aNumber: string }).aNumber);
    for (const f of files) expect(aNumber.ok && f.name.startsWith(`${aNumber.value}-`)).toBe(true);
  });

  it('its golden folder holds the text of exactly these documents (delete what a refresh leaves behind)', () => {
    const expected = s.documents.flatMap((id) => [`${id}.docx.txt`, `${id}.pdf.txt`]).sort();
    expect(readdirSync(join(ROOT, 'test', 'golden', s.name)).sort()).toEqual(expected);
  });

  for (const doc of s.documents) {
    describe(doc, () => {
      const docx = () => files.find((f) => f.document === doc && f.format === 'docx')!.bytes;
      const pdf = () => files.find((f) => f.document === doc && f.format === 'pdf')!.bytes;

      it('matches its golden text, part by part (refresh with vitest -u)', async () => {
        await expect(docxParagraphs(docx()).join('\n')).toMatchFileSnapshot(`../golden/${s.name}/${doc}.docx.txt`);
        const { pages } = await pdfBody(pdf());
        const text = pages.map((p, i) => `--- page ${i + 1} ---\n${p.body.trimEnd()}\n[furniture] ${p.furniture.trim()}`).join('\n');
        await expect(text).toMatchFileSnapshot(`../golden/${s.name}/${doc}.pdf.txt`);
      });

      it('says the same words in the DOCX and the PDF', async () => {
        const docxText = docxParagraphs(docx()).join('\n');
        const { text } = await pdfBody(pdf());
        const labels = listLabels(trees.find((t) => t.id === doc)!.tree.blocks);
        expect(withoutLabels(text, labels)).toBe(stream(docxText));
      });

      it('opens in an independent reader: mammoth reads it, every part is well-formed XML', async () => {
        for (const [name, xml] of Object.entries(docxParts(docx()))) assertWellFormed(xml, name);
        const read = await mammoth.extractRawText({ buffer: Buffer.from(docx()) });
        expect(stream(read.value)).toBe(stream(docxParagraphs(docx()).join('\n')));
      });

      it('is a Letter PDF with embedded fonts that pdf.js parses', async () => {
        const { pages } = await pdfBody(pdf());
        expect(pages.length).toBeGreaterThan(0);
        for (const p of pages) expect(p.view).toEqual([0, 0, 612, 792]);
        const fonts = await fontDictionaries(pdf());
        expect(fonts.descriptors.length).toBeGreaterThan(0);
        for (const d of fonts.descriptors) expect(d.toString()).toMatch(/FontFile2/);
        for (const p of pages) for (const item of p.items) {
          expect(item.x).toBeGreaterThanOrEqual(0);
          expect(item.x + item.width).toBeLessThanOrEqual(612);
        }
      });

      it('never prints undefined, null, NaN, [object Object] or an empty A-number', async () => {
        const { pages } = await pdfBody(pdf());
        const all = [docxParagraphs(docx()).join('\n'), ...pages.map((p) => p.body + p.furniture)].join('\n');
        expect(all).not.toMatch(FORBIDDEN);
        expect(all).toMatch(/A\d{3}-\d{3}-\d{3}/);
        // Wherever an A-number is announced, one follows.
        expect(all).not.toMatch(/File No\.(?!\s*A\d{3}-\d{3}-\d{3})|A-number is(?!\s*A\d{3}-\d{3}-\d{3})/);
      });
    });
  }

  it('gives identical bytes when generated twice', async () => {
    const again = await generateDocuments(sample(s.name), { asOf: s.asOf });
    expect(again.files.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(files.map((f) => Buffer.from(f.bytes).toString('base64')));
  });
});

describe('the motion follows the forum', () => {
  const text = async (name: string, asOf: string) => {
    const r = await generateDocuments(sample(name), { asOf, documents: ['motion-to-reopen'], formats: ['docx'] });
    // Citations are bound with no-break spaces; read them as plain spaces.
    return docxParagraphs(r.files[0]!.bytes).join('\n').replace(/\u00a0/g, ' ');
  };

  it('immigration court: the court heading, DETAINED, the judge line', async () => {
    const t = await text('detained-iraqi-hamama', '2017-10-01');
    expect(t).toContain('IMMIGRATION COURT\nDETROIT, MICHIGAN');
    expect(t).toContain('DETAINED');
    expect(t).toContain("RESPONDENT'S MOTION TO REOPEN");
    expect(t).toContain('Hamama v. Adducci');
    expect(t).toContain('November 6, 2017');
    expect(t).toContain('EOIR ID: KM482310');
  });

  it('the Board: its heading, no DETAINED for a released respondent', async () => {
    const t = await text('bia-dismissal-new-evidence', '2017-04-10');
    expect(t).toContain('BOARD OF IMMIGRATION APPEALS\nFALLS CHURCH, VIRGINIA');
    expect(t).not.toContain('DETAINED');
    expect(t).toContain('8 C.F.R. § 1003.2(c)');
    expect(t).toContain('May 4, 2017');
  });

  it('in absentia: the rescission title, and the no-fee statement', async () => {
    const t = await text('in-absentia-no-notice', '2026-11-27');
    expect(t).toContain("RESPONDENT'S MOTION TO RESCIND IN ABSENTIA ORDER AND REOPEN PROCEEDINGS");
    expect(t).toContain(
      'Neither the motion to reopen fee nor the statutory fee for a motion to reopen (Pub. L. No. 119-21, § 100013) is required because the motion seeks to rescind an in absentia order for lack of notice',
    );
    // The caption names her as the order does; the body as she writes her name.
    expect(t).toContain('CUX TZUL, MARIA ELENA');
    expect(t).toContain('Respondent María Elena Cux Tzul');
  });
});

describe('refusing, and previews', () => {
  const withoutEoirId = merge(sample('detained-iraqi-hamama'), { counsel: { eoirId: undefined } } as Json);

  it('a final document lacking a fact it cannot be filed without is refused, naming the field', async () => {
    const r = await generateDocuments(withoutEoirId, { asOf: '2017-10-01' });
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([]);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'missing_fact', path: 'counsel.eoirId', severity: 'error' }));
  });

  it('a preview prints a visible marker instead', async () => {
    const r = await generateDocuments(withoutEoirId, { asOf: '2017-10-01', preview: true, documents: ['motion-to-reopen'] });
    expect(r.ok).toBe(true);
    const docx = docxParagraphs(r.files.find((f) => f.format === 'docx')!.bytes).join('\n');
    expect(docx).toContain('EOIR ID: [MISSING: counsel.eoirId]');
    const { text } = await pdfBody(r.files.find((f) => f.format === 'pdf')!.bytes);
    expect(text).toContain('[MISSING: counsel.eoirId]');
  });

  it('a case with errors writes nothing', async () => {
    const r = await generateDocuments(sample('second-motion-number-limit'), { asOf: '2026-11-27' });
    expect([r.ok, r.files.length]).toEqual([false, 0]);
    expect(r.issues.map((i) => i.code)).toContain('number_limit');
  });
});

describe('adversarial text in every field', () => {
  const long = 'Ḥ'.repeat(10_000);
  const nasty = {
    respondent: {
      name: { given: 'Nguyễn & <Ḥanna>', middle: '"{{x}}" {#each} [[body]]', family: 'ʿAbd al-Ṣamad e\u0301' },
      nameOnOrder: undefined,
      aliases: ['سامي حنا يوسف', 'שלום', 'Sami 😀 Yusuf'],
    },
    motion: {
      summary: `First ${long} end.\n\nSecond paragraph with *stars* and _underscores_ and ::pagebreak.`,
      newFacts: [{ statement: '# Not a heading. 1. Not a list. | not | a table |', whyNotEarlier: '> not a quote & <b>not html</b>' }],
    },
    counsel: { name: 'Laila «Haddad» — Esq.', organization: 'Smith & Jones {LLP}' },
  } as Json;

  it('never corrupts a file, never loses a character, never overflows the page', async () => {
    const input = merge(sample('detained-iraqi-hamama'), nasty);
    const r = await generateDocuments(input, { asOf: '2017-10-01', documents: ['motion-to-reopen', 'respondent-declaration'] });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const f of r.files.filter((x) => x.format === 'docx')) {
      for (const [name, xml] of Object.entries(docxParts(f.bytes))) assertWellFormed(xml, name);
    }
    const motionDocx = docxParagraphs(r.files.find((f) => f.name.endsWith('motion-to-reopen.docx'))!.bytes).join('\n');
    const motionPdf = (await pdfBody(r.files.find((f) => f.name.endsWith('motion-to-reopen.pdf'))!.bytes)).text;
    for (const value of ['NGUYỄN & <ḤANNA>', '"{{X}}" {#EACH} [[BODY]]', 'ʿABD AL-ṢAMAD E\u0301', 'Smith & Jones {LLP}', '*stars*', '::pagebreak', '# Not a heading. 1. Not a list. | not | a table |', '<b>not html</b>']) {
      expect(motionDocx.normalize('NFC')).toContain(value.normalize('NFC'));
      expect(stream(motionPdf).normalize('NFC')).toContain(stream(value).normalize('NFC'));
    }
    expect(stream(motionPdf)).toContain(long);
    const { pages } = await pdfBody(r.files.find((f) => f.name.endsWith('motion-to-reopen.pdf'))!.bytes);
    for (const p of pages) for (const item of p.items) expect(item.x + item.width).toBeLessThanOrEqual(612 - 72 + 0.5);
  });

  it('refuses a character no bundled font can print, naming the field', async () => {
    // Printed only because the caption is asked to show the aliases.
    const input = merge(sample('detained-iraqi-hamama'), { respondent: { aliases: ['Sami \u{1F9D1}\u200D\u{1F52C}'], aliasesInCaption: true } } as Json);
    const r = await generateDocuments(input, { asOf: '2017-10-01' });
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'unprintable_character', path: 'respondent.aliases.0' }));
  });

  it('refuses control characters at the door, naming the field', async () => {
    const input = merge(sample('detained-iraqi-hamama'), { counsel: { name: 'Laila\u0000Haddad' } } as Json);
    const r = await generateDocuments(input, { asOf: '2017-10-01' });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'control_character', path: 'counsel.name' }));
    expect(r.files).toEqual([]);
  });
});
