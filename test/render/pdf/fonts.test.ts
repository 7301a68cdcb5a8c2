import { describe, expect, it } from 'vitest';
import { facePieces, loadFace } from '../../../src/render/pdf/fonts.js';
import type { FaceId } from '../../../src/render/pdf/fonts.js';
import { fontMeasurer, uncoveredCharacters } from '../../../src/render/pdf/index.js';

const regular = { bold: false, italic: false };
const FACES: FaceId[] = ['serif', 'serif-bold', 'serif-italic', 'serif-bold-italic', 'sans', 'sans-bold', 'sans-italic', 'sans-bold-italic'];

describe('face choice', () => {
  it('draws Latin with diacritics in DejaVu Serif of the asked style', () => {
    expect(facePieces('Nguyễn', regular)).toEqual([{ text: 'Nguyễn', face: 'serif' }]);
    expect(facePieces('ʿAbd', { bold: true, italic: true })).toEqual([{ text: 'ʿAbd', face: 'serif-bold-italic' }]);
  });

  it('falls back to DejaVu Sans for scripts Serif lacks, upright when Sans Oblique lacks them too', () => {
    expect(facePieces('(سامي)', regular)).toEqual([
      { text: '(', face: 'serif' },
      { text: 'سامي', face: 'sans' },
      { text: ')', face: 'serif' },
    ]);
    expect(facePieces('سامي', { bold: false, italic: true })).toEqual([{ text: 'سامي', face: 'sans' }]);
    expect(facePieces('שלום', { bold: true, italic: false })).toEqual([{ text: 'שלום', face: 'sans-bold' }]);
  });

  it('keeps a combining mark in its letter’s face, moving the whole letter if need be', () => {
    expect(facePieces('Jose\u0301', regular)).toEqual([{ text: 'Jose\u0301', face: 'serif' }]);
    // U+0346 is in Sans only: its base letter goes with it rather than being drawn by another face.
    expect(facePieces('ba\u0346c', regular)).toEqual([
      { text: 'b', face: 'serif' },
      { text: 'a\u0346', face: 'sans' },
      { text: 'c', face: 'serif' },
    ]);
  });

  it('throws a RenderError naming a character no face has', () => {
    expect(() => facePieces('abሀ', regular)).toThrow(expect.objectContaining({ code: 'uncovered_character', message: expect.stringContaining('U+1200') }));
  });

  it('lists uncovered characters once each, ignoring white space', () => {
    expect(uncoveredCharacters('plain text\tand\u00a0more')).toEqual([]);
    expect(uncoveredCharacters('ሀ a ক ሀ \u0007')).toEqual(['ሀ', 'ক', '\u0007']);
  });
});

describe('shaping and measuring', () => {
  it('relies on a fact of DejaVu: printable ASCII without ligatures shapes to its cmap glyphs', () => {
    const ascii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    const samples = [ascii, [...ascii].reverse().join(''), [...ascii].map((c) => c + c).join(''), 'office affluent ffi ffl fj Th AV To'];
    for (const face of FACES) {
      const { font } = loadFace(face);
      for (const sample of samples) {
        const ids = (glyphs: { id: number }[]) => glyphs.map((g) => g.id);
        expect(ids(font.glyphsForString(sample))).toEqual(ids(font.layout(sample, { liga: false }).glyphs));
      }
    }
  });

  it('measures a string as the sum of its glyphs’ advances, which is what the viewer draws', () => {
    const { font } = loadFace('serif');
    const advance = (s: string) => font.layout(s, { liga: false }).glyphs.reduce((w, g) => w + g.advanceWidth, 0) / font.unitsPerEm;
    for (const s of ['office', 'Nguyễn Văn', 'A 123 456 789']) expect(fontMeasurer.width('serif', s)).toBeCloseTo(advance(s), 12);
  });

  it('gives invisible format characters no width, where fontkit would draw a space', () => {
    // ZWNJ stops the letters joining, so the word measures as its two halves side by side.
    const halves = fontMeasurer.width('sans', 'می') + fontMeasurer.width('sans', 'خواهم');
    expect(fontMeasurer.width('sans', 'می\u200cخواهم')).toBeCloseTo(halves, 12);
    expect(fontMeasurer.width('serif', 'Ali\u200eReza')).toBeCloseTo(fontMeasurer.width('serif', 'AliReza'), 12);
    expect(fontMeasurer.width('serif', 'Ha\u00adnna')).toBeCloseTo(fontMeasurer.width('serif', 'Hanna'), 12);
  });
});
