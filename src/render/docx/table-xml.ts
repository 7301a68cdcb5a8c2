/**
 * A tree table as a `w:tbl` with a fixed grid the width of the text column.
 */
import type { Block, Table } from '../../compose/tree.js';
import { TEXT_WIDTH } from '../styles.js';
import { invalidTree } from './errors.js';

/** The text column in twips (6.5 inches on Letter with 1-inch margins: 9360). */
export const TEXT_WIDTH_TWIPS = TEXT_WIDTH * 20;

/** An empty paragraph: a cell must end with one, and so must a body that ends with a table. */
export const EMPTY_PARAGRAPH = '<w:p></w:p>';

/** How the caller renders the blocks of a cell; `last` is true for cells of the last row. */
export type CellRenderer = (blocks: readonly Block[], where: string, last: boolean) => string;

const RULE = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const NONE = 'w:val="nil"';

/** Border order is the schema's: top, left, bottom, right, insideH, insideV. */
const BORDERS: Record<Table['borders'], readonly string[]> = {
  grid: [RULE, RULE, RULE, RULE, RULE, RULE],
  // The immigration-court caption: names left, A-numbers right, a rule between them and one under both.
  caption: [NONE, NONE, RULE, NONE, NONE, RULE],
  none: [NONE, NONE, NONE, NONE, NONE, NONE],
};
const BORDER_SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

/**
 * Scales relative widths to whole twips summing exactly to `total` (largest remainder), so the
 * grid neither overflows the margin nor leaves a sliver.
 */
function gridWidths(widths: readonly number[], total: number, where: string): number[] {
  if (widths.length === 0) throw invalidTree(where, 'a table needs at least one column width');
  widths.forEach((width, index) => {
    if (!Number.isFinite(width) || width <= 0) throw invalidTree(`${where}.widths[${index}]`, 'not a positive number');
  });
  const sum = widths.reduce((a, b) => a + b, 0);
  const exact = widths.map((width) => (width / sum) * total);
  const grid = exact.map(Math.floor);
  let missing = total - grid.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    grid[index] = (grid[index] ?? 0) + 1;
    missing -= 1;
  }
  return grid;
}

export function tableXml(table: Table, where: string, renderCell: CellRenderer): string {
  const grid = gridWidths(table.widths, TEXT_WIDTH_TWIPS, where);
  if (!Object.hasOwn(BORDERS, table.borders)) throw invalidTree(where, `unknown borders "${String(table.borders)}"`);
  // Word refuses a table without rows; one carries no words, so it is left out.
  if (table.rows.length === 0) return '';
  const borders = BORDERS[table.borders].map((attributes, index) => `<w:${BORDER_SIDES[index]} ${attributes}/>`).join('');
  let xml =
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
    '</w:tblPr><w:tblGrid>' +
    grid.map((width) => `<w:gridCol w:w="${width}"/>`).join('') +
    '</w:tblGrid>';
  table.rows.forEach((row, rowIndex) => {
    const rowWhere = `${where}.rows[${rowIndex}]`;
    const last = rowIndex === table.rows.length - 1;
    // A row never splits across pages (a clerk reads an index row whole); header rows repeat.
    xml += row.header === true ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    let column = 0;
    row.cells.forEach((cell, cellIndex) => {
      const cellWhere = `${rowWhere}.cells[${cellIndex}]`;
      const span = cell.span ?? 1;
      if (!Number.isInteger(span) || span < 1) throw invalidTree(cellWhere, 'span is not a whole number of columns');
      if (column + span > grid.length) {
        throw invalidTree(cellWhere, `the row needs ${column + span} columns and the table has ${grid.length}`);
      }
      const width = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      xml += cellXml(width, span, renderCell(cell.blocks, cellWhere, last));
    });
    // A short row (markdown allows one) is filled with empty cells so Word's grid stays rectangular.
    for (; column < grid.length; column += 1) xml += cellXml(grid[column] ?? 0, 1, '');
    xml += '</w:tr>';
  });
  return `${xml}</w:tbl>`;
}

function cellXml(width: number, span: number, content: string): string {
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  const body = content.endsWith('</w:p>') ? content : content + EMPTY_PARAGRAPH;
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${gridSpan}</w:tcPr>${body}</w:tc>`;
}
