/**
 * Pages a court clerk would accept, read back from real PDFs and DOCX files: a signature block
 * never alone on a page, citations never broken at "C.F.R." or "§", table rows whole on one page,
 * lead-ins and headings kept with what follows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocuments, type GenerateResult } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { caseWith, merge, ROOT, sample, samples, type Json } from '../helpers/cases.js';
import { docxParts } from '../helpers/docx-text.js';
import { extract, type ExtractedPage } from '../render/pdf/extract.js';

const run = (input: unknown, asOf: string) => generateDocuments(input, { asOf, readExhibit: exhibitReader(join(ROOT, 'samples', 'cases')) });
const pdfsOf = (r: GenerateResult) => r.files.filter((f) => f.format === 'pdf');
const lines = (page: ExtractedPage) => page.body.split('\n').map((l) => l.trim()).filter(Boolean);

/** The motion case, with a summary `n` sentences long, which moves the signature down the page. */
function withSummary(n: number): Json {
  const sentence = 'Respondent has lived in the same neighborhood for many years and has cared for his elderly mother throughout that time.';
  return merge(sample('detained-iraqi-hamama'), {
    motion: { summary: Array.from({ length: n }, () => sentence).join(' ') },
    declaration: { account: Array.from({ length: 3 + (n % 7) }, (_, i) => `${sentence} This is paragraph ${i + 1} of my account.`) },
  });
}

const SIGNATURE = [/^Respectfully submitted,$/, /^_{10,}$/, /^Laila M\. Haddad$/, /^Attorney for the Respondent$/, /^Date: _+$/, /^Executed on/, /^at _+/, /^Sami Hanna Yousif$/, /^\(city and state or country where signed\)\.$/, /^where signed\)\.$/];
const isSignatureLine = (line: string) => SIGNATURE.some((re) => re.test(line));

describe('pages a court clerk would accept', () => {
  const variants = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const results: { n: number; r: GenerateResult }[] = [];
  const all = async () => {
    if (results.length === 0) for (const n of variants) results.push({ n, r: await run(withSummary(n), '2017-10-01') });
    return results;
  };

  it('never leaves a signature block alone on a page (motion and declaration, at every length)', async () => {
    for (const { n, r } of await all()) {
      for (const f of pdfsOf(r).filter((x) => /motion-to-reopen|respondent-declaration/.test(x.name))) {
        for (const [i, page] of (await extract(f.bytes)).entries()) {
          const text = lines(page);
          expect(text.length > 0 && text.every(isSignatureLine), `${f.name} page ${i + 1} with a summary of ${n} sentences: ${text.join(' | ')}`).toBe(false);
        }
      }
    }
  }, 180_000);

  it('never ends a line inside a citation ("8 C.F.R." / "§" / "INA")', async () => {
    const inputs = [...(await all()).map(({ r }) => r), ...(await Promise.all(samples().filter((s) => s.exit === 0).map((s) => run(sample(s.name), s.asOf))))];
    let checked = 0;
    for (const r of inputs) {
      for (const f of pdfsOf(r)) {
        for (const page of await extract(f.bytes)) {
          for (const line of lines(page)) {
            checked++;
            expect(line, f.name).not.toMatch(/(C\.F\.R\.|U\.S\.C\.|§|INA)$/);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 180_000);

  it('keeps each exhibit index row whole on one page, in the PDF; marks every DOCX row cantSplit', async () => {
    const evidence = Array.from({ length: 40 }, (_, i) => ({
      title: `Report number ${i + 1} on the conditions of Chaldean Christians returned to the Nineveh Plains, with annexes`,
      publisher: 'Human Rights Watch',
      date: '2017-03-03',
      kind: 'country-conditions',
      pages: 1,
    }));
    const input = merge(sample('detained-iraqi-hamama'), {
      motion: { evidence: [{ title: 'Form I-589', kind: 'application', pages: 1 }, { title: 'Declaration of Sami Hanna Yousif', kind: 'declaration', document: 'respondent-declaration' }, ...evidence] },
    });
    const r = await run(input, '2017-10-01');
    const motion = r.files.find((f) => f.name.endsWith('motion-to-reopen.pdf'))!;
    const pages = await extract(motion.bytes);
    const indexPages = pages.filter((p, i) => p.body.includes('Report number') && i > 0);
    expect(indexPages.length).toBeGreaterThan(1);
    for (let k = 1; k <= 40; k++) {
      // The number and the last word of a row's title are on the same page: the row did not split.
      const holders = indexPages.filter((p) => new RegExp(`Report number ${k} on\\b`).test(p.body.replace(/\s+/g, ' ')));
      expect(holders, `row ${k}`).toHaveLength(1);
      expect(holders[0]!.body.replace(/\s+/g, ' ')).toMatch(new RegExp(`Report number ${k} on the conditions of Chaldean Christians returned to the Nineveh Plains, with annexes`));
    }
    const xml = docxParts(r.files.find((f) => f.name.endsWith('motion-to-reopen.docx'))!.bytes)['word/document.xml']!;
    const rows = xml.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(row).toMatch(/^<w:tr><w:trPr><w:cantSplit\/>/);
  });

  it('keeps headings and lead-ins with what follows, in the DOCX', async () => {
    const r = await run(sample('detained-iraqi-hamama'), '2017-10-01');
    const parts = docxParts(r.files.find((f) => f.name.endsWith('motion-to-reopen.docx'))!.bytes);
    const styles = parts['word/styles.xml']!;
    for (const style of ['Heading1', 'Heading2', 'Title']) {
      expect(styles.match(new RegExp(`w:styleId="${style}".*?</w:style>`, 's'))![0]).toContain('<w:keepNext/>');
    }
    const leadIn = parts['word/document.xml']!.match(/<w:p><w:pPr>[^]*?<\/w:pPr>(?:(?!<\/w:p>)[^])*?are these:<\/w:t><\/w:r><\/w:p>/)![0];
    expect(leadIn).toContain('<w:keepNext/>');
    // The words a signature block signs keep with it.
    const beforeSignature = parts['word/document.xml']!.match(/<w:p>(?:(?!<w:p>)[^])*?<\/w:p><w:p><w:pPr><w:pStyle w:val="Signature"\/>/g) ?? [];
    expect(beforeSignature.length).toBeGreaterThan(0);
    for (const p of beforeSignature) expect(p).toContain('<w:keepNext/>');
  });

  it('binds citations with no-break spaces in both outputs', async () => {
    const r = await run(caseWith({ motion: { basis: 'joint', dhsPosition: 'joins', summary: 'The parties agree that the case should be reopened.' }, declaration: { account: ['I agree.'] } }), '2017-10-01');
    const xml = docxParts(r.files.find((f) => f.name.endsWith('motion-to-reopen.docx'))!.bytes)['word/document.xml']!;
    expect(xml).toContain('8\u00a0C.F.R.\u00a0§\u00a01003.23(b)(4)(iv)');
    const tree = JSON.stringify(r.trees.find((t) => t.id === 'motion-to-reopen')!.tree.blocks);
    expect(tree).toContain('8\u00a0C.F.R.\u00a0§\u00a01003.23(b)(4)(iv)');
  });
});
