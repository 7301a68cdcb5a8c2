import { describe, expect, it } from 'vitest';
import { SINGLE_LINE_FACTOR } from '../../../src/render/styles.js';
import { ALL_FACES, facePieces, loadFace } from '../../../src/render/pdf/fonts.js';
import { shaper } from '../../../src/render/pdf/shaping.js';
import { fontMeasurer, uncoveredCharacters } from '../../../src/render/pdf/index.js';

const regular = { bold: false, italic: false };

describe('face choice', () => {
  it('draws Latin with diacritics, Greek, Cyrillic and Hebrew in Tinos of the asked style', () => {
    expect(facePieces('Nguyễn', regular)).toEqual([{ text: 'Nguyễn', face: 'tinos' }]);
    expect(facePieces('ʿAbd', { bold: true, italic: true })).toEqual([{ text: 'ʿAbd', face: 'tinos-bold-italic' }]);
    expect(facePieces('Ωмега', { bold: false, italic: true })).toEqual([{ text: 'Ωмега', face: 'tinos-italic' }]);
    expect(facePieces('שלום', { bold: true, italic: false })).toEqual([{ text: 'שלום', face: 'tinos-bold' }]);
  });

  it('falls back to DejaVu Serif, then to DejaVu Sans, upright when Sans Oblique lacks the script', () => {
    // Arrows are in DejaVu Serif, not in Tinos.
    expect(facePieces('a↖b', { bold: true, italic: false })).toEqual([
      { text: 'a', face: 'tinos-bold' },
      { text: '↖', face: 'serif-bold' },
      { text: 'b', face: 'tinos-bold' },
    ]);
    expect(facePieces('(سامي)', regular)).toEqual([
      { text: '(', face: 'tinos' },
      { text: 'سامي', face: 'sans' },
      { text: ')', face: 'tinos' },
    ]);
    expect(facePieces('سامي', { bold: false, italic: true })).toEqual([{ text: 'سامي', face: 'sans' }]);
    expect(facePieces('☐', { bold: true, italic: false })).toEqual([{ text: '☐', face: 'sans-bold' }]);
    // Arabic-Indic digits and the Arabic comma stay with the letters, although Noto Sans Syriac has them too.
    expect(facePieces('سامي،٥٢', regular)).toEqual([{ text: 'سامي،٥٢', face: 'sans' }]);
  });

  it('draws Syriac in Noto Sans Syriac, bold when asked and upright when italic is asked', () => {
    expect(facePieces('ܝܘܣܦ', regular)).toEqual([{ text: 'ܝܘܣܦ', face: 'syriac' }]);
    expect(facePieces('ܚܢܐ', { bold: true, italic: false })).toEqual([{ text: 'ܚܢܐ', face: 'syriac-bold' }]);
    expect(facePieces('(ܚܢܐ)', { bold: false, italic: true })).toEqual([
      { text: '(', face: 'tinos-italic' },
      { text: 'ܚܢܐ', face: 'syriac' },
      { text: ')', face: 'tinos-italic' },
    ]);
  });

  it('keeps a combining mark in its letter’s face, moving the whole letter if need be', () => {
    expect(facePieces('Jose\u0301', regular)).toEqual([{ text: 'Jose\u0301', face: 'tinos' }]);
    // U+20D7 is in DejaVu Sans only: its base letter goes with it rather than being drawn by another face.
    expect(facePieces('ba\u20d7c', regular)).toEqual([
      { text: 'b', face: 'tinos' },
      { text: 'a\u20d7', face: 'sans' },
      { text: 'c', face: 'tinos' },
    ]);
    // A Syriac letter with a generic combining mark stays whole in the Syriac face.
    expect(facePieces('ܐ\u0308', regular)).toEqual([{ text: 'ܐ\u0308', face: 'syriac' }]);
  });

  it('throws a RenderError naming a character no face has', () => {
    expect(() => facePieces('abሀ', regular)).toThrow(expect.objectContaining({ code: 'uncovered_character', message: expect.stringContaining('U+1200') }));
  });

  it('lists uncovered characters once each, ignoring white space', () => {
    expect(uncoveredCharacters('plain text\tand\u00a0more')).toEqual([]);
    expect(uncoveredCharacters('ሀ a ক ሀ \u0007')).toEqual(['ሀ', 'ক', '\u0007']);
    expect(uncoveredCharacters('ܝܘܣܦ ܚܢܐ سامي שלום')).toEqual([]);
  });
});

