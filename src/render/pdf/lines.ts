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
import { hasRightToLeft, visualOrder } from './bidi.js';
import { sameFormat } from './types.js';
import type { Atom, FontStyle, Measurer } from './types.js';

export interface Line {
  atoms: Atom[];
  width: number;
}

/** A piece of a line drawn as one string, `x` from the line's start, in visual order. */
export interface Fragment {
  text: string;
  x: number;
  width: number;
  face: string;
  underline: boolean;
  marker: boolean;
  /** A right-to-left run, its text in logical order. */
  rtl: boolean;
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

function tokenize(runs: readonly Run[], format: TextFormat, measurer: Measurer): Token[] {
  const tokens: Token[] = [];
  let word: Atom[] = [];
  let previousStyle: FontStyle | undefined;
  const measure = (face: string, text: string) => measurer.width(face, text) * format.size;
  const endWord = () => {
    if (word.length > 0) tokens.push({ kind: 'word', atoms: word, width: sum(word) });
    word = [];
  };
  for (const run of runs) {
    if (run.kind === 'break') {
      endWord();
      tokens.push({ kind: 'break' });
      continue;
    }
    const underline = run.underline === true;
    const marker = run.marker === true;
    const style = { bold: format.bold || run.bold === true, italic: format.italic || run.italic === true };
    run.text.split(BREAKING_SPACES).forEach((part, i) => {
      if (part === '') return;
      if (i % 2 === 1) {
        // A space in the same style as the word before it takes that word's face, so an Arabic
        // name drawn by the fallback face stays one fragment. Spaces with no word before them on
        // the line are never drawn, so none is made.
        const before = word[word.length - 1];
        endWord();
        if (before) {
          const face = sameStyle(previousStyle, style) ? before.face : measurer.faces(' ', style)[0]!.face;
          tokens.push({ kind: 'space', atom: { text: ' ', face, underline, marker, width: measure(face, ' ') } });
        }
        return;
      }
      previousStyle = style;
      for (const piece of measurer.faces(part, style)) {
        const atom = { text: piece.text, face: piece.face, underline, marker, width: 0 };
        const last = word[word.length - 1];
        // Runs of one format inside a word (split by the template) become one atom again.
        const target = last && sameFormat(last, atom) ? last : atom;
        if (target === atom) word.push(atom);
        else target.text += atom.text;
        target.width = measure(target.face, target.text);
      }
    });
  }
  endWord();
  return tokens;
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
 * The line's fragments from left to right: neighbouring atoms of one format merge into one string
 * (one drawing call per fragment). A line with right-to-left text is first cut into bidi runs; a
 * right-to-left fragment keeps its text in logical order for the shaper to lay out, and says so.
 */
export function lineFragments(line: Line, measurer: Measurer, size: number): Fragment[] {
  if (!line.atoms.some((a) => hasRightToLeft(a.text))) return placeLeftToRight(line.atoms, true);
  return placeLeftToRight(visualOrder(line.atoms, measurer, size), false);
}

/** Positions atoms left to right, merging neighbours of one format unless told not to (bidi runs
 * that share a format must stay apart when their texts are not contiguous). */
function placeLeftToRight(atoms: readonly (Atom & { rtl?: boolean })[], merge: boolean): Fragment[] {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const atom of atoms) {
    const last = fragments[fragments.length - 1];
    if (merge && last && sameFormat(last, atom)) {
      last.text += atom.text;
      last.width += atom.width;
    } else {
      fragments.push({ text: atom.text, x, width: atom.width, face: atom.face, underline: atom.underline, marker: atom.marker, rtl: atom.rtl === true });
    }
    x += atom.width;
  }
  return fragments;
}
