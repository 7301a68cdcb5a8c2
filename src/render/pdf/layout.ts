/**
 * The pure layout: a document tree in, positioned text, highlights and rules per page out.
 * No pdf-lib and no font file here; everything about fonts comes through the `Measurer`, so tests
 * lay out documents with a fake one and check every position.
 */
import type { DocumentTree } from '../../compose/tree.js';
import { PAGE, STYLES, TEXT_WIDTH } from '../styles.js';
import type { StyleSpec } from '../styles.js';
import { blockElements, textLine } from './blocks.js';
import type { Context } from './blocks.js';
import { RenderError } from './errors.js';
import { paginate } from './paginate.js';
import type { LaidOutPage, Measurer, PageItem, TextItem } from './types.js';

export const TEXT_BOX = {
  left: PAGE.margin.left,
  right: PAGE.width - PAGE.margin.right,
  bottom: PAGE.margin.bottom,
  top: PAGE.height - PAGE.margin.top,
} as const;

const EPS = 1e-6;

export function layoutDocument(tree: DocumentTree, measurer: Measurer): LaidOutPage[] {
  const ctx: Context = {
    measurer,
    left: TEXT_BOX.left,
    width: TEXT_WIDTH,
    pageHeight: TEXT_BOX.top - TEXT_BOX.bottom,
    listDepth: 0,
    inListItem: false,
  };
  // Header rows repeated on a continuation page are drawn as artifacts, like running headers:
  // the words are the table's once, as Word's text has them, and a screen reader reads them once.
  const pages = paginate(blockElements(tree.blocks, ctx), ctx.pageHeight).map(
    (placed): LaidOutPage => ({
      items: placed.flatMap(({ box, offset, repeated }) =>
        box.render(TEXT_BOX.top - offset).map((item) => (repeated && item.kind === 'text' ? { ...item, furniture: true } : item)),
      ),
    }),
  );
  for (const page of pages) assertInsideTextBox(page.items, measurer);
  pages.forEach((page, i) => page.items.push(...furniture(tree, i + 1, pages.length, ctx)));
  return pages;
}

/**
 * The last guard against clipped text: refuse to print rather than print off the text box. Each
 * item is held to its own face's extent, so text in a face taller than the body face's line (DejaVu
 * Sans, Noto Sans Syriac) is checked for what it needs, not for what Tinos needs.
 */
function assertInsideTextBox(items: readonly PageItem[], measurer: Measurer) {
  for (const item of items) {
    if (item.kind !== 'text') continue;
    const { ascent, descent } = measurer.extent?.(item.face) ?? measurer;
    const inside =
      item.x >= TEXT_BOX.left - EPS &&
      item.x + item.width <= TEXT_BOX.right + EPS &&
      item.y - descent * item.size >= TEXT_BOX.bottom - EPS &&
      item.y + ascent * item.size <= TEXT_BOX.top + EPS;
    if (!inside) {
      throw new RenderError('outside_text_box', `Text would be printed outside the margins: "${item.text.slice(0, 60)}".`);
    }
  }
}

const FURNITURE: StyleSpec = { ...STYLES.Small, size: PAGE.furnitureSize };

/** Header and footer lines inside the top and bottom margins, drawn as artifacts. */
function furniture(tree: DocumentTree, page: number, pages: number, ctx: Context): TextItem[] {
  const { headerLeft, headerRight, footerLeft, pageNumbers } = tree.furniture;
  const top = PAGE.height - PAGE.headerBaseline;
  const bottom = PAGE.footerBaseline;
  const header = row(headerLeft, headerRight === undefined ? undefined : { text: headerRight, align: 'right' }, top, ctx);
  const footer = row(footerLeft, pageNumbers ? { text: `Page ${page} of ${pages}`, align: 'center' } : undefined, bottom, ctx);
  return [...header, ...footer].map((item) => ({ ...item, furniture: true }));
}

/** One line of furniture: text at the left and text right-aligned or centred, never overlapping. */
function row(left: string | undefined, other: { text: string; align: 'right' | 'center' } | undefined, baseline: number, ctx: Context): TextItem[] {
  const place = (text: string, align: 'left' | 'right' | 'center') => {
    const { lines, box } = textLine(text, FURNITURE, ctx);
    const width = lines[0]?.width ?? 0;
    if (lines.length > 1) throw tooLong(text);
    const slack = TEXT_WIDTH - width;
    const x = TEXT_BOX.left + (align === 'right' ? slack : align === 'center' ? slack / 2 : 0);
    const rendered = box(x);
    const items = rendered.render(baseline + rendered.baseline).filter((i): i is TextItem => i.kind === 'text');
    return { items, from: x, to: x + width };
  };
  const a = left === undefined ? undefined : place(left, 'left');
  const b = other === undefined ? undefined : place(other.text, other.align);
  if (a && b && a.to > b.from - 6) throw tooLong(`${left} / ${other?.text}`);
  return [...(a?.items ?? []), ...(b?.items ?? [])];
}

function tooLong(text: string) {
  return new RenderError(
    'furniture_too_long',
    `The page header or footer does not fit on one line inside the margins: "${text.slice(0, 80)}". Shorten it.`,
  );
}
