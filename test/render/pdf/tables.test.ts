import { describe, expect, it } from 'vitest';
import type { Block, Table, TableRow } from '../../../src/compose/tree.js';
import { TEXT_BOX, layoutDocument } from '../../../src/render/pdf/index.js';
import type { LaidOutPage, RuleItem, TextItem } from '../../../src/render/pdf/index.js';
import { bodyText, doc, fakeMeasurer, fillerLines, lines, para } from './helpers.js';

const layout = (blocks: Block[]) => layoutDocument(doc(blocks), fakeMeasurer);
const row = (texts: (string | Block[])[], header = false): TableRow => ({
  cells: texts.map((t) => ({ blocks: typeof t === 'string' ? [para(t, 'TableText')] : t })),
  ...(header ? { header } : {}),
});
const table = (rows: TableRow[], borders: Table['borders'] = 'grid', widths = [1, 3]): Table => ({ kind: 'table', widths, rows, borders });
const rules = (items: readonly { kind: string }[]) => items.filter((i): i is RuleItem => i.kind === 'rule');

describe('tables', () => {
  it('scales relative widths to the text width and pads the cells', () => {
    const [page] = layout([table([row(['Tab', 'Exhibit'])])]);
    const [tab, exhibit] = bodyText(page!);
    expect(tab!.x).toBeCloseTo(TEXT_BOX.left + 5.4, 9);
    expect(exhibit!.x).toBeCloseTo(TEXT_BOX.left + 468 / 4 + 5.4, 9);
    expect(tab!.y).toBe(exhibit!.y);
  });

  it('wraps cell text inside its column', () => {
    const long = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const [page] = layout([table([row([long, 'x'])])]);
    const cellRight = TEXT_BOX.left + 468 / 4 - 5.4;
    const cellItems = bodyText(page!).filter((i) => i.text.startsWith('w'));
    expect(cellItems.length).toBeGreaterThan(3);
    for (const item of cellItems) expect(item.x + item.width).toBeLessThanOrEqual(cellRight + 1e-9);
  });

  it('rules every cell of a grid, only the caption lines of a caption, nothing for none', () => {
    const rows = [row(['Sami YOUSSEF, Respondent', 'A 123 456 789']), row(['In removal proceedings', ''])];
    const grid = rules(layout([table(rows, 'grid')])[0]!.items);
    expect(grid).toHaveLength(2 * 2 * 4);
    const caption = rules(layout([table(rows, 'caption', [3, 2])])[0]!.items);
    const divider = TEXT_BOX.left + (468 * 3) / 5;
    const vertical = caption.filter((r) => r.x1 === r.x2);
    const horizontal = caption.filter((r) => r.y1 === r.y2);
    expect(vertical.map((r) => r.x1)).toEqual([divider, divider]);
    expect(horizontal).toHaveLength(1);
    expect([horizontal[0]!.x1, horizontal[0]!.x2]).toEqual([TEXT_BOX.left, TEXT_BOX.right]);
    expect(horizontal[0]!.y1).toBeCloseTo(Math.min(...vertical.map((r) => r.y2)), 9);
    expect(rules(layout([table(rows, 'none')])[0]!.items)).toEqual([]);
  });

  it('splits a long table between rows and repeats the header rows on every page', () => {
    const rows = [row(['Tab', 'Exhibit'], true), ...Array.from({ length: 80 }, (_, i) => row([`${i}`, `exhibit ${i}`]))];
    const pages = layout([table(rows)]);
    expect(pages.length).toBeGreaterThan(2);
    expect(lines(pages[0]!)[0]).toBe('TabExhibit');
    // Continuation pages repeat the header at the top, as artifacts: the words are the table's once.
    for (const page of pages.slice(1)) expect(repeatedHeader(page)).toBe('TabExhibit');
    const body = pages.flatMap((p) => lines(p)).slice(1);
    expect(body).toEqual(Array.from({ length: 80 }, (_, i) => `${i}exhibit ${i}`));
  });

  it('moves a row to the next page whole when it does not fit', () => {
    const three = [para('first line'), para('second line'), para('third line')];
    // 44 filler lines leave 40.9 pt; the row needs three 13.8 pt lines and its padding.
    const pages = layout([...fillerLines(44), table([row([three, [para('x')]])], 'none')]);
    expect(lines(pages[0]!)).toHaveLength(44);
    expect(lines(pages[1]!)).toEqual(['first line', 'second line', 'third line', 'x']);
  });

  it('splits a row taller than a page between its lines, repeating the header', () => {
    const many = Array.from({ length: 100 }, (_, i) => para(`entry ${i}`, 'TableText'));
    const pages = layout([table([row(['Tab', 'Exhibit'], true), row(['A', many])])]);
    expect(pages.length).toBeGreaterThan(1);
    for (const [n, page] of pages.entries()) {
      if (n === 0) expect(lines(page)[0]).toBe('TabExhibit');
      else expect(repeatedHeader(page)).toBe('TabExhibit');
      for (const item of bodyText(page)) {
        expect(item.y - 0.2 * item.size).toBeGreaterThanOrEqual(TEXT_BOX.bottom);
        expect(item.y + 0.8 * item.size).toBeLessThanOrEqual(TEXT_BOX.top);
      }
    }
    const entries = pages.flatMap((p) => bodyText(p).map((i) => i.text)).filter((t) => t.startsWith('entry'));
    expect(entries).toEqual(many.map((_, i) => `entry ${i}`));
  });
});

/** The text drawn as an artifact at the top of the text box: a table header repeated on a new page. */
function repeatedHeader(page: LaidOutPage): string {
  return page.items
    .filter((i): i is TextItem => i.kind === 'text' && i.furniture && i.y > TEXT_BOX.top - 40)
    .map((i) => i.text)
    .join('');
}
