/**
 * A paragraph's runs broken into lines, and each line cut into fragments that one face draws.
 *
 * Lines end at spaces and at `break` runs. A word that does not fit where it falls may also end a
 * line after a hyphen, a dash or a slash inside it, with no space added, as Word and browsers wrap
 * a hyphenated name at a line's end; those places are the break opportunities of the Unicode Line
 * Breaking Algorithm (UAX #14, the `linebreak` package), which keeps "A012-345-678" whole. Only a
 * piece with no such place that is wider than a whole line is cut between grapheme clusters so it
 * flows on. Runs of breaking white space collapse to one space, as in HTML and in the Markdown the
 * tree comes from; no-break spaces and the non-breaking hyphen stay inside their word and never
 * end a line, so "8 C.F.R. § 1003.23(b)" written with no-break spaces stays on one line.
 */
import LineBreaker from 'linebreak';
import type { Run } from '../../compose/tree.js';
import { isBidiMark, withoutDirectionControls } from '../direction.js';
import { bidiClass, drawingOrder, hasRightToLeft, paragraphLevels } from './bidi.js';
import { sameFormat } from './types.js';
import type { Atom, FacePiece, FontStyle, Measurer, ReadingPiece } from './types.js';

export interface Line {
  atoms: Atom[];
  width: number;
}

/** A piece of a line drawn as one string, `x` from the line's start. */
export interface Fragment {
  text: string;
  x: number;
  width: number;
  face: string;
  underline: boolean;
  marker: boolean;
  /** A right-to-left run, its text in logical order. */
  rtl: boolean;
  /** The piece of a right-to-left run it is drawn in (./bidi.ts). */
  piece?: ReadingPiece;
}

export interface TextFormat {
  size: number;
  bold: boolean;
  italic: boolean;
}

type Token =
  | { kind: 'word'; atoms: Atom[]; width: number }
  | { kind: 'space'; atom: Atom }
  | { kind: 'break' };

interface Part {
  atoms: Atom[];
  width: number;
}

/** Float slack: widths are sums of products and must not wrap a line that fits exactly. */
const EPS = 1e-6;
const BREAKING_SPACES = /([^\S\u00a0\u2007\u202f\ufeff]+)/;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The characters a line may end after inside a word: hyphens (the soft hyphen too), the figure,
 * en and em dashes, the slash, the zero-width space. UAX #14 decides whether it may end there (not
 * after a hyphen before a digit, not in "--"); its other opportunities, such as between ")(" in
 * "1003.23(b)(4)" or before a dash, are not taken: a citation stays whole as in Word.
 */
const BREAK_AFTER = /[-/\u00ad\u058a\u05be\u200b\u2010\u2012-\u2014\u2e3a\u2e3b]/;
/** Never a break on either side: no-break spaces, the non-breaking hyphen, word joiners. */
const NO_BREAK = /[\u00a0\u2007\u2011\u202f\u2060\ufeff]/;
const SOFT_HYPHEN = '\u00ad';

const sameStyle = (a: FontStyle | undefined, b: FontStyle) => a?.bold === b.bold && a.italic === b.italic;
const sum = (atoms: readonly { width: number }[]) => atoms.reduce((w, a) => w + a.width, 0);

/** A piece of a word in one face, at one bidi level of its paragraph (none: 0, no right-to-left text). */
interface LevelPiece extends FacePiece {
  level?: number;
}

/** The runs' text as words and spaces, before faces settle (`settleFaces`) and atoms are measured. */
type Unit =
  | { kind: 'break' }
  | { kind: 'space'; style: FontStyle; underline: boolean; marker: boolean }
  | { kind: 'word'; style: FontStyle; underline: boolean; marker: boolean; offset: number; pieces: LevelPiece[] };

