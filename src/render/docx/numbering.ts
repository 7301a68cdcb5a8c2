/**
 * The numbering part: the shell holds the list definitions (`w:abstractNum`, restylable in Word),
 * each rendered document adds one `w:num` per list so every list restarts at its own `start`.
 *
 * The definitions are found by name (`ReopenOrdered`, `ReopenBullet`), not by id, because Word
 * renumbers ids when it saves. A shell that lacks them (a clinic's letterhead, or our shell after
 * Word dropped the unused definitions) gets them copied from the default shell under fresh ids.
 */
import type { ListInstance } from './body-xml.js';
import { shellUnreadable } from './errors.js';

export const NUMBERING_PART = 'word/numbering.xml';
const ORDERED_LIST = 'ReopenOrdered';
const BULLET_LIST = 'ReopenBullet';

/** A shell's numbering part cut where the per-document `w:num` elements go. */
export interface NumberingSlot {
  head: string;
  tail: string;
  orderedId: number;
  bulletId: number;
  firstNumId: number;
}

const ABSTRACT_NUM = /<w:abstractNum\b[^>]*?\bw:abstractNumId="(\d+)"[^>]*>[\s\S]*?<\/w:abstractNum>/g;
const NUM_ID = /<w:num[\s>][^>]*?\bw:numId="(\d+)"/g;
const NAME = /<w:name w:val="([^"]*)"\s*\/>/;

interface Definition {
  id: number;
  xml: string;
}

function definitionsByName(xml: string): Map<string, Definition> {
  const found = new Map<string, Definition>();
  for (const match of xml.matchAll(ABSTRACT_NUM)) {
    const name = NAME.exec(match[0])?.[1];
    if (name !== undefined && !found.has(name)) found.set(name, { id: Number(match[1]), xml: match[0] });
  }
  return found;
}

function maxId(xml: string, pattern: RegExp): number {
  let max = 0;
  for (const match of xml.matchAll(pattern)) max = Math.max(max, Number(match[1]));
  return max;
}

/** Where the numbering part's closing content starts: `w:num`s go before it, by the schema's order. */
function endOfNums(xml: string, source: string): number {
  const cleanup = xml.indexOf('<w:numIdMacAtCleanup');
  const end = cleanup >= 0 ? cleanup : xml.lastIndexOf('</w:numbering>');
  if (end < 0) throw shellUnreadable(source, `${NUMBERING_PART} is not a numbering part`);
  return end;
}

/**
 * Prepares a shell's numbering part (or the default one, when the shell has none) to receive a
 * document's lists. `defaultXml` is the default shell's numbering part, the source of the definitions.
 */
export function numberingSlot(shellXml: string | undefined, defaultXml: string, source: string): NumberingSlot {
  let xml = shellXml ?? defaultXml;
  const present = definitionsByName(xml);
  const wanted = definitionsByName(defaultXml);
  let nextAbstractId = maxId(xml, ABSTRACT_NUM) + 1;
  let copied = '';
  const resolve = (name: string): number => {
    const have = present.get(name);
    if (have !== undefined) return have.id;
    const definition = wanted.get(name);
    if (definition === undefined) throw shellUnreadable('templates/_shell', `${NUMBERING_PART} lacks the list ${name}`);
    const id = nextAbstractId;
    nextAbstractId += 1;
    copied += definition.xml.replace(/\bw:abstractNumId="\d+"/, `w:abstractNumId="${id}"`);
    return id;
  };
  const orderedId = resolve(ORDERED_LIST);
  const bulletId = resolve(BULLET_LIST);
  if (copied !== '') {
    // Definitions precede every w:num in the schema's order.
    const firstNum = xml.search(/<w:num[\s>]/);
    const at = firstNum >= 0 ? firstNum : endOfNums(xml, source);
    xml = xml.slice(0, at) + copied + xml.slice(at);
  }
  const end = endOfNums(xml, source);
  return { head: xml.slice(0, end), tail: xml.slice(end), orderedId, bulletId, firstNumId: maxId(xml, NUM_ID) + 1 };
}

/** The numbering part of one document: the shell's definitions plus a `w:num` per list. */
export function numberingXml(slot: NumberingSlot, lists: readonly ListInstance[]): string {
  let nums = '';
  for (const list of lists) {
    const abstractId = list.ordered ? slot.orderedId : slot.bulletId;
    const restart = list.ordered
      ? `<w:lvlOverride w:ilvl="${list.level}"><w:startOverride w:val="${list.start}"/></w:lvlOverride>`
      : '';
    nums += `<w:num w:numId="${list.numId}"><w:abstractNumId w:val="${abstractId}"/>${restart}</w:num>`;
  }
  return slot.head + nums + slot.tail;
}