describe('shaping and measuring', () => {
  it('relies on a fact of Tinos and DejaVu: printable ASCII without ligatures shapes to its cmap glyphs', () => {
    const ascii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    const samples = [ascii, [...ascii].reverse().join(''), [...ascii].map((c) => c + c).join(''), 'office affluent ffi ffl fj Th AV To'];
    // Printable ASCII always goes to a Tinos face; the DejaVu faces are checked too, as before.
    const faces = ALL_FACES.filter((face) => !face.startsWith('syriac'));
    expect(faces.filter((face) => face.startsWith('tinos'))).toHaveLength(4);
    for (const face of faces) {
      const { font } = loadFace(face);
      for (const sample of samples) {
        const ids = (glyphs: { id: number }[]) => glyphs.map((g) => g.id);
        expect(ids(font.glyphsForString(sample)), face).toEqual(ids(font.layout(sample, { liga: false }).glyphs));
      }
    }
  });

  it('measures a string as the sum of its glyphs’ advances, which is what the viewer draws', () => {
    for (const face of ['tinos', 'serif'] as const) {
      const { font } = loadFace(face);
      const advance = (s: string) => font.layout(s, { liga: false }).glyphs.reduce((w, g) => w + g.advanceWidth, 0) / font.unitsPerEm;
      for (const s of ['office', 'Nguyễn Văn', 'A 123 456 789']) expect(fontMeasurer.width(face, s)).toBeCloseTo(advance(s), 12);
    }
  });

  it('measures Latin as Times New Roman does: Tinos has its widths', () => {
    // Times New Roman's advance widths in 2048ths of an em: space 512, 'a' 909, 'W' 1933, 'm' 1593.
    expect(fontMeasurer.width('tinos', ' ') * 2048).toBe(512);
    expect(fontMeasurer.width('tinos', 'aWm') * 2048).toBe(909 + 1933 + 1593);
  });

  it('gives invisible format characters no width, where fontkit would draw a space', () => {
    // ZWNJ stops the letters joining, so the word measures as its two halves side by side.
    const halves = fontMeasurer.width('sans', 'می') + fontMeasurer.width('sans', 'خواهم');
    expect(fontMeasurer.width('sans', 'می\u200cخواهم')).toBeCloseTo(halves, 12);
    expect(fontMeasurer.width('tinos', 'Ali\u200eReza')).toBeCloseTo(fontMeasurer.width('tinos', 'AliReza'), 12);
    expect(fontMeasurer.width('tinos', 'Ha\u00adnna')).toBeCloseTo(fontMeasurer.width('tinos', 'Hanna'), 12);
  });

  it('lays out digits in Arabic text left to right, and Arabic and Syriac words right to left', () => {
    const codePoints = (face: string, text: string, rtl: boolean) => shaper(face).glyphsOf(text, rtl).flatMap((g) => g.codePoints);
    const chars = (s: string) => [...s].map((c) => c.codePointAt(0)!);
    // fontkit alone lays Arabic-Indic digits out right to left, as their script's direction.
    expect(loadFace('sans').font.layout('٥٢').glyphs.flatMap((g) => g.codePoints)).toEqual(chars('٢٥'));
    expect(codePoints('sans', '٥٢', false)).toEqual(chars('٥٢'));
    expect(codePoints('tinos', '52', false)).toEqual(chars('52'));
    // A right-to-left run is drawn from its last word to its first, each word from its last letter.
    expect(codePoints('sans', 'سامي يوسف', true)).toEqual(chars('فسوي يماس'));
    expect(codePoints('syriac', 'ܝܘܣܦ ܚܢܐ', true)).toEqual(chars('ܐܢܚ ܦܣܘܝ'));
    // Neutral punctuation at a right-to-left level is reversed too.
    expect(codePoints('tinos', '!?', true)).toEqual(chars('?!'));
  });
});

describe('line metrics', () => {
  it('makes a single line as tall as Word’s for Times New Roman, with Tinos’ descender below the baseline', () => {
    expect(SINGLE_LINE_FACTOR).toBeCloseTo(1.1499, 4);
    expect(fontMeasurer.descent).toBe(443 / 2048);
    expect(fontMeasurer.ascent + fontMeasurer.descent).toBe(SINGLE_LINE_FACTOR);
    // Every Tinos face is exactly the body line; the fallbacks need more below the baseline.
    for (const face of ALL_FACES.filter((f) => f.startsWith('tinos'))) {
      expect(fontMeasurer.extent!(face)).toEqual({ ascent: fontMeasurer.ascent, descent: fontMeasurer.descent });
    }
    expect(fontMeasurer.extent!('sans')).toEqual({ ascent: 1901 / 2048, descent: 483 / 2048 });
    expect(fontMeasurer.extent!('syriac').descent).toBeCloseTo(0.486, 9);
  });
});
