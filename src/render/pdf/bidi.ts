/**
 * Bidirectional text: where each stretch of a line is drawn, and in what order the drawing calls
 * go into the page, so that a reader rebuilding the text gets it back in reading order.
 *
 * Levels. The documents are English, so every paragraph has a left-to-right base direction. Levels
 * are resolved once per paragraph with bidi-js, as Word resolves them (a number at the start of a
 * line is still a number inside the Arabic text of the line before), marks included: LRM, RLM and
 * ALM are honoured here, though never drawn (../direction.ts). Each line is then reordered by its
 * own levels (UAX #9, L2), so "سامي ٥٢" keeps its digits in reading order rather than having them
 * reversed with the letters.
 *
 * Where. A line is cut into slices, one per stretch of one atom (face and format) and one level.
 * Slices are placed left to right in visual order; a slice at an odd level keeps its text in
 * logical order and is drawn right to left by the shaper, so Arabic joins.
 *
 * In what order. A PDF holds glyphs, not text; readers rebuild text from the order of the drawing
 * calls and the gaps between glyphs. pdf.js (Firefox's viewer, and the text layer of most web
 * viewers) takes each run of calls in one font, with no step backwards, as one string; finds a space
 * wherever a glyph starts some way to the right of where the last one ended; and puts each string
 * back into reading order on its own with a simplified bidi algorithm (./bidi.ts `readerText`).
 * Strings drawn left to right across a right-to-left run would come back in screen order
 * ("يوسف 52 سامي"); strings drawn in reading order step backwards, and the space at each step is
 * lost. So:
 *
 * - left-to-right stretches (level 0) are drawn left to right, which is their reading order;
 * - each right-to-left run (a stretch at levels of 1 and more) is cut into as few pieces as
 *   possible, each one face, one stretch of the screen and one stretch of the text, that pdf.js puts
 *   back in order on its own (checked with `readerText`); the pieces are drawn in reading order,
 *   each as one marked-content sequence (a reader flushes its string there), its slices left to
 *   right so the spaces inside it are seen. Numbers inside Arabic are drawn in the Arabic letters'
 *   face (./lines.ts), so a run of Arabic words and numbers is normally a single piece.
 *
 * What pdf.js cannot be given. Between two pieces of one run the drawing steps backwards, so a space
 * there is not seen, and a run of several pieces is read with a space at an edge where the text has
 * none. A run needs several pieces only where it changes face at a space (Arabic next to Syriac,
 * which no bundled face has both of; bold next to regular), where a bidi mark reorders it in a way
 * pdf.js cannot know (it skips the marks, and reads a space where the screen shows it), or where
 * pdf.js would take any one string holding the space for left-to-right text (a short Arabic word
 * and a long Western number: under 30% right-to-left characters). The characters and their order
 * are always right; only such spaces can differ (test/helpers/reading.ts says exactly where).
 * pdftotext (poppler) rebuilds lines from glyph positions, so the drawing order does not change
 * what it reads.
 */
import bidiModule from 'bidi-js';
import { sameFormat } from './types.js';
import type { Atom, Measurer, ReadingPiece } from './types.js';

// bidi-js is CommonJS whose module.exports is the factory, while its typings declare an ES default
// export; Node and Vite both hand over the factory as the default import.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
 * presentation forms, Arabic digits and ALM included) and RLM: a paragraph without one needs no
 * bidi pass. */