function tokenize(runs: readonly Run[], format: TextFormat, measurer: Measurer): Token[] {
  const parts: Unit[] = [];
  let paragraph = '';
  for (const run of runs) {
    if (run.kind === 'break') {
      parts.push({ kind: 'break' });
      paragraph += ' ';
      continue;
    }
    const underline = run.underline === true;
    const marker = run.marker === true;
    const style = { bold: format.bold || run.bold === true, italic: format.italic || run.italic === true };
    withoutDirectionControls(run.text)
      .split(BREAKING_SPACES)
      .forEach((part, i) => {
        if (part === '') return;
        if (i % 2 === 1) parts.push({ kind: 'space', style, underline, marker });
        else parts.push({ kind: 'word', style, underline, marker, offset: paragraph.length, pieces: measurer.faces(part, style) });
        paragraph += i % 2 === 1 ? ' ' : part;
      });
  }
  if (hasRightToLeft(paragraph)) settleFaces(parts, paragraphLevels(paragraph), measurer);

  const tokens: Token[] = [];
  let word: Atom[] = [];
  let lastLevel = 0;
  let previousStyle: FontStyle | undefined;
  const measure = (face: string, text: string) => measurer.width(face, text) * format.size;
  const endWord = () => {
    if (word.length > 0) tokens.push({ kind: 'word', atoms: word, width: sum(word) });
    word = [];
  };
  for (const part of parts) {
    if (part.kind === 'break') {
      endWord();
      tokens.push({ kind: 'break' });
      continue;
    }
    const { style, underline, marker } = part;
    if (part.kind === 'space') {
      // A space in the same style as the word before it takes that word's face, so an Arabic
      // name drawn by the fallback face stays one fragment. Spaces with no word before them on
      // the line are never drawn, so none is made.
      const before = word[word.length - 1];
      endWord();
      if (before) {
        const face = sameStyle(previousStyle, style) ? before.face : measurer.faces(' ', style)[0]!.face;
        tokens.push({ kind: 'space', atom: { text: ' ', face, underline, marker, width: measure(face, ' ') } });
      }
      continue;
    }
    previousStyle = style;
    for (const piece of part.pieces) {
      const atom = { text: piece.text, face: piece.face, underline, marker, width: 0 };
      const last = word[word.length - 1];
      // Runs of one format inside a word (split by the template) become one atom again; an atom
      // never spans two bidi levels, so the line's bidi slices (./bidi.ts) are whole atoms,
      // measured as the line was.
      const target = last && sameFormat(last, atom) && lastLevel === (piece.level ?? 0) ? last : atom;
      if (target === atom) word.push(atom);
      else target.text += atom.text;
      target.width = measure(target.face, target.text);
      lastLevel = piece.level ?? 0;
    }
  }
  endWord();
  return tokens;
}

/**
 * Faces inside right-to-left text. Each piece of a word is cut where the paragraph's bidi level
 * changes, and digits and punctuation inside a right-to-left run (levels of 1 and more) take the
 * face of the run's letters, the nearest one before them or else after them, when that face has
 * them and the style is the same: DejaVu Sans has Western and Arabic-Indic digits, Noto Sans Syriac
 * both too. The run is then one font, which a PDF reader can put back in reading order as one
 * string (./bidi.ts); in Tinos, "52" in "سامي 52 يوسف" would split it in three. Word, too, sets
 * such a run in one (complex-script) font.
 */
function settleFaces(parts: Unit[], levels: Uint8Array, measurer: Measurer) {
  const run = new Int32Array(levels.length).fill(-1);
  for (let i = 0, id = -1; i < levels.length; i++) {
    if (levels[i]! === 0) continue;
    if (i === 0 || levels[i - 1]! === 0) id++;
    run[i] = id;
  }
  const words = parts.filter((p): p is Extract<Unit, { kind: 'word' }> => p.kind === 'word');
  interface Placed { word: (typeof words)[number]; index: number; at: number; kind: 'letters' | 'weak' | 'other' }
  const placed: Placed[] = [];
  for (const word of words) {
    let at = word.offset;
    word.pieces = word.pieces.flatMap((piece) => {
      const cut: LevelPiece[] = [];
      let start = 0;
      for (let i = 1; i <= piece.text.length; i++) {
        if (i < piece.text.length && levels[at + i] === levels[at + i - 1]) continue;
        cut.push({ text: piece.text.slice(start, i), face: piece.face, level: levels[at + start] ?? 0 });
        start = i;
      }
      at += piece.text.length;
      return cut;
    });
    at = word.offset;
    word.pieces.forEach((piece, index) => {
      // The marks go with the piece they follow (./fonts.ts) but are not its letters.
      const classes = [...piece.text].filter((c) => !isBidiMark(c)).map(bidiClass);
      const kind = run[at]! < 0 ? 'other' : classes.some((c) => c === 'R' || c === 'AL') ? 'letters' : classes.includes('L') ? 'other' : 'weak';
      placed.push({ word, index, at, kind });
      at += piece.text.length;
    });
  }
  const letters = placed.filter((p) => p.kind === 'letters');
  const replaced = new Map<(typeof words)[number], Map<number, LevelPiece[]>>();
  for (const p of placed) {
    if (p.kind !== 'weak') continue;
    const inRun = letters.filter((l) => run[l.at] === run[p.at]);
    const near = inRun.filter((l) => l.at < p.at).pop() ?? inRun.find((l) => l.at > p.at);
    if (!near || !sameStyle(near.word.style, p.word.style)) continue;
    const face = near.word.pieces[near.index]!.face;
    const piece = p.word.pieces[p.index]!;
    if (piece.face === face) continue;
    const faced = measurer.faces(piece.text, p.word.style, face).map((f) => ({ ...f, level: piece.level ?? 0 }));
    if (!replaced.has(p.word)) replaced.set(p.word, new Map());
    replaced.get(p.word)!.set(p.index, faced);
  }
  for (const [word, byIndex] of replaced) word.pieces = word.pieces.flatMap((piece, index) => byIndex.get(index) ?? [piece]);
}

