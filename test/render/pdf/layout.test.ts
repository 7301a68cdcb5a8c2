import { describe, expect, it } from 'vitest';
import { LIST_INDENT, PAGE, SINGLE_LINE_FACTOR, STYLES, listLabel } from '../../../src/render/styles.js';
import { TEXT_BOX, layoutDocument } from '../../../src/render/pdf/index.js';
import type { TextItem } from '../../../src/render/pdf/index.js';
import { bodyText, doc, fakeMeasurer, fillerLines, lines, pageOf, para, text } from './helpers.js';

const layout = (...args: Parameters<typeof doc>) => layoutDocument(doc(...args), fakeMeasurer);

describe('line breaking', () => {
  it('breaks at spaces, filling each line as far as the next word allows', () => {
    const words = Array.from({ length: 120 }, (_, i) => 'w'.repeat(1 + ((i * 7) % 11)));
    const [page] = layout([para(words.join(' '))]);
    const got = lines(page!);
    expect(got.join(' ').split(' ')).toEqual(words);
    got.forEach((line, i) => {
      expect(line.length).toBeLessThanOrEqual(78);
      const next = got[i + 1]?.split(' ')[0];
      if (next !== undefined) expect(line.length + 1 + next.length).toBeGreaterThan(78);
    });
  });

  it('collapses runs of white space and never starts or ends a line with a space', () => {
    const [page] = layout([para('  one \t two\u00a0three   ')]);
    expect(lines(page!)).toEqual(['one two\u00a0three']);
  });

  it('starts a new line at a break run even when the text would fit', () => {
    const [page] = layout([para([text('one two'), { kind: 'break' }, text('three')])]);
    expect(lines(page!)).toEqual(['one two', 'three']);
  });

  it('flows a 10,000-character word across lines and pages inside the margins', () => {
    const word = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const pages = layout([para(word, 'Body')]);
    // Body: first line indented 36 pt (72 characters), then 78 per line, 23 double-spaced lines a page.
    expect(pages).toHaveLength(Math.ceil((1 + Math.ceil((10_000 - 72) / 78)) / 23));
    const all = pages.flatMap(lines);
    expect(all[0]).toHaveLength(72);
    expect(all[1]).toHaveLength(78);
    expect(all.join('')).toBe(word);
    for (const item of pages.flatMap(bodyText)) expect(item.x + item.width).toBeLessThanOrEqual(TEXT_BOX.right + 1e-6);
  });

  it('puts one text item per format on a line, with bold and italic faces side by side', () => {
    const [page] = layout([para([text('plain '), text('bold', { bold: true }), text(' italic', { italic: true }), text(' under', { underline: true })])]);
    const items = bodyText(page!);
    expect(items.map((i) => [i.text, i.face, i.underline])).toEqual([
      ['plain ', 'R', false],
      ['bold', 'B', false],
      [' italic', 'I', false],
      [' under', 'R', true],
    ]);
    expect(new Set(items.map((i) => i.y)).size).toBe(1);
    items.slice(1).forEach((item, i) => expect(item.x).toBeCloseTo(items[i]!.x + items[i]!.width, 9));
  });

  it('places a right-to-left name as one item in logical order between the left-to-right text', () => {
    const [page] = layout([para('Also known as سامي يوسف in Syria.')]);
    const items = bodyText(page!);
    expect(items.map((i) => i.text)).toEqual(['Also known as ', 'سامي يوسف', ' in Syria.']);
    expect(items[1]!.x).toBeCloseTo(items[0]!.x + items[0]!.width, 9);
  });

  it('orders numbers inside Arabic text as the bidi algorithm says', () => {
    const [page] = layout([para('سامي 123 يوسف')]);
    const items = bodyText(page!).sort((a, b) => a.x - b.x);
    // Visually, left to right: the second Arabic word, the number, the first Arabic word.
    expect(items.map((i) => i.text.trim())).toEqual(['يوسف', '123', 'سامي']);
  });
});

describe('indents and alignment', () => {
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

  it('indents the first line of Body and no other', () => {
    const [page] = layout([para(long, 'Body')]);
    const xs = [...new Set(bodyText(page!).map((i) => i.x))];
    expect(xs).toEqual([TEXT_BOX.left + STYLES.Body.firstLine, TEXT_BOX.left]);
  });

  it('indents a block quote on both sides', () => {
    const [page] = layout([para(long, 'BlockQuote')]);
    for (const item of bodyText(page!)) {
      expect(item.x).toBe(TEXT_BOX.left + 72);
      expect(item.x + item.width).toBeLessThanOrEqual(TEXT_BOX.right - 72 + 1e-9);
    }
  });

  it('hangs list labels to the left of wrapped item text, deeper for nested lists', () => {
    const item = (t: string) => [para(t, 'ListItem')];
    const [page] = layout([
      { kind: 'list', ordered: true, start: 9, items: [item(long), [para('ten', 'ListItem'), { kind: 'list', ordered: false, items: [item('nested')] }]] },
    ]);
    const items = bodyText(page!);
    const content = TEXT_BOX.left + LIST_INDENT;
    const label9 = items.find((i) => i.text === '9.')!;
    expect(label9.x + label9.width).toBeCloseTo(content - 6, 9);
    expect(items.filter((i) => i.text.startsWith('word')).every((i) => i.x === content)).toBe(true);
    expect(items.find((i) => i.text === '10.')).toBeDefined();
    const bullet = items.find((i) => i.text === listLabel(false, 1, 1))!;
    const nested = items.find((i) => i.text === 'nested')!;
    expect(nested.x).toBe(content + LIST_INDENT);
    expect(bullet.y).toBe(nested.y);
    expect(bullet.x).toBeLessThan(nested.x);
  });

  it('centres a Title and right-aligns DETAINED', () => {
    const [page] = layout([para('MOTION TO REOPEN', 'Title'), para('DETAINED', 'Detained')]);
    const [title, detained] = bodyText(page!);
    expect(title!.x + title!.width / 2).toBeCloseTo(PAGE.width / 2, 9);
    expect(detained!.x + detained!.width).toBeCloseTo(TEXT_BOX.right, 9);
  });

  it('draws a highlight exactly behind a preview marker', () => {
    const [page] = layout([para([text('A-number: '), text('[MISSING: respondent.aNumber]', { marker: true })])]);
    const marker = bodyText(page!).find((i) => i.text.startsWith('[MISSING'))!;
    const highlights = page!.items.filter((i) => i.kind === 'highlight');
    expect(highlights).toEqual([{ kind: 'highlight', x: marker.x, y: marker.y - 0.2 * 12, width: marker.width, height: 12 }]);
  });
});

