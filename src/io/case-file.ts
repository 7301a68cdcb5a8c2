/**
 * Reading a case file from disk: the only place a path becomes a JSON value. Every way it can
 * fail becomes one issue with a plain sentence, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { makeIssue, type Issue } from '../case/index.js';
import { describe, isPlainObject } from '../case/parse.js';

export type CaseFileResult = { ok: true; value: Record<string, unknown> } | { ok: false; issue: Issue };

export async function readCaseFile(file: string): Promise<CaseFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, issue: makeIssue('file_not_found', '', 'error', { file }) };
    const detail =
      code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return { ok: false, issue: makeIssue('file_unreadable', '', 'error', { file, detail }) };
  }
  return parseCaseText(text);
}

/** JSON text to an object, with the position of a syntax error in words. */
export function parseCaseText(text: string): CaseFileResult {
  let value: unknown;
  try {
    // A byte-order mark is common in files saved by Windows editors; JSON.parse refuses it.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { ok: false, issue: makeIssue('invalid_json', '', 'error', { detail: jsonErrorDetail(text, err as Error) }) };
  }
  if (!isPlainObject(value)) return { ok: false, issue: makeIssue('not_an_object', '', 'error', { found: describe(value) }) };
  return { ok: true, value };
}

function jsonErrorDetail(text: string, err: Error): string {
  if (text.trim() === '') return 'the file is empty';
  const reason = err.message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  const lower = reason.charAt(0).toLowerCase() + reason.slice(1);
  const m = /position (\d+)/.exec(err.message);
  if (!m) return lower;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${lower} at line ${line}, column ${column}`;
}