/**
 * A word that does not fit where it falls, cut into parts by offsets in its text. A part that is
 * placed is measured whole, atom by atom, never as the sum of smaller parts (joining, contextual
 * forms); the sum of its grapheme clusters' widths is only the estimate that keeps a long word from
 * being measured again and again.
 */
class WordCutter {
  private readonly text: string;
  /** Where each atom starts in `text`, and the end. */
  private readonly starts: number[] = [0];
  private opportunities: number[] | undefined;
  /** Cluster boundaries (offsets, 0 first) and the widths of the clusters before each. */
  private bounds: number[] | undefined;
  private readonly before = new Map<number, number>();

  constructor(
    private readonly atoms: readonly Atom[],
    private readonly measurer: Measurer,
    private readonly size: number,
  ) {
    this.text = atoms.map((a) => a.text).join('');
    for (const atom of atoms) this.starts.push(this.starts[this.starts.length - 1]! + atom.text.length);
  }

  get length(): number {
    return this.text.length;
  }

  /** The text `[from, to)` as atoms; a soft hyphen that ends a line is drawn as a hyphen. */
  part(from: number, to: number): Part {
    if (from === 0 && to === this.text.length) return { atoms: [...this.atoms], width: sum(this.atoms) };
    const atoms: Atom[] = [];
    this.atoms.forEach((atom, i) => {
      const start = Math.max(from, this.starts[i]!);
      const end = Math.min(to, this.starts[i + 1]!);
      if (start >= end) return;
      let text = atom.text.slice(start - this.starts[i]!, end - this.starts[i]!);
      if (end === to && to < this.text.length && text.endsWith(SOFT_HYPHEN)) text = `${text.slice(0, -1)}-`;
      atoms.push({ ...atom, text, width: this.measurer.width(atom.face, text) * this.size });
    });
    return { atoms, width: sum(atoms) };
  }

  /** Whether `[from, to)` might fit `room`: false only when its clusters are clearly wider. */
  mayFit(from: number, to: number, room: number): boolean {
    return this.estimate(from, to) <= room * 1.25 + EPS;
  }

  /** The exact part `[from, to)` if it fits `room`. */
  fits(from: number, to: number, room: number): Part | undefined {
    if (!this.mayFit(from, to, room)) return undefined;
    const part = this.part(from, to);
    return part.width <= room + EPS ? part : undefined;
  }

  /** Offsets inside the word where a line may end (see BREAK_AFTER), ascending. */
  private breaks(): number[] {
    if (this.opportunities) return this.opportunities;
    const found: number[] = [];
    if (BREAK_AFTER.test(this.text)) {
      const breaker = new LineBreaker(this.text);
      for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
        const at = b.position;
        if (at <= 0 || at >= this.text.length) continue;
        if (BREAK_AFTER.test(this.text[at - 1]!) && !NO_BREAK.test(this.text[at]!)) found.push(at);
      }
    }
    return (this.opportunities = found);
  }

  private clusters(): number[] {
    if (this.bounds) return this.bounds;
    const bounds = [0];
    let width = 0;
    this.before.set(0, 0);
    for (const { segment, index } of graphemes.segment(this.text)) {
      const end = index + segment.length;
      width += this.part(index, end).width;
      bounds.push(end);
      this.before.set(end, width);
    }
    return (this.bounds = bounds);
  }

  /** The widths of the clusters in `[from, to)`: an estimate of the part's width. */
  private estimate(from: number, to: number): number {
    this.clusters();
    const a = this.before.get(from);
    const b = this.before.get(to);
    // An offset inside a cluster (a break UAX #14 puts there) has no estimate: measure it.
    return a === undefined || b === undefined ? this.part(from, to).width : b - a;
  }

  /** The part from `from` to the furthest break opportunity at which it fits in `room`. */
  fitting(from: number, room: number): { part: Part; to: number } | undefined {
    const candidates = this.breaks().filter((at) => at > from && this.mayFit(from, at, room));
    for (let k = candidates.length - 1; k >= 0; k--) {
      const to = candidates[k]!;
      const part = this.fits(from, to, room);
      if (part) return { part, to };
    }
    return undefined;
  }

  /**
   * A piece with no break opportunity at which it fits a whole line, cut at the furthest cluster
   * boundary before the next opportunity at which it fits `room`, and always after at least one
   * cluster. Cluster widths are only an estimate (ligatures, kerning), so the part is measured
   * whole and given back clusters until it fits.
   */
  clusterCut(from: number, room: number): { part: Part; to: number } {
    const end = this.breaks().find((at) => at > from) ?? this.text.length;
    const bounds = this.clusters().filter((at) => at > from && at <= end);
    if (bounds.length === 0) bounds.push(end);
    let k = 0;
    while (k + 1 < bounds.length && this.estimate(from, bounds[k + 1]!) <= room + EPS) k++;
    let part = this.part(from, bounds[k]!);
    while (part.width > room + EPS && k > 0) part = this.part(from, bounds[--k]!);
    return { part, to: bounds[k]! };
  }
}

