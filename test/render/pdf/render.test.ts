import { PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/compose/tree.js';
import { ALL_FACES, loadFace } from '../../../src/render/pdf/fonts.js';
import { RenderError, TEXT_BOX, renderPdf, standardFonts, uncoveredCharacters } from '../../../src/render/pdf/index.js';
import { doc, para, text } from './helpers.js';
import { extract, fontDictionaries, treeWords, words } from './extract.js';
import { motionTree } from './motion-fixture.js';

const NAMES = ['Nguyễn', 'Ḥanna', 'ʿAbd al-Ṣamad', 'Jose\u0301', '& < > " \'', '{{', '{#'];
const ARABIC = 'سامي يوسف';
const HEBREW = 'שלום';

const caption: Block = {
  kind: 'table',
  widths: [3, 2],
  borders: 'caption',
  rows: [{ cells: [{ blocks: [para('In the Matter of:', 'TableText'), para('Nguyễn Văn Ḥanna', 'TableText')] }, { blocks: [para('A 123 456 789', 'TableText')] }] }],
};
const names = doc(
  [
    caption,
    para('MOTION TO REOPEN', 'Title'),
    para(
      [
        text('The respondent Jose\u0301 ʿAbd al-Ṣamad, also known as '),
        text(ARABIC),
        text(' and '),
        text(HEBREW, { bold: true }),
        text(', writes & < > " \' and {{ or {# in his '),
        text('declaration', { italic: true }),
        text('. '),
        text('[MISSING: respondent.aNumber]', { marker: true }),
      ],
      'Body',
    ),
    {
      kind: 'list',
      ordered: true,
      items: [[para('First ground.', 'ListItem')], [para('Second ground:', 'ListItem'), { kind: 'list', ordered: false, items: [[para('a nested point', 'ListItem')]] }]],
    },
  ],
  { headerLeft: 'Nguyễn Văn Ḥanna, A 123 456 789', headerRight: 'DETAINED', pageNumbers: true },
);

describe('renderPdf', () => {
  it('prints every word of the tree, in order, on Letter pages', async () => {
    const pages = await extract(await renderPdf(names));
    for (const page of pages) expect(page.view).toEqual([0, 0, 612, 792]);
    expect(words(pages.map((p) => p.body).join('\n'))).toEqual(treeWords(names.blocks));
  });

  it('gives back names with diacritics, combining marks and markup characters intact', async () => {
    const [page] = await extract(await renderPdf(names));
    // Line ends come back as newlines; a name may span two lines.
    for (const name of NAMES) expect(page!.body.replace(/\s+/g, ' ')).toContain(name);
  });

  it('gives back Arabic and Hebrew in logical order', async () => {
    const [page] = await extract(await renderPdf(names));
    expect(page!.body).toContain(ARABIC);
    expect(page!.body).toContain(HEBREW);
  });

  it('marks the running header and footer as artifacts, apart from the filing’s text', async () => {
    const [page] = await extract(await renderPdf(names));
    expect(words(page!.furniture)).toEqual(words('Nguyễn Văn Ḥanna, A 123 456 789 DETAINED Page 1 of 1'));
    expect(page!.body).not.toContain('DETAINED');
  });

  it('embeds, subset and tagged, exactly the faces it uses', async () => {
    const { type0, descriptors } = await fontDictionaries(await renderPdf(names));
    // Tinos regular, bold and italic (the bold Hebrew too: Tinos has Hebrew); DejaVu Sans for the Arabic.
    const baseFonts = type0.map((f) => f.get(PDFName.of('BaseFont'))?.toString());
    expect(baseFonts.map((n) => n?.replace(/^\/[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-Regular']);
    expect(descriptors).toHaveLength(4);
    for (const d of descriptors) expect(d.has(PDFName.of('FontFile2'))).toBe(true);
    const plain = await fontDictionaries(await renderPdf(doc([para('Only plain words here.')])));
    expect(plain.type0).toHaveLength(1);
  });

  it('flows a 10,000-character word over several pages, every piece inside the margins', async () => {
    const word = 'Ḥanna-Nguyễn-'.repeat(770).slice(0, 10_000);
    const pages = await extract(await renderPdf(doc([para(word, 'BodySingle')])));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((p) => p.body).join('').replace(/\s/g, '')).toBe(word);
    for (const item of pages.flatMap((p) => p.items)) {
      expect(item.x).toBeGreaterThanOrEqual(TEXT_BOX.left - 0.01);
      expect(item.x + item.width).toBeLessThanOrEqual(TEXT_BOX.right + 0.01);
      expect(item.y).toBeGreaterThanOrEqual(TEXT_BOX.bottom);
      expect(item.y).toBeLessThanOrEqual(TEXT_BOX.top);
    }
  });

  it('renders the same tree to the same bytes, dated from asOf, with fixed metadata', async () => {
    const first = await renderPdf(motionTree());
    expect(Buffer.from(await renderPdf(motionTree())).equals(Buffer.from(first))).toBe(true);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: first.slice(), isEvalSupported: false }).promise;
    const { info } = await pdf.getMetadata();
    expect(info).toMatchObject({ Title: 'Motion to Reopen', Producer: 'Reopen', Creator: 'Reopen', CreationDate: 'D:20250304000000Z', ModDate: 'D:20250304000000Z' });
    expect(Buffer.from(first).includes('/ID')).toBe(false);
    await pdf.destroy();
  });

  it('refuses a character no bundled font has, naming it and the text around it', async () => {
    const ethiopic = 'ሀ'; // U+1200, Ge'ez script: Tigrinya and Amharic names
    for (const face of ALL_FACES) expect(loadFace(face).font.hasGlyphForCodePoint(0x1200)).toBe(false);
    expect(uncoveredCharacters(`Name: ${ethiopic}bcd Ḥanna\t\u00a0`)).toEqual([ethiopic]);
    const rejected = renderPdf(doc([para('Intro.'), para(`The respondent, ${ethiopic}bcd, fears return.`)]));
    await expect(rejected).rejects.toBeInstanceOf(RenderError);
    await expect(rejected).rejects.toMatchObject({ code: 'uncovered_character', message: expect.stringContaining('U+1200') });
    await expect(rejected).rejects.toThrow(/The respondent, ሀbcd, fears return\./);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(renderPdf({ ...doc([para('x')]), asOf: '2025-02-30' })).rejects.toMatchObject({ code: 'invalid_as_of' });
  });

  it('draws the same layout with pdf-lib’s Times for the speed floor', async () => {
    const tree = motionTree();
    const pages = await extract(await renderPdf(tree, standardFonts));
    expect(words(pages.map((p) => p.body).join('\n'))).toEqual(treeWords(tree.blocks));
  });
});
