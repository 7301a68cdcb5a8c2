/**
 * How deeply a case value nests, measured without recursion. The case format is at most a few
 * levels deep (the samples reach 6); a file that nests lists in lists thousands of times would
 * overflow the stack of every recursive reader after JSON.parse (the duplicate-key scan, the
 * schema, the view models, the templates), so it is refused first, at the place it goes too deep.
 */
import { dotPath, makeIssue, type Issue } from './issues.js';

/** Levels of objects and lists a case may have, the case itself being the first. */
export const MAX_CASE_DEPTH = 32;

/**
 * Values (fields and list items, at every level) a case may hold. The samples hold a few hundred;
 * a busy case with long lists, a few thousand. Past this, reading on would only cost time (the
 * server reads cases on the thread that answers everyone), so the case is refused first.
 */
export const MAX_CASE_VALUES = 50_000;

/** An error at the first place `value` nests deeper than `max`, or when it holds more than `maxValues` values; undefined when neither. */
export function nestingIssue(value: unknown, max = MAX_CASE_DEPTH, maxValues = MAX_CASE_VALUES): Issue | undefined {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  let values = 1;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: here, path } = next;
    if (here === null || typeof here !== 'object') continue;
    if (path.length >= max) {
      const where = path.length > 6 ? `under ${dotPath(path.slice(0, 6))}` : `at ${dotPath(path) || 'the top'}`;
      return makeIssue('too_deeply_nested', dotPath(path), 'error', { where, max });
    }
    // Counted before they are listed: a list of a million items costs nothing to refuse.
    values += Array.isArray(here) ? here.length : Object.keys(here).length;
    if (values > maxValues) return makeIssue('too_many_values', '', 'error', { max: maxValues });
    const children: [PropertyKey, unknown][] = Array.isArray(here) ? [...here.entries()] : Object.entries(here);
    for (const [key, child] of children) pending.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
