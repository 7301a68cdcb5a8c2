import { describe, expect, it } from 'vitest';
import { PDFName } from 'pdf-lib';
import { TEXT_BOX, fontMeasurer, layoutDocument, renderPdf } from '../../../src/render/pdf/index.js';
import type { TextItem } from '../../../src/render/pdf/index.js';
import { bodyText, doc, fakeMeasurer, para, text } from './helpers.js';
import { extract, fontDictionaries } from './extract.js';

describe('numbers inside right-to-left text', () => {
  it('makes the digits in Arabic text a left-to-right run of their own, the letters a right-to-left one', () => {
    const [page] = layoutDocument(doc([para('سامي ٥٢ Sami')]), fakeMeasurer);
    const items = bodyText(page!).sort((a, b) => a.x - b.x);
    // Visually, left to right: the number, the Arabic name, the Latin name.
    expect(items.map((i) => [i.text.trim(), i.rtl])).toEqual([
      ['٥٢', false],
      ['سامي', true],
      ['Sami', false],
    ]);
  });

  it('prints Arabic-Indic and European digits in reading order, with the Arabic name and Latin in one paragraph', async () => {
    const tree = doc([
      para([text('The respondent '), text('سامي ٥٢ Sami'), text(' was born on '), text('٢٠١٧/١٠/٠١'), text('.')]),
      para('Also known as سامي 52 يوسف in the record.'),
    ]);
    const [page] = await extract(await renderPdf(tree));
    const [first, second] = page!.body.trim().split('\n');
    expect(first).toContain('سامي ٥٢ Sami');
    expect(first).toContain('٢٠١٧/١٠/٠١');
    expect(first).not.toMatch(/٢٥|٧١٠٢/u);
    expect(second).toContain('52');
    expect(second).toContain('سامي');
    expect(second).toContain('يوسف');
    expect(second).not.toContain('25');
  });
});

describe('Syriac names', () => {
  it('prints a Syriac name in Noto Sans Syriac, embedded with its glyphs, and reads it back', async () => {
    const name = 'ܝܘܣܦ ܚܢܐ';
    const bytes = await renderPdf(doc([para(`The respondent, ${name}, is Chaldean.`), para([text(name, { bold: true })])]));
    const [page] = await extract(bytes);
    expect(page!.body.split('\n').filter((l) => l.includes(name))).toHaveLength(2);
    const { type0, descriptors } = await fontDictionaries(bytes);
    const names = type0.map((f) => f.get(PDFName.of('BaseFont'))?.toString().replace(/^\/[A-Z]{6}\+/, ''));
    expect(names).toEqual(expect.arrayContaining(['NotoSansSyriac-Regular', 'NotoSansSyriac-Bold']));
    for (const d of descriptors) expect(d.has(PDFName.of('FontFile2'))).toBe(true);
  });
});

describe('line heights with taller faces', () => {
  const extentOf = (item: TextItem) => fontMeasurer.extent!(item.face);

  it('makes a line with Arabic or Syriac taller, as Word does for a taller font, and keeps Latin lines Word’s height', () => {
    const lines = ['plain', 'plain', 'سامي', 'plain', 'ܝܘܣܦ', 'plain'];
    const [page] = layoutDocument(doc(lines.map((l) => para(l))), fontMeasurer);
    const ys = bodyText(page!).map((i) => i.y);
    const gaps = ys.slice(1).map((y, i) => ys[i]! - y);
    const single = 12 * (fontMeasurer.ascent + fontMeasurer.descent);
    // From a baseline to the next: this line's descent and the next line's ascent. Arabic and
    // Syriac need no more ascent than Tinos, but more descent.
    expect(gaps[0]).toBeCloseTo(single, 9);
    expect(gaps[1]).toBeCloseTo(single, 9);
    expect(gaps[2]).toBeCloseTo(single + 12 * (fontMeasurer.extent!('sans').descent - fontMeasurer.descent), 9);
    expect(gaps[3]).toBeCloseTo(single, 9);
    expect(gaps[4]).toBeCloseTo(single + 12 * (fontMeasurer.extent!('syriac').descent - fontMeasurer.descent), 9);
    expect(gaps[4]).toBeGreaterThan(gaps[2]!);
    expect(gaps[2]).toBeGreaterThan(single);
  });

  it('keeps every face’s own ascent and descent inside the text box on full pages', () => {
    const mixed = ['Plain Latin line', 'سامي يوسف', 'ܝܘܣܦ ܚܢܐ', 'Nguyễn ٥٢ ܚܢܐ سامي', 'שלום ↖ ☐'];
    for (const style of ['FilerBlock', 'Body', 'TableText'] as const) {
      const pages = layoutDocument(doc(Array.from({ length: 140 }, (_, i) => para(mixed[i % mixed.length]!, style))), fontMeasurer);
      expect(pages.length).toBeGreaterThan(1);
      for (const item of pages.flatMap(bodyText)) {
        const { ascent, descent } = extentOf(item);
        expect(item.y - descent * item.size).toBeGreaterThanOrEqual(TEXT_BOX.bottom - 1e-6);
        expect(item.y + ascent * item.size).toBeLessThanOrEqual(TEXT_BOX.top + 1e-6);
      }
    }
  });
});
