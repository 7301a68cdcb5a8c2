/**
 * The issue catalogue: every problem Reopen reports has a stable code (tools and tests rely on
 * it) and a sentence an intern understands. Wording lives in messages-en.ts, apart from the codes,
 * so it can be improved (or translated) without breaking anyone who matches on a code.
 */
import { MESSAGES, type MessageParams } from './messages-en.js';

export type Severity = 'error' | 'warning';

export interface Issue {
  code: IssueCode;
  /** Dot path with list indices, e.g. "proceedings.priorMotions.0.filed"; "" for the whole case. */
  path: string;
  severity: Severity;
  message: string;
  /** The law or rule the issue rests on; absent for problems of form. */
  citation?: string;
}

export type IssueCode = keyof typeof MESSAGES;

/** Builds an issue from the catalogue so codes and wording cannot drift apart. */
export function makeIssue<C extends IssueCode>(
  code: C,
  path: string,
  severity: Severity,
  params: MessageParams<C>,
  citation?: string,
): Issue {
  const render = MESSAGES[code] as (p: MessageParams<C>) => string;
  const issue: Issue = { code, path, severity, message: render(params) };
  if (citation !== undefined) issue.citation = citation;
  return issue;
}

/** A list path such as ["proceedings", "priorMotions", 0, "filed"] as the report writes it. */
export function dotPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Stable order for reports: errors first, then by path, then by code. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const rank = (s: Severity) => (s === 'error' ? 0 : 1);
  return [...issues].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      comparePaths(a.path, b.path) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Compares paths segment by segment so that "x.10" sorts after "x.9". */
function comparePaths(a: string, b: string): number {
  const as = a === '' ? [] : a.split('.');
  const bs = b === '' ? [] : b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