/** Greedy line breaking; `firstWidth` is the first line's room (first-line indent applied). */
export function breakLines(
  runs: readonly Run[],
  format: TextFormat,
  firstWidth: number,
  width: number,
  measurer: Measurer,
): Line[] {
  const lines: Line[] = [];
  let atoms: Atom[] = [];
  let used = 0;
  let space: Atom | undefined;
  const room = () => (lines.length === 0 ? firstWidth : width);
  const endLine = () => {
    lines.push({ atoms, width: used });
    atoms = [];
    used = 0;
    space = undefined;
  };
  /** Puts a part on the line, after the space before it when the line has words already. */
  const place = (part: Part) => {
    if (space && atoms.length > 0) {
      atoms.push(space);
      used += space.width;
    }
    space = undefined;
    atoms.push(...part.atoms);
    used += part.width;
  };
  for (const token of tokenize(runs, format, measurer)) {
    if (token.kind === 'break') endLine();
    else if (token.kind === 'space') space = atoms.length > 0 ? token.atom : undefined;
    else {
      const gap = () => (atoms.length > 0 ? (space?.width ?? 0) : 0);
      if (used + gap() + token.width <= room() + EPS) {
        place(token);
        continue;
      }
      // It does not fit: end the line inside the word where it may, or before it, or cut it.
      const cutter = new WordCutter(token.atoms, measurer, format.size);
      for (let from = 0; from < cutter.length; ) {
        const left = room() - used - gap();
        const rest = from === 0 ? (token.width <= left + EPS ? token : undefined) : cutter.fits(from, cutter.length, left);
        if (rest) {
          place(rest);
          break;
        }
        const fitting = cutter.fitting(from, left);
        if (!fitting && atoms.length > 0) {
          endLine();
          continue;
        }
        const { part, to } = fitting ?? cutter.clusterCut(from, left);
        place(part);
        endLine();
        from = to;
      }
    }
  }
  endLine();
  return lines;
}

/**
 * Each line's fragments in the order they are drawn, `x` from the line's start: neighbouring atoms
 * of one format merge into one string (one drawing call per fragment). A paragraph with
 * right-to-left text has its bidi levels resolved once, then each line is cut at level changes and
 * drawn as ./bidi.ts says: its left-to-right stretches left to right, each right-to-left run as
 * pieces in reading order, a right-to-left fragment keeping its text in logical order for the
 * shaper to lay out, and saying so.
 */
export function paragraphFragments(lines: readonly Line[], measurer: Measurer, size: number): Fragment[][] {
  if (!lines.some((line) => line.atoms.some((a) => hasRightToLeft(a.text)))) return lines.map((line) => placeLeftToRight(line.atoms));
  const texts = lines.map((line) => line.atoms.map((a) => a.text).join(''));
  // Lines are joined by the space each ended at (or the break): levels resolve across them as in Word.
  const levels = paragraphLevels(texts.join(' '));
  let offset = 0;
  return lines.map((line, i) => {
    const lineLevels = levels.subarray(offset, offset + texts[i]!.length);
    offset += texts[i]!.length + 1;
    return drawingOrder(line.atoms, lineLevels, measurer, size);
  });
}

/** Positions atoms of a line with no right-to-left text left to right, merging neighbours of one format. */
function placeLeftToRight(atoms: readonly Atom[]): Fragment[] {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const atom of atoms) {
    const last = fragments[fragments.length - 1];
    if (last && sameFormat(last, atom)) {
      last.text += atom.text;
      last.width += atom.width;
    } else {
      fragments.push({ text: atom.text, x, width: atom.width, face: atom.face, underline: atom.underline, marker: atom.marker, rtl: false });
    }
    x += atom.width;
  }
  return fragments;
}
