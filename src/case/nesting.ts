/**
 * How deeply a case value nests, measured without recursion. The case format is at most a few
 * levels deep (the samples reach 6); a file that nests lists in lists thousands of times would
 * overflow the stack of every recursive reader after JSON.parse (the duplicate-key scan, the
 * schema, the view models, the templates), so it is refused first, at the place it goes too deep.
 */
import { dotPath, makeIssue, type Issue } from './issues.js';

/** Levels of objects and lists a case may have, the case itself being the first. */
export const MAX_CASE_DEPTH = 32;

/** An error at the first place `value` nests deeper than `max`, or undefined. */
export function nestingIssue(value: unknown, max = MAX_CASE_DEPTH): Issue | undefined {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: here, path } = next;
    if (here === null || typeof here !== 'object') continue;
    if (path.length >= max) {
      const where = path.length > 6 ? `under ${dotPath(path.slice(0, 6))}` : `at ${dotPath(path) || 'the top'}`;
      return makeIssue('too_deeply_nested', dotPath(path), 'error', { where, max });
    }
    const children: [PropertyKey, unknown][] = Array.isArray(here) ? [...here.entries()] : Object.entries(here);
    for (const [key, child] of children) pending.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
