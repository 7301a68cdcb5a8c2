/**
 * Bidirectional text, per line: which stretches read right to left and in what order they sit.
 *
 * The documents are English, so every paragraph has a left-to-right base direction; a line holding
 * an Arabic, Hebrew or Syriac name is split into runs that are placed left to right in visual
 * order, each run keeping its characters in logical order so the shaper can join it. The order
 * comes from bidi-js's reorder segments and each run's direction from its level, so a number inside
 * Arabic text (an even level inside an odd one) is a left-to-right run of its own: "سامي ٥٢" keeps
 * its digits in reading order rather than having them reversed with the letters.
 */
import bidiModule from 'bidi-js';
import { sameFormat } from './types.js';
import type { Atom, Measurer } from './types.js';

// bidi-js is CommonJS whose module.exports is the factory, while its typings declare an ES default
// export; Node and Vite both hand over the factory as the default import.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
 * presentation forms, Arabic digits included), RLM and the RTL embedding controls: a line without
 * one needs no bidi pass. */
const STRONG_RTL =
  /[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefc]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/;

export function hasRightToLeft(text: string): boolean {
  return STRONG_RTL.test(text);
}

/** A stretch `[start, end)` of the line's logical text that is drawn as one directional run. */
interface BidiRun {
  start: number;
  end: number;
  rtl: boolean;
}

/**
 * The line's runs from left to right. Levels are resolved per line rather than per paragraph:
 * with a left-to-right base this differs only for neutral characters at a line's very edge.
 */
function visualRuns(text: string): BidiRun[] {
  const levels = bidi.getEmbeddingLevels(text, 'ltr');
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(text, levels)) {
    if (start === undefined || end === undefined) continue;
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const runs: BidiRun[] = [];
  for (const i of order) {
    const rtl = ((levels.levels[i] ?? 0) & 1) === 1;
    const last = runs[runs.length - 1];
    if (last && last.rtl === rtl && rtl && i === last.start - 1) last.start = i;
    else if (last && last.rtl === rtl && !rtl && i === last.end) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, rtl });
  }
  return runs;
}

interface Slice extends Atom {
  rtl: boolean;
  /** Logical offsets in the line's text. */
  start: number;
  end: number;
}

function logicalSlices(atoms: readonly Atom[]): Slice[] {
  let at = 0;
  return atoms.map((atom) => {
    const slice = { ...atom, rtl: false, start: at, end: at + atom.text.length };
    at = slice.end;
    return slice;
  });
}

/** Atoms cut at bidi run edges, in visual order; a right-to-left run lists its atoms backwards. */
function bidiSlices(atoms: Slice[], text: string, measurer: Measurer, size: number): Slice[] {
  const slices: Slice[] = [];
  for (const run of visualRuns(text)) {
    const inRun = atoms.filter((a) => a.start < run.end && a.end > run.start);
    if (run.rtl) inRun.reverse();
    for (const atom of inRun) {
      const start = Math.max(atom.start, run.start);
      const end = Math.min(atom.end, run.end);
      const part = text.slice(start, end);
      const whole = start === atom.start && end === atom.end;
      const width = whole ? atom.width : measurer.width(atom.face, part) * size;
      slices.push({ ...atom, text: part, start, end, rtl: run.rtl, width });
    }
  }
  return slices;
}

/**
 * A line's atoms in visual order, cut at bidi run edges; neighbours in one run and format are
 * merged, a right-to-left one keeping its text in logical order for the shaper to lay out.
 */
export function visualOrder(atoms: readonly Atom[], measurer: Measurer, size: number): (Atom & { rtl: boolean })[] {
  const text = atoms.map((a) => a.text).join('');
  const merged: Slice[] = [];
  for (const slice of bidiSlices(logicalSlices(atoms), text, measurer, size)) {
    const last = merged[merged.length - 1];
    const joins =
      last !== undefined &&
      sameFormat(last, slice) &&
      last.rtl === slice.rtl &&
      (slice.rtl ? slice.end === last.start : last.end === slice.start);
    if (!joins) merged.push({ ...slice });
    else if (slice.rtl) Object.assign(last, { text: slice.text + last.text, start: slice.start, width: last.width + slice.width });
    else Object.assign(last, { text: last.text + slice.text, end: slice.end, width: last.width + slice.width });
  }
  return merged;
}
