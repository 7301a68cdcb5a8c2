/**
 * Shaping with fontkit, done once per word and face for the whole process, and shared by the
 * measuring (layout) and the encoding (drawing) of text.
 *
 * fontkit's `layout` is most of the cost of an embedded-font PDF (68 of 89 ms in
 * ../shared/notes/measured.md). pdf-lib's embedder would call it again for every string it
 * encodes, so ours (./embed.ts) encodes a line from the cached words instead.
 *
 * Optional ligatures (fi, fl) are off, as they are by default in Word, so the PDF matches the DOCX
 * and extracted or searched text has plain letters; required ones (Arabic lam-alef) stay. Without
 * them a word of printable ASCII shapes to exactly its cmap glyphs in Tinos and DejaVu (a test
 * checks it), which is some twenty times cheaper than fontkit's layout.
 *
 * The direction of a run comes from the bidi levels (./bidi.ts), never from the script: fontkit
 * would lay out Arabic-Indic digits right to left because they belong to the Arabic script, and
 * print "٥٢" as "٢٥".
 */
import type { Font, Glyph, GlyphRun } from '@pdf-lib/fontkit';
import { SINGLE_LINE_FACTOR } from '../styles.js';
import { facePieces, isFaceId, isPrintableAscii, loadFace } from './fonts.js';
import type { FaceId, LoadedFace } from './fonts.js';
import type { LineExtent, Measurer } from './types.js';

interface Shaped {
  glyphs: Glyph[];
  /** The direction fontkit laid the word out in: its script's. */
  rtl: boolean;
  /** In ems: the sum of the glyphs' advance widths, which is what a PDF viewer advances by. */
  width: number;
}

/** A bound on memory for long batch runs; a batch's vocabulary stays far below it. */
const MAX_CACHED_WORDS = 50_000;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const NO_LIGATURES = { liga: false };
/** Left out of the glyphs: the soft hyphen (see `layout`) and the bidi marks, which only steer
 * the bidi levels (./bidi.ts) and have no ink. */
const NOT_DRAWN = /[\u00ad\u200e\u200f\u061c]/g;
const HAS_NOT_DRAWN = /[\u00ad\u200e\u200f\u061c]/;

/** fontkit's layout takes a script, a language and a direction after the features; its typings
 * leave them out. */
type Layout = (text: string, features: object, script?: string, language?: string, direction?: 'ltr' | 'rtl') => GlyphRun;

export class FaceShaper {
  /** Words in the direction of their script (what measuring uses: the width is the same both ways). */
  private readonly words = new Map<string, Shaped>();
  /** Glyphs of words laid out in a direction given by the bidi levels, in visual order. */
  private readonly directed = [new Map<string, Glyph[]>(), new Map<string, Glyph[]>()] as const;
  private readonly space: Glyph;
  readonly font: Font;
  /** A single line's room above the baseline (ascender and line gap) and below it, in ems. */
  readonly extent: LineExtent;

  constructor(readonly face: LoadedFace) {
    const { font } = face;
    this.font = font;
    this.space = font.glyphForCodePoint(0x20);
    // fontkit reads these from hhea, which is what Word sizes a line by.
    const { ascent, descent, lineGap } = font;
    this.extent = { ascent: (ascent + lineGap) / font.unitsPerEm, descent: -descent / font.unitsPerEm };
  }

  /** A word (no U+0020) shaped alone: Arabic joins within a word and never across a space. */
  word(token: string): Shaped {
    let shaped = this.words.get(token);
    if (!shaped) {
      if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
      const { glyphs, rtl } = isPrintableAscii(token) ? { glyphs: this.font.glyphsForString(token), rtl: false } : this.layout(token);
      const width = glyphs.reduce((w, g) => w + g.advanceWidth, 0) / this.font.unitsPerEm;
      shaped = { glyphs, rtl, width };
      this.words.set(token, shaped);
    }
    return shaped;
  }

  /** A word's glyphs in visual order when the bidi levels say which way it runs. */
  private wordIn(token: string, rtl: boolean): Glyph[] {
    const shaped = this.word(token);
    // Nearly always the direction of the word's script (Latin at an even level, Arabic at an odd one).
    if (shaped.rtl === rtl) return shaped.glyphs;
    const cache = this.directed[rtl ? 1 : 0];
    let glyphs = cache.get(token);
    if (!glyphs) {
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      // Printable ASCII is never joined or reordered by shaping: right to left, it is its glyphs backwards.
      glyphs = isPrintableAscii(token) ? [...shaped.glyphs].reverse() : this.layout(token, rtl ? 'rtl' : 'ltr').glyphs;
      cache.set(token, glyphs);
    }
    return glyphs;
  }

