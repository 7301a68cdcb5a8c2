/**
 * The blocks of a document tree as the WordprocessingML of a document body. Pure: same blocks,
 * same string. Lists come back as `ListInstance`s, one per list, for the numbering part.
 */
import type { Block, ListBlock, Paragraph } from '../../compose/tree.js';
import { invalidTree } from './errors.js';
import { paragraphXml, type ParagraphExtras } from './paragraph-xml.js';
import { EMPTY_PARAGRAPH, tableXml } from './table-xml.js';

/** One list of the tree, numbered by its own `w:num` so that it restarts at `start`. */
export interface ListInstance {
  numId: number;
  ordered: boolean;
  level: number;
  start: number;
}

export interface BodyXml {
  xml: string;
  lists: ListInstance[];
}

/** Indent per list level in twips; templates/_shell/word/numbering.xml steps by the same amount. */
export const LIST_INDENT_TWIPS = 720;
/** Word numbers nine levels (0-8); deeper lists keep their words and take the deepest level. */
const MAX_LIST_LEVEL = 8;
/** Word's largest exact line height (1584 pt); a spacer is empty, so clamping loses nothing. */
const MAX_LINE_TWIPS = 31680;

/**
 * How a block inside a keep-together group is bound: `all` keeps every paragraph with the next,
 * `allButLast` does the same except for the group's last paragraph, which must not pull the
 * following block along.
 */
type Keep = 'none' | 'all' | 'allButLast';

interface Context {
  lists: ListInstance[];
  nextNumId: number;
}

interface Position {
  depth: number;
  keep: Keep;
}

/** `firstNumId` is the first list number free in the shell's numbering part. */
export function bodyXml(blocks: readonly Block[], firstNumId: number): BodyXml {
  const context: Context = { lists: [], nextNumId: firstNumId };
  const xml = blocksXml(blocks, 'blocks', context, { depth: 0, keep: 'none' });
  // The shell's sectPr follows the body directly, and Word wants a paragraph before it.
  return { xml: xml.endsWith('</w:p>') ? xml : xml + EMPTY_PARAGRAPH, lists: context.lists };
}

function keepAt(keep: Keep, index: number, count: number): Keep {
  return keep === 'allButLast' && index < count - 1 ? 'all' : keep;
}

function keepExtras(keep: Keep): ParagraphExtras {
  return keep === 'none' ? {} : { keepNext: keep === 'all', keepLines: true };
}

function blocksXml(blocks: readonly Block[], where: string, context: Context, position: Position): string {
  let xml = '';
  blocks.forEach((block, index) => {
    const keep = keepAt(position.keep, index, blocks.length);
    xml += blockXml(block, `${where}[${index}]`, context, { depth: position.depth, keep });
  });
  return xml;
}

function blockXml(block: Block, where: string, context: Context, position: Position): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphXml(block, where, keepExtras(position.keep));
    case 'list':
      return listXml(block, where, context, position);
    case 'table':
      return tableXml(block, where, (blocks, cellWhere, lastRow) =>
        blocksXml(blocks, `${cellWhere}.blocks`, context, {
          depth: 0,
          keep: lastRow || position.keep !== 'allButLast' ? position.keep : 'all',
        }),
      );
    case 'keep':
      return blocksXml(block.blocks, `${where}.blocks`, context, {
        depth: position.depth,
        keep: position.keep === 'all' ? 'all' : 'allButLast',
      });
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    case 'spacer':
      return spacerXml(block.points, where, block.keepWithNext === true && position.keep === 'none' ? 'all' : position.keep);
    default:
      throw invalidTree(where, `unknown block kind "${String((block as { kind?: unknown }).kind)}"`);
  }
}

/** Carries the number of an item that opens with a table or a nested list instead of words. */
const NUMBER_ONLY: Paragraph = { kind: 'paragraph', style: 'ListItem', runs: [] };

function listXml(list: ListBlock, where: string, context: Context, position: Position): string {
  const start = list.start ?? 1;
  if (!Number.isInteger(start) || start < 0) throw invalidTree(`${where}.start`, 'not a whole number');
  if (list.items.length === 0) return '';
  const level = Math.min(position.depth, MAX_LIST_LEVEL);
  const numbering = { numId: context.nextNumId, level };
  context.nextNumId += 1;
  context.lists.push({ numId: numbering.numId, ordered: list.ordered === true, level, start });
  const indentLeft = (level + 1) * LIST_INDENT_TWIPS;
  let xml = '';
  list.items.forEach((item, itemIndex) => {
    const itemWhere = `${where}.items[${itemIndex}]`;
    const itemKeep = keepAt(position.keep, itemIndex, list.items.length);
    const padded = item[0]?.kind === 'paragraph' ? 0 : 1;
    const blocks = padded === 1 ? [NUMBER_ONLY, ...item] : item;
    blocks.forEach((block, index) => {
      const blockWhere = `${itemWhere}[${Math.max(0, index - padded)}]`;
      const keep = keepAt(itemKeep, index, blocks.length);
      if (block.kind !== 'paragraph') {
        xml += blockXml(block, blockWhere, context, { depth: position.depth + 1, keep });
        return;
      }
      // The first paragraph carries the number; the others line up with its text.
      const placement = index === 0 ? { numbering } : { indentLeft };
      xml += paragraphXml(block, blockWhere, { ...keepExtras(keep), ...placement });
    });
  });
  return xml;
}

function spacerXml(points: number, where: string, keep: Keep): string {
  if (!Number.isFinite(points) || points < 0) throw invalidTree(`${where}.points`, 'not a length in points');
  const twips = Math.min(Math.round(points * 20), MAX_LINE_TWIPS);
  if (twips === 0) return '';
  const keepXml = keep === 'none' ? '' : keep === 'all' ? '<w:keepNext/><w:keepLines/>' : '<w:keepLines/>';
  return `<w:p><w:pPr>${keepXml}<w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/></w:pPr></w:p>`;
}