describe('pagination', () => {
  it('moves a heading that would end a page to the next page, with its paragraph', () => {
    // 44 lines leave 40.9 pt: room for the heading (12 + 13.8) but not the Body line (27.6) after it.
    const blocks = (keep: boolean) => [...fillerLines(44), para('Argument', 'Heading1', keep ? {} : { keepWithNext: false }), para('The board erred.', 'Body')];
    expect(pageOf(layout(blocks(false)), 'Argument')).toBe(0);
    const pages = layout(blocks(true));
    expect(pageOf(pages, 'Argument')).toBe(1);
    expect(lines(pages[1]!)).toEqual(['Argument', 'The board erred.']);
  });

  it('never leaves the first line of a paragraph alone at the bottom of a page', () => {
    const five = para(Array.from({ length: 5 }, (_, i) => `line${i}`.padEnd(77, '.')).join(' '));
    const pages = layout([...fillerLines(45), five]);
    expect(lines(pages[0]!)).toHaveLength(45);
    expect(lines(pages[1]!)).toHaveLength(5);
  });

  it('never leaves the last line of a paragraph alone at the top of a page', () => {
    const five = para(Array.from({ length: 5 }, (_, i) => `line${i}`.padEnd(77, '.')).join(' '));
    const pages = layout([...fillerLines(42), five]);
    expect(lines(pages[0]!)).toHaveLength(42 + 3);
    expect(lines(pages[1]!)).toEqual([expect.stringMatching(/^line3/), expect.stringMatching(/^line4/)]);
  });

  it('keeps a keep block on one page when it fits on one', () => {
    const signature = [para('Respectfully submitted,'), para('/s/ Jane Advocate'), para('Attorney for Respondent')];
    expect(pageOf(layout([...fillerLines(44), ...signature]), 'Respectfully')).toBe(0);
    const pages = layout([...fillerLines(44), { kind: 'keep', blocks: signature }]);
    expect(lines(pages[1]!)).toEqual(['Respectfully submitted,', '/s/ Jane Advocate', 'Attorney for Respondent']);
  });

  it('breaks inside a keep block that is taller than a page rather than losing it', () => {
    const pages = layout([{ kind: 'keep', blocks: fillerLines(60) }]);
    expect(pages.flatMap(lines)).toEqual(fillerLines(60).map((p) => (p.runs[0] as { text: string }).text));
  });

  it('starts a new page at a page break, and two breaks make no blank page', () => {
    const pages = layout([para('one'), { kind: 'pageBreak' }, { kind: 'pageBreak' }, para('two')]);
    expect(pages.map(lines)).toEqual([['one'], ['two']]);
  });

  it('adds a spacer’s points between blocks', () => {
    const [page] = layout([para('one'), { kind: 'spacer', points: 50 }, para('two')]);
    const [one, two] = bodyText(page!);
    expect(one!.y - two!.y).toBeCloseTo(50 + 12 * SINGLE_LINE_FACTOR, 9);
  });

  it('prints "Page N of M" centred on every page, with the header and footer inside the margins', () => {
    const pages = layout([...fillerLines(100)], { headerLeft: 'Sami Youssef A-123', headerRight: 'DETAINED', footerLeft: 'Motion', pageNumbers: true });
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      const furniture = page.items.filter((item): item is TextItem => item.kind === 'text' && item.furniture);
      const number = furniture.find((f) => f.text.startsWith('Page'))!;
      expect(number.text).toBe(`Page ${i + 1} of 3`);
      expect(number.x + number.width / 2).toBeCloseTo(PAGE.width / 2, 9);
      expect(number.y).toBe(PAGE.footerBaseline);
      const right = furniture.find((f) => f.text === 'DETAINED')!;
      expect(right.x + right.width).toBeCloseTo(TEXT_BOX.right, 9);
      expect(right.y).toBe(PAGE.height - PAGE.headerBaseline);
      expect(furniture.find((f) => f.text === 'Sami Youssef A-123')?.x).toBe(TEXT_BOX.left);
      expect(furniture.find((f) => f.text === 'Motion')?.y).toBe(PAGE.footerBaseline);
    });
  });

  it('refuses page furniture that cannot fit on its line', () => {
    expect(() => layout([para('x')], { headerLeft: 'x'.repeat(70), headerRight: 'y'.repeat(30), pageNumbers: false })).toThrow(
      expect.objectContaining({ code: 'furniture_too_long' }),
    );
  });
});
