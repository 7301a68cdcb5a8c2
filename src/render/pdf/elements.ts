/**
 * The vertical list the paginator works on: boxes that are placed whole, glue that vanishes at a
 * page break, and forced breaks. A box knows its height and draws itself at any `top`, so the
 * paginator moves boxes between pages without laying anything out again.
 */
import type { PageItem } from './types.js';

export interface Box {
  kind: 'box';
  height: number;
  /** Distance from the top to the first baseline (list labels sit on it). */
  baseline: number;
  /** No page break between this box and the next box. */
  keepWithNext: boolean;
  /** Items at `top`, the y of the box's upper edge. */
  render(top: number): PageItem[];
  /** Table header rows to draw first when a page starts with this box. */
  repeat?: readonly Box[];
  /** For a box taller than a page (a table row): the part that fits in `room` and the rest. */
  split?: (room: number) => [Box, Box] | undefined;
}

export interface Glue {
  kind: 'glue';
  height: number;
}

export interface ForcedBreak {
  kind: 'pageBreak';
}

export type Element = Box | Glue | ForcedBreak;

export const elementHeight = (elements: readonly Element[]) =>
  elements.reduce((h, e) => h + (e.kind === 'pageBreak' ? 0 : e.height), 0);

/** The text a box draws, for error messages. */
export function boxText(box: Box): string {
  const text = box
    .render(0)
    .flatMap((item) => (item.kind === 'text' ? [item.text] : []))
    .join(' ');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
