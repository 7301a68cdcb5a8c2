import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/compose/tree.js';
import { bodyXml, TEXT_WIDTH_TWIPS } from '../../../src/render/docx/index.js';
import { ADVERSARIAL, attr, elements, para, paragraphTexts, parseXml, text, W } from './fixtures.js';

/** The body wrapped the way the shell wraps it, parsed strictly. */
function body(blocks: Block[], firstNumId = 1): { doc: Document; lists: ReturnType<typeof bodyXml>['lists'] } {
  const { xml, lists } = bodyXml(blocks, firstNumId);
  return { doc: parseXml(`<w:document xmlns:w="${W}"><w:body>${xml}</w:body></w:document>`, 'body'), lists };
}

describe('bodyXml text', () => {
  const named = ADVERSARIAL.map((value) => [value.length > 60 ? `${value.slice(0, 8)}... (${value.length} characters)` : value, value]);
  it.each(named)('keeps %s exactly, escaped, in well-formed XML', (_, value) => {
    const { doc } = body([para('Body', text(value, { bold: true }))]);
    expect(paragraphTexts(doc)).toEqual([value]);
  });

  it('keeps any text of XML characters exactly (property)', () => {
    const xmlChar = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })).map((s) =>
      s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').replace(/\r\n?|\n|\t/g, ' '),
    );
    fc.assert(fc.property(fc.array(xmlChar, { minLength: 1, maxLength: 4 }), (texts) => {
      const { doc } = body([para('Body', ...texts.map((t) => text(t)))]);
      expect(paragraphTexts(doc)).toEqual([texts.join('')]);
    }));
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\u0007', 'U+0007'],
    ['\u001B', 'U+001B'],
    ['\uFFFF', 'U+FFFF'],
    ['\uD83D', 'U+D83D'],
    ['\uDE00x', 'U+DE00'],
  ])('refuses %j with a code naming %s and where it is', (bad, name) => {
    const blocks: Block[] = [para('Body', text('fine')), { kind: 'list', ordered: true, items: [[para('ListItem', text('ok'), text(`Ab${bad}`))]] }];
    expect(() => bodyXml(blocks, 1)).toThrow(expect.objectContaining({
      code: 'DOCX_INVALID_XML_CHAR',
      details: { char: name, where: 'blocks[1].items[0][0].runs[1]', offset: '2' },
    }));
  });

  it('marks right-to-left stretches, and only them, as right to left', () => {
    const { doc } = body([para('Body', text('alias سامي يوسف, and שלום.', { italic: true }))]);
    const runs = elements(doc, 'r').map((r) => ({ text: r.textContent, rtl: elements(r, 'rtl').length === 1, hint: attr(elements(r, 'rFonts')[0], 'hint'), iCs: elements(r, 'iCs').length }));
    expect(runs).toEqual([
      { text: 'alias ', rtl: false, hint: null, iCs: 1 },
      { text: 'سامي يوسف', rtl: true, hint: 'cs', iCs: 1 },
      { text: ', and ', rtl: false, hint: null, iCs: 1 },
      { text: 'שלום', rtl: true, hint: 'cs', iCs: 1 },
      { text: '.', rtl: false, hint: null, iCs: 1 },
    ]);
  });

  it('writes formatting, markers, breaks, alignment and keep-with-next', () => {
    const { doc } = body([{ ...para('Body', text('b', { bold: true, underline: true }), { kind: 'break' }, text('[MISSING: respondent.aNumber]', { marker: true })), align: 'justify', keepWithNext: true }]);
    const [run, , marker] = elements(doc, 'r');
    expect(elements(run!, 'b')).toHaveLength(1);
    expect(attr(elements(run!, 'u')[0], 'val')).toBe('single');
    expect(attr(elements(marker!, 'rStyle')[0], 'val')).toBe('Marker');
    expect(elements(doc, 'br')).toHaveLength(1);
    expect(attr(elements(doc, 'jc')[0], 'val')).toBe('both');
    expect(elements(doc, 'keepNext')).toHaveLength(1);
    for (const t of elements(doc, 't')) expect(t.getAttribute('xml:space')).toBe('preserve');
  });

  it('turns a stray newline or tab into a break or tab instead of losing it', () => {
    const { doc } = body([para('Body', text('a\nb\r\nc\td'))]);
    expect(paragraphTexts(doc)).toEqual(['a\nb\nc\td']);
  });

  it('refuses an unknown style or block kind rather than printing it', () => {
    expect(() => bodyXml([para('Nope' as 'Body')], 1)).toThrow(expect.objectContaining({ code: 'DOCX_INVALID_TREE' }));
    expect(() => bodyXml([{ kind: 'figure' } as unknown as Block], 1)).toThrow(expect.objectContaining({ code: 'DOCX_INVALID_TREE', details: { where: 'blocks[0]' } }));
  });
});

