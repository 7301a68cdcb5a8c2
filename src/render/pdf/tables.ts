/**
 * Tables as one box per row. Rows move to the next page whole; a row taller than a page is split
 * between the blocks of its cells. Header rows stay with the first body row and are drawn again at
 * the top of each page the table continues on.
 */
import type { Table, TableRow } from '../../compose/tree.js';
import { blockElements } from './blocks.js';
import type { Context } from './blocks.js';
import type { Box, Glue } from './elements.js';
import { elementHeight } from './elements.js';
import type { PageItem } from './types.js';

/** Cell padding, close to Word's default cell margins (0.08 in left and right). */
const PAD_X = 5.4;
const PAD_Y = 3;
const RULE = 0.5;
const EPS = 1e-6;

interface Cell {
  x: number;
  width: number;
  elements: (Box | Glue)[];
}

interface Frame {
  borders: Table['borders'];
  left: number;
  right: number;
}

export function tableElements(table: Table, ctx: Context): Box[] {
  const spans = (row: TableRow) => row.cells.reduce((n, c) => n + Math.max(1, c.span ?? 1), 0);
  const columns = Math.max(table.widths.length, ...table.rows.map(spans));
  // A row with more cells than `widths` names still prints every cell: extra columns get the
  // average width rather than nothing.
  const given = table.widths.filter((w) => w > 0 && Number.isFinite(w));
  const fallback = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  const relative = Array.from({ length: columns }, (_, i) => {
    const w = table.widths[i];
    return w !== undefined && w > 0 && Number.isFinite(w) ? w : fallback;
  });
  const total = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((w) => (ctx.width * w) / total);
  const xs = widths.map((_, i) => ctx.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const cellsOf = (row: TableRow): Cell[] => {
    let col = 0;
    return row.cells.map((cell) => {
      const span = Math.max(1, cell.span ?? 1);
      const x = xs[col] ?? ctx.left + ctx.width;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const inner = { ...ctx, left: x + PAD_X, width: width - 2 * PAD_X, inListItem: false };
      const elements = blockElements(cell.blocks, inner).filter((e): e is Box | Glue => e.kind !== 'pageBreak');
      return { x, width, elements };
    });
  };

  const frame: Frame = { borders: table.borders, left: ctx.left, right: ctx.left + ctx.width };
  const headerCount = table.rows.findIndex((row) => row.header !== true);
  const split = headerCount === -1 ? table.rows.length : headerCount;
  const isLast = (i: number) => i === table.rows.length - 1;
  const headers = table.rows.slice(0, split).map((row, i) => rowBox(cellsOf(row), frame, isLast(i), true));
  const body = table.rows
    .slice(split)
    .map((row, i) => rowBox(cellsOf(row), frame, isLast(split + i), false, headers.length > 0 ? headers : undefined));
  return [...headers, ...body];
}

function rowBox(cells: Cell[], frame: Frame, last: boolean, keepWithNext: boolean, repeat?: readonly Box[]): Box {
  const height = Math.max(0, ...cells.map((c) => elementHeight(c.elements))) + 2 * PAD_Y;
  const first = cells[0]?.elements ?? [];
  const lead = first.findIndex((e) => e.kind === 'box');
  const firstBox = first[lead];
  const baseline = PAD_Y + (firstBox?.kind === 'box' ? elementHeight(first.slice(0, lead)) + firstBox.baseline : 0);
  const box: Box = {
    kind: 'box',
    height,
    baseline,
    keepWithNext,
    render: (top) => [...cells.flatMap((cell) => renderCell(cell, top - PAD_Y)), ...rules(cells, frame, top, height, last)],
    split: (room) => splitRow(cells, room - 2 * PAD_Y, frame, last, keepWithNext, repeat),
  };
  if (repeat) box.repeat = repeat;
  return box;
}

function renderCell(cell: Cell, top: number): PageItem[] {
  const items: PageItem[] = [];
  let y = top;
  for (const e of cell.elements) {
    if (e.kind === 'box') items.push(...e.render(y));
    y -= e.height;
  }
  return items;
}

/** Each cell keeps the blocks that fit in `room`; the rest, if any cell has some, forms a new row. */
function splitRow(cells: Cell[], room: number, frame: Frame, last: boolean, keepWithNext: boolean, repeat?: readonly Box[]) {
  const cut = cells.map((cell) => {
    let used = 0;
    let k = 0;
    while (k < cell.elements.length && used + cell.elements[k]!.height <= room + EPS) used += cell.elements[k++]!.height;
    const rest = cell.elements.slice(k);
    while (rest[0]?.kind === 'glue') rest.shift();
    return { head: { ...cell, elements: cell.elements.slice(0, k) }, tail: { ...cell, elements: rest } };
  });
  const hasBox = (c: Cell) => c.elements.some((e) => e.kind === 'box');
  if (!cut.some((c) => hasBox(c.head)) || !cut.some((c) => hasBox(c.tail))) return undefined;
  return [
    rowBox(cut.map((c) => c.head), frame, false, false, repeat),
    rowBox(cut.map((c) => c.tail), frame, last, keepWithNext, repeat),
  ] as [Box, Box];
}

function rules(cells: Cell[], frame: Frame, top: number, height: number, last: boolean): PageItem[] {
  const bottom = top - height;
  const rule = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: 'rule', x1, y1, x2, y2, thickness: RULE });
  switch (frame.borders) {
    case 'none':
      return [];
    case 'grid':
      return cells.flatMap(({ x, width }) => [
        rule(x, top, x + width, top),
        rule(x, bottom, x + width, bottom),
        rule(x, top, x, bottom),
        rule(x + width, top, x + width, bottom),
      ]);
    case 'caption':
      // The court caption: a rule between the names and the file numbers, and one under both.
      return [
        ...cells.slice(1).map(({ x }) => rule(x, top, x, bottom)),
        ...(last ? [rule(frame.left, bottom, frame.right, bottom)] : []),
      ];
  }
}