const STRONG_RTL = /[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/;

export function hasRightToLeft(text: string): boolean {
  return STRONG_RTL.test(text);
}

/** The level bidi-js resolves for each UTF-16 code unit of a paragraph with a left-to-right base. */
export function paragraphLevels(text: string): Uint8Array {
  return bidi.getEmbeddingLevels(text, 'ltr').levels;
}

/** The bidi class bidi-js gives a character (Unicode's). */
export const bidiClass = (char: string): string => bidi.getBidiCharTypeName(char);

/** An atom, or part of one, at one level, placed on its line. */
export interface PlacedAtom extends Atom {
  /** At an odd level: drawn right to left, its text in logical order. */
  rtl: boolean;
  /** From the line's start. */
  x: number;
  /** The piece of a right-to-left run it belongs to; none in left-to-right stretches. */
  piece?: ReadingPiece;
}

interface Slice extends Atom {
  /** Offsets in the line's text. */
  start: number;
  end: number;
  level: number;
  /** Position among the line's slices from left to right. */
  visual: number;
  x: number;
}

/** The line's characters from left to right, as offsets into its text (UAX #9, L2). */
function visualIndices(levels: ArrayLike<number>): number[] {
  const order = Array.from({ length: levels.length }, (_, i) => i);
  let max = 0;
  let minOdd = Infinity;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    max = Math.max(max, level);
    if (level % 2 === 1) minOdd = Math.min(minOdd, level);
  }
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if (levels[order[i]!]! < level) continue;
      let j = i;
      while (j + 1 < order.length && levels[order[j + 1]!]! >= level) j++;
      for (let a = i, b = j; a < b; a++, b--) {
        const swap = order[a]!;
        order[a] = order[b]!;
        order[b] = swap;
      }
      i = j;
    }
  }
  return order;
}

/** Atoms cut wherever the level changes, in logical order, then placed from left to right. */
function placedSlices(atoms: readonly Atom[], levels: ArrayLike<number>, measurer: Measurer, size: number): Slice[] {
  const slices: Slice[] = [];
  let at = 0;
  for (const atom of atoms) {
    const end = at + atom.text.length;
    let from = at;
    for (let i = at + 1; i <= end; i++) {
      if (i < end && levels[i] === levels[from]) continue;
      const whole = from === at && i === end;
      const text = atom.text.slice(from - at, i - at);
      const width = whole ? atom.width : measurer.width(atom.face, text) * size;
      slices.push({ text, face: atom.face, underline: atom.underline, marker: atom.marker, width, start: from, end: i, level: levels[from] ?? 0, visual: 0, x: 0 });
      from = i;
    }
    at = end;
  }
  // A slice is one level, so its characters are next to each other on the screen.
  const position = new Array<number>(levels.length);
  visualIndices(levels).forEach((offset, k) => (position[offset] = k));
  const leftToRight = [...slices].sort((a, b) => position[a.start]! - position[b.start]!);
  let x = 0;
  leftToRight.forEach((slice, k) => {
    slice.visual = k;
    slice.x = x;
    x += slice.width;
  });
  return slices;
}

/**
 * The line's atoms in the order they are drawn, each cut at level changes and placed: left-to-right
 * stretches as they are, each right-to-left run as its pieces in reading order, the slices of a
 * piece from left to right. Neighbours of one format drawn in one direction are merged.
 * `levels` are the levels of the line's characters (the line's part of its paragraph's).
 */
export function drawingOrder(atoms: readonly Atom[], levels: ArrayLike<number>, measurer: Measurer, size: number): PlacedAtom[] {
  const slices = placedSlices(atoms, levels, measurer, size);
  const out: PlacedAtom[] = [];
  for (let i = 0; i < slices.length; ) {
    let j = i;
    const rtlRun = slices[i]!.level > 0;
    while (j + 1 < slices.length && slices[j + 1]!.level > 0 === rtlRun) j++;
    const stretch = slices.slice(i, j + 1);
    if (!rtlRun) out.push(...merged(stretch));
    else for (const piece of pieces(stretch, measurer)) out.push(...merged([...piece].sort((a, b) => a.visual - b.visual), { rtl: true }));
    i = j + 1;
  }
  return out;
}

/** Slices in drawing order as drawn strings: a neighbour of one format and level that continues
 * the text (forwards, or backwards at an odd level) joins the string before it. */
