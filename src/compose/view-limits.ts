/**
 * How much data one document may print, checked before its template runs. A filing's data is a
 * few thousand words; without a bound, one enormous value (a 200 MB "name" from an API caller that
 * skipped the case schema) takes the markup parser minutes and gigabytes, and a value nested
 * thousands deep overflows the stack of every recursive step. Either is refused at once with the
 * place in the data named, never its text.
 */
import { isStackOverflow, isTooLong, ViewTooLargeError } from './errors.js';

export const VIEW_LIMITS = {
  /** Levels of objects and lists (the case format itself allows 32; views are shallower). */
  depth: 32,
  /** Characters of text in all, about 700 pages: a long declaration is well under 200,000. */
  textChars: 2_000_000,
  /** Values (texts, numbers, lists, objects) in all: a motion's data has about a thousand. */
  values: 100_000,
} as const;

interface Measure {
  /** The first place deeper than the limit. */
  tooDeep?: PropertyKey[];
  /** Set when the walk stopped at the limit on values (or on text) before seeing everything. */
  tooMany?: boolean;
  totalText: number;
  longestText: { path: PropertyKey[]; length: number };
  longestList: { path: PropertyKey[]; length: number };
}

/** Walks `view` without recursion, never below the depth limit. */
function measure(view: unknown): Measure {
  const m: Measure = { totalText: 0, longestText: { path: [], length: 0 }, longestList: { path: [], length: 0 } };
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: view, path: [] }];
  let values = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    values += 1;
    if (values > VIEW_LIMITS.values || m.totalText > VIEW_LIMITS.textChars) {
      m.tooMany = true;
      return m;
    }
    if (typeof value === 'string') {
      m.totalText += value.length;
      if (value.length > m.longestText.length) m.longestText = { path, length: value.length };
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= VIEW_LIMITS.depth) {
      m.tooDeep = path;
      return m;
    }
    if (Array.isArray(value) && value.length > m.longestList.length) m.longestList = { path, length: value.length };
    if (Array.isArray(value) && value.length > VIEW_LIMITS.values) {
      m.tooMany = true;
      return m;
    }
    const children: [PropertyKey, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (const [key, child] of children) pending.push({ value: child, path: [...path, key] });
  }
  return m;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.') || 'the top';
const count = (n: number) => n.toLocaleString('en-US');

function tooDeep(document: string, path: PropertyKey[]): ViewTooLargeError {
  return new ViewTooLargeError(document, dotted(path),
    `the lists or objects in the data for "${document}" are nested more than ${VIEW_LIMITS.depth} levels deep, under ${dotted(path.slice(0, 6))}; no document needs more than a few`);
}

/** The longest text when it is a good part of the whole, else the longest list: what to shorten. */
function tooMuchText(document: string, m: Measure, limit: string): ViewTooLargeError {
  const { longestText: text, longestList: list } = m;
  if (text.length * 10 >= m.totalText || list.length === 0) {
    return new ViewTooLargeError(document, dotted(text.path),
      `the text at ${dotted(text.path)} in the data for "${document}" is ${count(text.length)} characters long, ${limit}`);
  }
  return new ViewTooLargeError(document, dotted(list.path),
    `the list at ${dotted(list.path)} in the data for "${document}" has ${count(list.length)} items, which with the rest come to ${count(m.totalText)} characters of text, ${limit}`);
}

/** Refuses data over the limits above, naming the place to shorten. */
export function checkViewSize(document: string, view: unknown): void {
  const m = measure(view);
  if (m.tooDeep) throw tooDeep(document, m.tooDeep);
  if (m.totalText > VIEW_LIMITS.textChars) throw tooMuchText(document, m, `more than the ${count(VIEW_LIMITS.textChars)} characters of text one document may print`);
  if (m.tooMany) {
    throw new ViewTooLargeError(document, dotted(m.longestList.path),
      `the data for "${document}" holds more than the ${count(VIEW_LIMITS.values)} values one document may print (its longest list, at ${dotted(m.longestList.path)}, has ${count(m.longestList.length)} items)`);
  }
}

/**
 * What to say when printing `document` still ran out of stack or of string length (a template
 * that repeats a list inside itself can multiply the data): the place in the data most likely to
 * blame. Undefined for any other error.
 */
export function oversizeError(document: string, view: unknown, error: unknown): ViewTooLargeError | undefined {
  if (!isStackOverflow(error) && !isTooLong(error)) return undefined;
  const m = measure(view);
  if (m.tooDeep) return tooDeep(document, m.tooDeep);
  if (isStackOverflow(error)) return new ViewTooLargeError(document, '', `the data for "${document}" is nested too deeply to print`);
  return tooMuchText(document, m, 'and the document it makes is too long to hold in memory');
}
