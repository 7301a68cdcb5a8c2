/**
 * A paragraph's runs broken into lines, and each line cut into fragments that one face draws.
 *
 * Breaks fall at spaces and at `break` runs; a word wider than the line is cut between grapheme
 * clusters so it flows on. Runs of breaking white space collapse to one space, as in HTML and in
 * the Markdown the tree comes from; no-break spaces stay inside their word.
 */
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

/** Float slack: widths are sums of products and must not wrap a line that fits exactly. */
const EPS = 1e-6;
const BREAKING_SPACES = /([^\S\u00a0\u2007\u202f\ufeff]+)/;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

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
 * Cuts a word too wide for its line into chunks, one per line; the last chunk may share its line
 * with the words after it. Cluster widths are only an estimate (ligatures, kerning), so each chunk
 * is measured whole and given back clusters until it fits; a chunk always takes one cluster.
 */
function cutWord(atoms: readonly Atom[], available: (chunk: number) => number, measurer: Measurer, size: number) {
  const clusters = atoms.flatMap((atom) =>
    Array.from(graphemes.segment(atom.text), ({ segment }) => ({
      atom,
      text: segment,
      width: measurer.width(atom.face, segment) * size,
    })),
  );
  const build = (from: number, to: number) => {
    const built: Atom[] = [];
    for (const { atom, text } of clusters.slice(from, to)) {
      const last = built[built.length - 1];
      if (last && sameFormat(last, atom)) last.text += text;
      else built.push({ ...atom, text });
    }
    for (const atom of built) atom.width = measurer.width(atom.face, atom.text) * size;
    return { atoms: built, width: sum(built) };
  };
  const chunks: { atoms: Atom[]; width: number }[] = [];
  for (let from = 0; from < clusters.length; ) {
    const room = available(chunks.length);
    let to = from;
    for (let w = 0; to < clusters.length && w + clusters[to]!.width <= room + EPS; to++) w += clusters[to]!.width;
    to = Math.max(to, from + 1);
    let chunk = build(from, to);
    while (chunk.width > room + EPS && to > from + 1) chunk = build(from, --to);
    chunks.push(chunk);
    from = to;
  }
  return chunks;
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
  const room = (line: number) => (line === 0 ? firstWidth : width);
  const endLine = () => {
    lines.push({ atoms, width: used });
    atoms = [];
    used = 0;
    space = undefined;
  };
  for (const token of tokenize(runs, format, measurer)) {
    if (token.kind === 'break') endLine();
    else if (token.kind === 'space') space = atoms.length > 0 ? token.atom : undefined;
    else {
      let word = { atoms: token.atoms, width: token.width };
      const gap = space?.width ?? 0;
      if (atoms.length > 0 && used + gap + word.width > room(lines.length) + EPS) endLine();
      else if (space) {
        atoms.push(space);
        used += gap;
      }
      space = undefined;
      if (word.width > room(lines.length) + EPS) {
        const chunks = cutWord(word.atoms, (i) => room(lines.length + i), measurer, format.size);
        word = chunks.pop()!;
        for (const chunk of chunks) {
          atoms.push(...chunk.atoms);
          used += chunk.width;
          endLine();
        }
      }
      atoms.push(...word.atoms);
      used += word.width;
    }
  }
  endLine();
  return lines;
}

/**
 * The line's fragments from left to right: neighbouring atoms of one format merge into one string
 * (one drawing call per fragment). A line with right-to-left text is first cut into bidi runs; a
 * right-to-left fragment keeps its text in logical order for the shaper to lay out.
 */
export function lineFragments(line: Line, measurer: Measurer, size: number): Fragment[] {
  if (!line.atoms.some((a) => hasRightToLeft(a.text))) return placeLeftToRight(line.atoms, true);
  return placeLeftToRight(visualOrder(line.atoms, measurer, size), false);
}

/** Positions atoms left to right, merging neighbours of one format unless told not to (bidi runs
 * that share a format must stay apart when their texts are not contiguous). */
function placeLeftToRight(atoms: readonly Atom[], merge: boolean): Fragment[] {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const atom of atoms) {
    const last = fragments[fragments.length - 1];
    if (merge && last && sameFormat(last, atom)) {
      last.text += atom.text;
      last.width += atom.width;
    } else {
      fragments.push({ text: atom.text, x, width: atom.width, face: atom.face, underline: atom.underline, marker: atom.marker });
    }
    x += atom.width;
  }
  return fragments;
}