describe('bodyXml lists', () => {
  const item = (words: string): Block[] => [para('ListItem', text(words))];

  it('gives each list its own numbering instance that restarts at its start', () => {
    const { doc, lists } = body([
      { kind: 'list', ordered: true, start: 1, items: [item('one'), item('two')] },
      para('Body', text('between')),
      { kind: 'list', ordered: true, start: 4, items: [item('four'), [para('ListItem', text('five')), para('Body', text('more about five'))]] },
      { kind: 'list', ordered: false, items: [item('dot')] },
    ], 7);
    expect(lists).toEqual([
      { numId: 7, ordered: true, level: 0, start: 1 },
      { numId: 8, ordered: true, level: 0, start: 4 },
      { numId: 9, ordered: false, level: 0, start: 1 },
    ]);
    const numbered = elements(doc, 'p').map((p) => attr(elements(p, 'numId')[0], 'val'));
    expect(numbered).toEqual(['7', '7', null, '8', '8', null, '9']);
    // The second paragraph of an item carries no number but lines up with the item's text.
    expect(attr(elements(elements(doc, 'p')[5]!, 'ind')[0], 'left')).toBe('720');
  });

  it('nests lists by level and numbers an item that opens with a nested list', () => {
    const { doc, lists } = body([{ kind: 'list', ordered: true, items: [[{ kind: 'list', ordered: false, items: [[{ kind: 'list', ordered: true, start: 2, items: [item('deep')] }]] }]] }]);
    expect(lists.map((l) => l.level)).toEqual([0, 1, 2]);
    expect(elements(doc, 'ilvl').map((el) => attr(el, 'val'))).toEqual(['0', '1', '2']);
    expect(paragraphTexts(doc)).toEqual(['', '', 'deep']);
  });
});

describe('bodyXml tables and layout blocks', () => {
  it('scales the widths to a grid that fills the text width exactly', () => {
    const { doc } = body([{ kind: 'table', widths: [1, 1, 1], borders: 'grid', rows: [{ cells: [{ blocks: [] }, { blocks: [] }, { blocks: [] }] }] }]);
    const grid = elements(doc, 'gridCol').map((col) => Number(attr(col, 'w')));
    expect(grid).toEqual([3120, 3120, 3120]);
    fc.assert(fc.property(fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }), (widths) => {
      const { doc: d } = body([{ kind: 'table', widths, borders: 'none', rows: [{ cells: [] }] }]);
      const cols = elements(d, 'gridCol').map((col) => Number(attr(col, 'w')));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH_TWIPS);
      expect(cols.every((w) => Number.isInteger(w) && w >= 0)).toBe(true);
    }));
  });

  it('spans cells, repeats header rows, fills short rows and ends every cell with a paragraph', () => {
    const { doc } = body([{
      kind: 'table', widths: [2, 1, 1], borders: 'grid',
      rows: [
        { header: true, cells: [{ blocks: [para('TableText', text('h'))], span: 3 }] },
        { cells: [{ blocks: [{ kind: 'table', widths: [1], borders: 'none', rows: [{ cells: [{ blocks: [] }] }] }] }] },
      ],
    }]);
    const outer = elements(doc, 'tbl')[0]!;
    const rows = Array.from(outer.childNodes).filter((n): n is Element => (n as Element).localName === 'tr');
    expect(elements(rows[0]!, 'tblHeader')).toHaveLength(1);
    expect(attr(elements(rows[0]!, 'gridSpan')[0], 'val')).toBe('3');
    expect(attr(elements(rows[0]!, 'tcW')[0], 'w')).toBe('9360');
    const cells = Array.from(rows[1]!.childNodes).filter((n): n is Element => (n as Element).localName === 'tc');
    expect(cells).toHaveLength(3);
    for (const cell of elements(doc, 'tc')) expect((cell.lastChild as Element).localName).toBe('p');
  });

  it('draws the caption box as a rule between the cells and one under them', () => {
    const { doc } = body([{ kind: 'table', widths: [3, 2], borders: 'caption', rows: [{ cells: [{ blocks: [] }, { blocks: [] }] }] }]);
    const borders = Object.fromEntries(Array.from(elements(doc, 'tblBorders')[0]!.childNodes).map((n) => [(n as Element).localName, attr(n as Element, 'val')]));
    expect(borders).toEqual({ top: 'nil', left: 'nil', bottom: 'single', right: 'nil', insideH: 'nil', insideV: 'single' });
  });

  it('refuses widths or spans that would print NaN or overflow the grid', () => {
    const table = (widths: number[], span: number): Block => ({ kind: 'table', widths, borders: 'grid', rows: [{ cells: [{ blocks: [], span }] }] });
    for (const bad of [table([], 1), table([1, Number.NaN], 1), table([1, -1], 1), table([1], 2), table([1, 1], 1.5)]) {
      expect(() => bodyXml([bad], 1)).toThrow(expect.objectContaining({ code: 'DOCX_INVALID_TREE' }));
    }
  });

  it('keeps a keep group together without tying its last paragraph to what follows', () => {
    const { doc } = body([{ kind: 'keep', blocks: [para('Signature', text('a')), { kind: 'spacer', points: 6 }, para('Signature', text('c'))] }, para('Body', text('next'))]);
    const flags = elements(doc, 'p').map((p) => [elements(p, 'keepNext').length, elements(p, 'keepLines').length]);
    expect(flags).toEqual([[1, 1], [1, 1], [0, 1], [0, 0]]);
  });

  it('writes a page break and an exact-height spacer, and ends the body with a paragraph', () => {
    const { doc } = body([{ kind: 'pageBreak' }, { kind: 'spacer', points: 18 }, { kind: 'table', widths: [1], borders: 'none', rows: [{ cells: [{ blocks: [] }] }] }]);
    expect(attr(elements(doc, 'br')[0], 'type')).toBe('page');
    const spacing = elements(doc, 'spacing')[0];
    expect([attr(spacing, 'line'), attr(spacing, 'lineRule')]).toEqual(['360', 'exact']);
    const bodyElement = elements(doc, 'body')[0]!;
    expect((bodyElement.lastChild as Element).localName).toBe('p');
    expect(() => bodyXml([{ kind: 'spacer', points: Number.NaN }], 1)).toThrow(expect.objectContaining({ code: 'DOCX_INVALID_TREE' }));
  });
});