  /**
   * fontkit's layout, in the direction given or else the script's. A soft hyphen is left out: it
   * is invisible unless a line ends at it (./lines.ts then draws a hyphen), and fontkit would draw
   * the font's glyph for it, a visible hyphen, when the face maps it to the hyphen's glyph (Tinos).
   * The bidi marks are left out too: they have done their work in the bidi levels.
   *
   * A glyph laid out right to left that stands for several characters (lam-alef) lists them
   * backwards: readers rebuild a right-to-left string by reversing the characters of its glyphs in
   * screen order, which puts them back in reading order ("لا", not "ال").
   */
  private layout(token: string, direction?: 'ltr' | 'rtl'): { glyphs: Glyph[]; rtl: boolean } {
    const text = HAS_NOT_DRAWN.test(token) ? token.replace(NOT_DRAWN, '') : token;
    const run = (this.font.layout as Layout).call(this.font, text, NO_LIGATURES, undefined, undefined, direction);
    const glyphs = withCodePoints(text, this.restoreIgnorables(text, run));
    if (run.direction !== 'rtl') return { glyphs, rtl: false };
    return { glyphs: glyphs.map((g) => (g.codePoints.length > 1 ? withOwnCodePoints(g, [...g.codePoints].reverse()) : g)), rtl: true };
  }

  width(text: string): number {
    if (!text.includes(' ')) return this.word(text).width;
    return text.split(' ').reduce((w, token, i) => w + this.word(token).width + (i > 0 ? this.word(' ').width : 0), 0);
  }

  /**
   * Glyphs of a fragment in visual order. `rtl` is the fragment's direction from the bidi levels:
   * a right-to-left fragment lists its words backwards, each laid out right to left by fontkit.
   */
  glyphsOf(text: string, rtl: boolean): Glyph[] {
    const tokens = text.split(' ');
    if (rtl) tokens.reverse();
    const glyphs: Glyph[] = [];
    tokens.forEach((token, i) => {
      if (i > 0) glyphs.push(this.space);
      for (const glyph of this.wordIn(token, rtl)) glyphs.push(glyph);
    });
    return glyphs;
  }

  /**
   * fontkit draws default-ignorable characters (ZWNJ, ZWJ, LRM) as a full-width space glyph;
   * pdf-lib ignores glyph positions, so a visible gap would appear inside a name. Put back the
   * font's own zero-width glyph, or leave the character out when the font has none.
   */
  private restoreIgnorables(token: string, run: GlyphRun): Glyph[] {
    const hidden = [...token].filter((c) => DEFAULT_IGNORABLE.test(c));
    if (hidden.length === 0) return run.glyphs;
    if (run.direction === 'rtl') hidden.reverse();
    let k = 0;
    return run.glyphs.flatMap((glyph) => {
      if (glyph !== this.space) return [glyph];
      const own = this.font.glyphForCodePoint(hidden[k++]?.codePointAt(0) ?? 0x20);
      return own.advanceWidth === 0 ? [own] : [];
    });
  }
}

/**
 * Makes sure every glyph says which characters it stands for, which is what the PDF's ToUnicode
 * map (and so copying, searching and screen readers) is built from.
 *
 * fontkit caches one Glyph object per glyph id with the code points of whatever first created it.
 * A glyph first reached through a substitution (a combining acute after a capital becomes its
 * ".case" form; a precomposed letter decomposed by `ccmp`) is cached with no code points, and a
 * later word that uses it would then extract as a control character: "É" read back as "E\u001e".
 * The characters of the word not accounted for by any glyph are given, in order, to the glyphs
 * that claim none, on a copy of the glyph so fontkit's shared cache is not changed.
 */
function withCodePoints(token: string, glyphs: Glyph[]): Glyph[] {
  if (glyphs.every((g) => g.codePoints.length > 0)) return glyphs;
  const left = [...token].map((c) => c.codePointAt(0)!);
  for (const g of glyphs) {
    for (const cp of g.codePoints) {
      const i = left.indexOf(cp);
      if (i >= 0) left.splice(i, 1);
    }
  }
  const blanks = glyphs.filter((g) => g.codePoints.length === 0).length;
  let k = 0;
  return glyphs.map((g, n) => {
    if (g.codePoints.length > 0) return g;
    // Several claimless glyphs share what is left; the last takes the remainder.
    const isLast = glyphs.slice(n + 1).every((h) => h.codePoints.length > 0);
    const take = isLast ? left.slice(k) : left.slice(k, k + Math.max(1, Math.floor(left.length / blanks)));
    k += take.length;
    return take.length > 0 ? withOwnCodePoints(g, take) : g;
  });
}

/** A copy of a glyph claiming other characters; fontkit's cached glyph is left as it is. */
function withOwnCodePoints(glyph: Glyph, codePoints: number[]): Glyph {
  return Object.assign(Object.create(glyph) as Glyph, { codePoints }) as Glyph;
}

const shapers = new Map<FaceId, FaceShaper>();
export function shaper(face: string): FaceShaper {
  if (!isFaceId(face)) throw new Error(`Unknown face "${face}"`);
  let s = shapers.get(face);
  if (!s) shapers.set(face, (s = new FaceShaper(loadFace(face))));
  return s;
}

/** Tinos' descender is 443/2048 em; the ascent is what a single line leaves above it: Tinos'
 * ascender and line gap, (1825 + 87)/2048 em, so a line of Tinos fills its line box exactly. */
const DESCENT = 443 / 2048;

export const fontMeasurer: Measurer = {
  faces: facePieces,
  width: (face, text) => shaper(face).width(text),
  ascent: SINGLE_LINE_FACTOR - DESCENT,
  descent: DESCENT,
  extent: (face) => shaper(face).extent,
};
