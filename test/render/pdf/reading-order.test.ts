/**
 * Right-to-left text read back from the PDF as a court's system or a screen reader would (pdf.js),
 * against the DOCX of the same tree; and what both renderers do with the characters that steer
 * bidirectional text (src/render/direction.ts).
 */
import bidiModule from 'bidi-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../../src/compose/tree.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { directionSegments } from '../../../src/render/docx/xml-text.js';
import { fontMeasurer, layoutDocument, renderPdf, uncoveredCharacters } from '../../../src/render/pdf/index.js';
import type { TextItem } from '../../../src/render/pdf/index.js';
import { readerText } from '../../../src/render/pdf/bidi.js';
import { shaper } from '../../../src/render/pdf/shaping.js';
import { docxParagraphs } from '../../helpers/docx-text.js';
import { asRead, compareReadings, readText } from '../../helpers/reading.js';
import { bodyText, doc, fakeMeasurer, para, text } from './helpers.js';
import { extract } from './extract.js';

const bidi = (bidiModule as unknown as typeof bidiModule.default)();

const pdfText = async (tree: DocumentTree) => (await extract(await renderPdf(tree))).map((p) => p.body).join('\n');
const docxText = (tree: DocumentTree) => docxParagraphs(renderDocx(tree));
/** One line of a one-paragraph document as pdf.js reads it. */
const readBack = async (line: string) => asRead(readText(await pdfText(doc([para(line)]))));
const asTyped = (line: string) => asRead(readText(line));

const LRM = '\u200E';
const RLM = '\u200F';
const ALM = '\u061C';