function merged(slices: readonly Slice[], piece?: ReadingPiece): PlacedAtom[] {
  const out: PlacedAtom[] = [];
  // The logical extent of the last string, which the next slice must continue.
  let start = -1;
  let end = -1;
  let level = -1;
  for (const s of slices) {
    const rtl = s.level % 2 === 1;
    const last = out[out.length - 1];
    if (last && sameFormat(last, s) && level === s.level && (rtl ? s.end === start : end === s.start)) {
      last.text = rtl ? s.text + last.text : last.text + s.text;
      last.width += s.width;
    } else {
      const atom: PlacedAtom = { text: s.text, face: s.face, underline: s.underline, marker: s.marker, width: s.width, x: s.x, rtl };
      if (piece) atom.piece = piece;
      out.push(atom);
      start = s.start;
      end = s.end;
      level = s.level;
    }
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return out;
}

/**
 * A right-to-left run's slices (in logical order) cut into pieces, taken greedily from the start of
 * the run: each as long as it can be while it is one face, one stretch of the screen, and read
 * back by pdf.js as its own text. A slice on its own is a piece even when pdf.js would not read it
 * back: there is nothing smaller to draw.
 */
function pieces(run: readonly Slice[], measurer: Measurer): Slice[][] {
  const out: Slice[][] = [];
  for (let i = 0; i < run.length; ) {
    let end = i;
    for (let j = run.length - 1; j > i; j--) {
      const candidate = run.slice(i, j + 1);
      if (oneFace(candidate) && onScreenTogether(candidate) && readsBack(candidate, measurer.width(candidate[0]!.face, ' '))) {
        end = j;
        break;
      }
    }
    out.push(run.slice(i, end + 1));
    i = end + 1;
  }
  return out;
}

const oneFace = (slices: readonly Slice[]) => slices.every((s) => s.face === slices[0]!.face);

function onScreenTogether(slices: readonly Slice[]): boolean {
  const visual = slices.map((s) => s.visual);
  return Math.max(...visual) - Math.min(...visual) === slices.length - 1;
}

/** Invisible format characters: pdf.js skips their glyphs, and the marks are not drawn at all. */
const FORMAT = /\p{Cf}/gu;
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
/** pdf.js ends its string at a gap wider than this, in ems (its SPACE_IN_FLOW_MAX_FACTOR). */
const WIDEST_SPACE_IN_A_STRING = 0.6;

/**
 * Whether pdf.js reads the slices, drawn as one string from left to right, back as their text:
 * the glyphs' characters from left to right (those of a right-to-left slice reversed: ./shaping.ts
 * also lists a ligature's characters backwards there), one space for each gap between two glyphs
 * and none at the ends, put in order by its bidi algorithm. A gap wider than 0.6 em (two spaces
 * with only a mark between them) ends pdf.js's string, so the slices would not be read as one.
 */
function readsBack(slices: readonly Slice[], spaceWidth: number): boolean {
  const onScreen = [...slices]
    .sort((a, b) => a.visual - b.visual)
    .map((s) => (s.level % 2 === 1 ? [...s.text].reverse().join('') : s.text))
    .join('')
    .replace(FORMAT, '')
    .trim();
  const widestGap = Math.max(0, ...(onScreen.match(/ +/g) ?? []).map((gap) => gap.length));
  if (widestGap * spaceWidth > WIDEST_SPACE_IN_A_STRING) return false;
  return readerText(fold(onScreen)) === fold(slices.map((s) => s.text).join('').replace(FORMAT, ''));
}

/**
 * The bidi class pdf.js gives a character (its core/bidi.js): Unicode's for Latin-1 and the Arabic
 * block, R for Hebrew, AL for U+0700 to U+08AC (Syriac marks included) and the Arabic presentation
 * forms, L for everything else.
 */
function readerClass(char: string): string {
  const code = char.charCodeAt(0);
  if (code <= 0xff || (code >= 0x0600 && code <= 0x06ff)) return bidiClass(char);
  if (code >= 0x0590 && code <= 0x05f4) return 'R';
  if ((code >= 0x0700 && code <= 0x08ac) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return 'AL';
  return 'L';
}

/**
 * What pdf.js makes of one string of glyphs in screen order (its core/bidi.js, used for every text
 * item of `getTextContent`): a string with no R, AL or AN character is taken as it is; otherwise it
 * is read right to left when at least 30% of its characters are R, AL or AN or it has at most four,
 * else left to right, with Unicode's weak and neutral rules, simplified (no brackets, no isolates),
 * and its characters reordered as the levels say. pdf.js also drops "<" and ">" from such a string.
 * Code units, as pdf.js counts them.
 */
export function readerText(visual: string): string {
  const chars = visual.split('');
  const n = chars.length;
  const types = chars.map(readerClass);
  const strong = types.filter((t) => t === 'R' || t === 'AL' || t === 'AN').length;
  if (strong === 0) return visual;
  const base = strong / n < 0.3 && n > 4 ? 0 : 1;
  const e = base === 1 ? 'R' : 'L';
  // W1: a non-spacing mark takes the class of what it follows.
  let last = e;
  for (let i = 0; i < n; i++) {
    if (types[i] === 'NSM') types[i] = last;
    else last = types[i]!;
  }
  // W2: a European number after Arabic letters is an Arabic number. W3: AL is R.
  last = e;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === 'EN') types[i] = last === 'AL' ? 'AN' : 'EN';
    else if (t === 'R' || t === 'L' || t === 'AL') last = t;
  }
  for (let i = 0; i < n; i++) if (types[i] === 'AL') types[i] = 'R';
  // W4: one separator between two numbers of a kind joins them.
  for (let i = 1; i < n - 1; i++) {
    if (types[i] === 'ES' && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
    if (types[i] === 'CS' && (types[i - 1] === 'EN' || types[i - 1] === 'AN') && types[i + 1] === types[i - 1]) types[i] = types[i - 1]!;
  }
  // W5: terminators next to a European number are part of it.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'EN') continue;
    for (let j = i - 1; j >= 0 && types[j] === 'ET'; j--) types[j] = 'EN';
    for (let j = i + 1; j < n && types[j] === 'ET'; j++) types[j] = 'EN';
  }
  // W6: other separators and terminators are neutral. W7: a European number after L is L.
  for (let i = 0; i < n; i++) if (['WS', 'ES', 'ET', 'CS'].includes(types[i]!)) types[i] = 'ON';
  last = e;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === 'EN') types[i] = last === 'L' ? 'L' : 'EN';
    else if (t === 'R' || t === 'L') last = t;
  }
  // N1, N2: neutrals between two of one direction take it, others the base direction.
  const side = (t: string) => (t === 'L' ? 'L' : t === 'R' || t === 'EN' || t === 'AN' ? 'R' : undefined);
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'ON') continue;
    let end = i;
    while (end < n && types[end] === 'ON') end++;
    let before = e;
    for (let j = i - 1; j >= 0; j--) {
      const s = side(types[j]!);
      if (s) {
        before = s;
        break;
      }
    }
    let after = e;
    for (let j = end; j < n; j++) {
      const s = side(types[j]!);
      if (s) {
        after = s;
        break;
      }
    }
    for (let j = i; j < end; j++) types[j] = before === after ? before : e;
    i = end - 1;
  }
  // I1, I2, then L2.
  const levels = types.map((t) => (base === 0 ? (t === 'R' ? 1 : t === 'AN' || t === 'EN' ? 2 : 0) : t === 'L' || t === 'AN' || t === 'EN' ? 2 : 1));
  return visualIndices(levels)
    .map((i) => chars[i]!)
    .filter((c) => c !== '<' && c !== '>')
    .join('');
}
