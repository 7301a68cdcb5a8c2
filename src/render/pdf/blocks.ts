/**
 * Blocks of the document tree turned into the paginator's vertical list: paragraphs into one box
 * per line (so pages can break between lines), lists into indented items with labels, tables into
 * one box per row, keep blocks into boxes that hold together.
 */
import type { Align, Block, ListBlock, Paragraph, Run } from '../../compose/tree.js';
import { LIST_INDENT, STYLES, lineHeight, listLabel } from '../styles.js';
import type { StyleSpec } from '../styles.js';
import type { Box, Element } from './elements.js';
import { elementHeight } from './elements.js';
import { breakLines, paragraphFragments } from './lines.js';
import type { Line } from './lines.js';
import { tableElements } from './tables.js';
import type { LineExtent, Measurer, PageItem } from './types.js';

export interface Context {
  measurer: Measurer;
  /** The x of the area's left edge and its width: the text box, a list item, a table cell. */
  left: number;
  width: number;
  /** The height of a page's text box: keep blocks taller than this may break. */
  pageHeight: number;
  listDepth: number;
  /** Paragraphs of a list item take the list's hanging indent instead of a first-line indent. */
  inListItem: boolean;
}

/** A list label ends this far before its item's text (LIST_INDENT in from the list). */
const LABEL_GAP = 6;

export function blockElements(blocks: readonly Block[], ctx: Context): Element[] {
  return blocks.flatMap((block): Element[] => {
    switch (block.kind) {
      case 'paragraph':
        return paragraphElements(block, ctx);
      case 'list':
        return listElements(block, ctx);
      case 'table':
        return tableElements(block, { ...ctx, inListItem: false });
      case 'keep':
        return keepTogether(blockElements(block.blocks, ctx), ctx.pageHeight);
      case 'spacer':
        return [{ kind: 'glue', height: block.points }];
      case 'pageBreak':
        return [{ kind: 'pageBreak' }];
    }
  });
}

function keepTogether(elements: Element[], pageHeight: number): Element[] {
  if (elementHeight(elements) > pageHeight) return elements;
  const boxes = elements.filter((e): e is Box => e.kind === 'box');
  return elements.map((e) => (e.kind === 'box' && e !== boxes[boxes.length - 1] ? { ...e, keepWithNext: true } : e));
}

/**
 * A line's room above and below its baseline, per point of size: the body face's single line,
 * grown to hold the extent of any face on the line that needs more (DejaVu Sans for Arabic, Noto
 * Sans Syriac), as Word makes a single line as tall as its tallest font.
 */
function lineExtent(line: Line, measurer: Measurer): LineExtent {
  let { ascent, descent } = measurer;
  if (measurer.extent) {
    for (const face of new Set(line.atoms.map((a) => a.face))) {
      const extent = measurer.extent(face);
      ascent = Math.max(ascent, extent.ascent);
      descent = Math.max(descent, extent.descent);
    }
  }
  return { ascent, descent };
}

/** One box per line. `justify` is drawn as left-aligned: ragged-right is what filings expect and
 * spreading words would change nothing a court reads. */
function lineBoxes(lines: Line[], spec: StyleSpec, x: number, width: number, firstLine: number, ctx: Context, align: Align) {
  const { size } = spec;
  const fragmentsOf = paragraphFragments(lines, ctx.measurer, size);
  return lines.map((line, i): Box => {
    const { ascent, descent } = lineExtent(line, ctx.measurer);
    // The extra a taller face needs is spaced like the line: twice over in a double-spaced one.
    const grown = ascent + descent - (ctx.measurer.ascent + ctx.measurer.descent);
    const height = lineHeight(spec) + grown * size * spec.lineSpacing;
    const baseline = height - descent * size;
    const start = x + (i === 0 ? firstLine : 0);
    const room = width - (i === 0 ? firstLine : 0);
    const slack = Math.max(0, room - line.width);
    const offset = align === 'center' ? slack / 2 : align === 'right' ? slack : 0;
    const fragments = fragmentsOf[i]!;
    return {
      kind: 'box',
      height,
      baseline,
      keepWithNext: false,
      render: (top) =>
        fragments.flatMap((f): PageItem[] => {
          const y = top - baseline;
          const text: PageItem = { kind: 'text', text: f.text, rtl: f.rtl, x: start + offset + f.x, y, width: f.width, face: f.face, size, underline: f.underline, furniture: false, ...(f.piece ? { piece: f.piece } : {}) };
          if (!f.marker) return [text];
          const mark: PageItem = { kind: 'highlight', x: text.x, y: y - descent * size, width: f.width, height: (ascent + descent) * size };
          return [mark, text];
        }),
    };
  });
}

function paragraphElements(p: Paragraph, ctx: Context): Element[] {
  const style = STYLES[p.style];
  const x = ctx.left + style.indentLeft;
  const width = ctx.width - style.indentLeft - style.indentRight;
  const firstLine = ctx.inListItem ? 0 : style.firstLine;
  const lines = breakLines(p.runs, style, width - firstLine, width, ctx.measurer);
  const boxes = lineBoxes(lines, style, x, width, firstLine, ctx, p.align ?? style.align);
  // Widow and orphan control: a page may break after line k only with two lines on each side, so
  // no first or last line stands alone (a two-line paragraph never splits, as in Word).
  const n = boxes.length;
  const keepLast = p.keepWithNext ?? style.keepWithNext;
  boxes.forEach((box, i) => {
    box.keepWithNext = i === n - 1 ? keepLast : i + 1 < 2 || n - (i + 1) < 2;
  });
  return [
    ...(style.spaceBefore > 0 ? [{ kind: 'glue', height: style.spaceBefore } as const] : []),
    ...boxes,
    ...(style.spaceAfter > 0 ? [{ kind: 'glue', height: style.spaceAfter } as const] : []),
  ];
}

/** A single line of text in a style, for list labels and page furniture. */
export function textLine(text: string, spec: StyleSpec, ctx: Context): { lines: Line[]; box: (x: number) => Box } {
  const runs: Run[] = [{ kind: 'text', text }];
  const lines = breakLines(runs, spec, ctx.width, ctx.width, ctx.measurer);
  return { lines, box: (x) => lineBoxes(lines.slice(0, 1), spec, x, ctx.width, 0, ctx, 'left')[0]! };
}

function listElements(list: ListBlock, ctx: Context): Element[] {
  const inner: Context = { ...ctx, left: ctx.left + LIST_INDENT, width: ctx.width - LIST_INDENT, listDepth: ctx.listDepth + 1, inListItem: true };
  return list.items.flatMap((blocks, i) => {
    const label = listLabel(list.ordered, ctx.listDepth, (list.start ?? 1) + i);
    const first = blocks[0];
    const spec = STYLES[first?.kind === 'paragraph' ? first.style : 'ListItem'];
    const { lines, box } = textLine(label, spec, ctx);
    const labelBox = box(Math.max(ctx.left, inner.left - LABEL_GAP - (lines[0]?.width ?? 0)));
    const elements = blockElements(blocks, inner);
    const index = elements.findIndex((e) => e.kind === 'box');
    const target = elements[index];
    if (target?.kind !== 'box') return [labelBox, ...elements];
    // The label shares the first line's baseline, whatever that line's height.
    const shift = target.baseline - labelBox.baseline;
    elements[index] = { ...target, render: (top) => [...labelBox.render(top - shift), ...target.render(top)] };
    return elements;
  });
}