describe('pdf.js reads right-to-left runs in reading order, spaces included', () => {
  it.each([
    // Numbers in Tinos inside Arabic in DejaVu Sans used to come back in screen order: "يوسف 52 سامي".
    'Also known as سامي 52 يوسف in the record.',
    'The respondent سامي ٥٢ Sami was born on ٢٠١٧/١٠/٠١ in Baghdad.',
    'Address: شارع 14 رمضان، بغداد 10001, Iraq.',
    'Syriac ܝܘܣܦ 12 ܚܢܐ and Arabic سامي 3 يوسف on one line.',
    'In a ligature: لا إله and السلام عليكم.',
  ])('%s', async (line) => {
    expect(await readBack(line)).toBe(asTyped(line));
  });

  it('draws the digits of an Arabic run in the Arabic face, so the run is one string', () => {
    const [page] = layoutDocument(doc([para('Also known as سامي 52 يوسف in the record.')]), fontMeasurer);
    const items = bodyText(page!);
    const rtl = items.filter((i) => i.piece !== undefined);
    expect(rtl.map((i) => i.face)).toEqual(['sans', 'sans', 'sans']);
    expect(new Set(rtl.map((i) => i.piece)).size).toBe(1);
    // Drawn in reading order around the run: the words before it, the run, the words after it.
    expect(items.map((i) => i.text.trim()).filter(Boolean)).toEqual(['Also known as', 'يوسف', '52', 'سامي', 'in the record.']);
  });

  it('puts every glyph where the bidi algorithm puts it, whatever order it is drawn in', () => {
    const reordered = (t: string) =>
      bidi
        .getReorderedIndices(t, bidi.getEmbeddingLevels(t, 'ltr'))
        .map((i) => t[i]!)
        .join('');
    const chars = [...'abc سامي ܝܘܣܦ 12 ٣٤ ', LRM, RLM, ALM];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 30 }), (picked) => {
        const line = picked.join('').trim().replace(/ +/g, ' ');
        fc.pre(line !== '');
        // The fake measurer gives every character the same width and one face: the items sorted
        // by x, each right-to-left one reversed, spell the line in visual order.
        const [page] = layoutDocument(doc([para(line)]), fakeMeasurer);
        const onScreen = bodyText(page!)
          .sort((a, b) => a.x - b.x)
          .map((i) => (i.rtl ? [...i.text].reverse().join('') : i.text))
          .join('');
        expect(onScreen).toBe(reordered(line));
      }),
      { numRuns: 200 },
    );
  });

  it('reads Arabic and Syriac names with numbers exactly as the DOCX does (property)', async () => {
    const word = (chars: string, min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));
    const latin = word('abcdeāéüñçğşṣḥʿ', 1, 8);
    const number = fc.oneof(word('0123456789', 1, 3), word('٠١٢٣٤٥٦٧٨٩', 1, 6));
    // A right-to-left name: words of one script (three letters or more), a number after some.
    const rtlName = (letters: string) =>
      fc
        .array(fc.tuple(word(letters, 3, 8), fc.option(number, { nil: undefined })), { minLength: 1, maxLength: 3 })
        .map((words) => words.flatMap(([w, n]) => (n === undefined ? [w] : [w, n])).join(' '));
    // Names in Latin, Arabic and Syriac, a Latin word between an Arabic and a Syriac name.
    const line = fc
      .array(fc.tuple(latin, fc.oneof(rtlName('سامييوسفلاحنبعك'), rtlName('ܝܘܣܦܚܢܐ'), latin)), { minLength: 1, maxLength: 3 })
      .map((pairs) => pairs.flat().join(' '));
    await fc.assert(
      fc.asyncProperty(line, async (name) => {
        const tree = doc([para([text('The respondent '), text(name), text(', born in 1971.')])]);
        const { pdf, docx, spaces } = compareReadings(await pdfText(tree), docxText(tree));
        expect(pdf).toBe(docx);
        expect(spaces).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the reader model the PDF is drawn for', () => {
  it('reads as pdf.js does: screen order put back, numbers kept, a short Arabic word with a long number read left to right', () => {
    expect(readerText('فسوي 52 يماس')).toBe('سامي 52 يوسف');
    expect(readerText('٢٠١٧/١٠/٠١')).toBe('٢٠١٧/١٠/٠١');
    expect(readerText('12 ب')).toBe('ب 12');
    // 1 of 5 characters is Arabic: pdf.js takes the string as left to right, and nothing drawn can
    // make "ب 123" read right; the renderer then draws it in two strings and loses the space.
    expect(readerText('123 ب')).toBe('123 ب');
    expect(readerText('plain <b>')).toBe('plain <b>');
  });
});

describe('direction controls and marks', () => {
  const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('drops embeddings, overrides and isolates in both renderers, body and furniture alike', async () => {
    const line = (c: string) => `The ${c}respondent${CONTROLS[2]} سامي ${c}52 يوسف${CONTROLS[8]} filed.`;
    for (const c of CONTROLS) {
      const withControls = doc([para(line(c))], { pageNumbers: false, headerLeft: `YOUSIF ${c}سامي`, footerLeft: `${c}A206-481-377` });
      const without = doc([para(line(''))], { pageNumbers: false, headerLeft: 'YOUSIF سامي', footerLeft: 'A206-481-377' });
      // The PDF is laid out and drawn as if they were not there, and the DOCX does not hold them.
      expect(layoutDocument(withControls, fontMeasurer)).toEqual(layoutDocument(without, fontMeasurer));
      expect(Buffer.from(await renderPdf(withControls)).equals(Buffer.from(await renderPdf(without)))).toBe(true);
      const docx = docxText(withControls);
      expect(docx).toEqual(docxText(without));
      expect(docx.join('\n')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(Buffer.from(renderDocx(withControls)).equals(Buffer.from(renderDocx(without)))).toBe(true);
      expect(asRead(readText(await pdfText(withControls)))).toBe(asRead(readText(docx.join('\n'))));
    }
    // An override once reversed the whole line in the PDF while Word showed it as typed.
    expect(await readBack(`\u202EThe respondent filed.`)).toBe('The respondent filed.');
  });

  it('honours LRM, RLM and ALM as the bidi algorithm does, and prints them as nothing', async () => {
    const xOf = (items: TextItem[], t: string) => items.find((i) => i.text.includes(t))!.x;
    const layout = (line: string) => bodyText(layoutDocument(doc([para(line)]), fontMeasurer)[0]!);
    // A number after Arabic is part of its run, left of the word; after an LRM it is left-to-right
    // text again, right of the word; an RLM or ALM keeps it in the run.
    const plain = layout('x سامي 12 y');
    expect(xOf(plain, '12')).toBeLessThan(xOf(plain, 'سامي'));
    const lrm = layout(`x سامي ${LRM}12 y`);
    expect(xOf(lrm, '12')).toBeGreaterThan(xOf(lrm, 'سامي'));
    const rlm = layout(`x سامي${RLM} 12 y`);
    expect(xOf(rlm, '12')).toBeLessThan(xOf(rlm, 'سامي'));
    // ALM makes "1 2" Arabic numbers in a right-to-left run: they swap places on the screen.
    const alm = layout(`x ${ALM}1 2 y`).sort((a, b) => a.x - b.x);
    expect(alm.map((i) => i.text.replace(ALM, '').trim()).filter(Boolean)).toEqual(['x', '2', '1', 'y']);
    // Every font prints them (ALM is in none of them), with no width and no glyph.
    expect(uncoveredCharacters(`${LRM}${RLM}${ALM}`)).toEqual([]);
    expect(fontMeasurer.width('sans', `سامي${ALM}${RLM}`)).toBeCloseTo(fontMeasurer.width('sans', 'سامي'), 12);
    const drawn = shaper('sans').glyphsOf(`سا${RLM}مي${ALM}`, true).flatMap((g) => g.codePoints);
    expect(drawn).not.toContain(0x200f);
    expect(drawn).not.toContain(0x61c);
    for (const line of [`x سامي ${LRM}12 y`, `x سامي${RLM} 12 y`, `Sami${LRM} يوسف${RLM}`]) {
      expect(await readBack(line)).toBe(asTyped(line));
    }
    // Two spaces with only a mark between them are a gap at which pdf.js ends its string: the run
    // is drawn as two pieces, and its characters still come back in order.
    const spaced = `Sami س ${ALM} ٠س, born`;
    const { pdf, docx } = compareReadings(await pdfText(doc([para(spaced)])), [spaced]);
    expect(pdf).toBe(docx);
  });

  it('keeps an Arabic word, an RLM after it and the next word in one right-to-left run in the DOCX', () => {
    expect(directionSegments(`alias سامي${RLM} يوسف, born`)).toEqual([
      { text: 'alias ', rtl: false },
      { text: `سامي${RLM} يوسف`, rtl: true },
      { text: ', born', rtl: false },
    ]);
  });
});
