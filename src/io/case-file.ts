/**
 * Reading a case file from disk: the only place a path becomes a JSON value. Every way it can
 * fail becomes one issue with a plain sentence, never a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { visit } from 'jsonc-parser';
import { dotPath, makeIssue, type Issue } from '../case/index.js';
import { describe, isPlainObject } from '../case/parse.js';
import { nestingIssue } from '../case/nesting.js';

/**
 * The JSON value of a case file, or why there is none. `issues` are problems of the text itself
 * that JSON.parse hides (a key given twice): the case is still read, and they are reported with
 * the case's own issues.
 */
export type CaseFileResult = { ok: true; value: Record<string, unknown>; issues: Issue[] } | { ok: false; issue: Issue };

export async function readCaseFile(file: string): Promise<CaseFileResult> {
  let text: string;
  try {
    // A device or pipe (/dev/zero) would be read for ever, growing memory without bound.
    const info = await stat(file);
    if (!info.isFile() && !info.isDirectory()) {
      return { ok: false, issue: makeIssue('file_unreadable', '', 'error', { file, detail: 'it is not a regular file (a device, pipe or socket)' }) };
    }
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, issue: makeIssue('file_not_found', '', 'error', { file }) };
    // In words: the error's own message is JavaScript's ("Cannot create a string longer than 0x1fffffe8 characters").
    const detail =
      code === 'EISDIR' ? 'it is a folder, not a file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG' ? 'it is far too large to be a case file'
      : 'the system would not let Reopen read it';
    return { ok: false, issue: makeIssue('file_unreadable', '', 'error', { file, detail }) };
  }
  return parseCaseText(text);
}

/**
 * JSON text to an object, with the position of a syntax error in words. `source` says whether the
 * text is a file (the CLI) or the body of a request (the server), for the wording of a syntax error.
 */
export function parseCaseText(text: string, source: 'file' | 'request' = 'file'): CaseFileResult {
  let value: unknown;
  try {
    // A byte-order mark is common in files saved by Windows editors; JSON.parse refuses it.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = jsonErrorDetail(text, err as Error);
    if (source === 'request') return { ok: false, issue: makeIssue('invalid_json_body', '', 'error', { detail: detail.replace('the file is empty', 'the body is empty') }) };
    return { ok: false, issue: makeIssue('invalid_json', '', 'error', { detail }) };
  }
  if (!isPlainObject(value)) return { ok: false, issue: makeIssue('not_an_object', '', 'error', { found: describe(value) }) };
  // Before anything that reads the value recursively (duplicateKeys below, the schema).
  const tooDeep = nestingIssue(value);
  if (tooDeep) return { ok: false, issue: tooDeep };
  return { ok: true, value, issues: duplicateKeys(text) };
}

/**
 * Keys given twice in one object. JSON.parse keeps the last silently, so a file with two
 * "aNumber" fields would mean one thing to Reopen and another to whoever reads it; each repeat is
 * an error at its path, as an unknown field is. `text` must already be valid JSON.
 */
export function duplicateKeys(text: string): Issue[] {
  const issues: Issue[] = [];
  const open: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, _offset, _length, line, _character, pathSupplier) => {
      const keys = open.at(-1);
      if (!keys) return;
      if (keys.has(key)) {
        const path = dotPath([...pathSupplier(), key]);
        issues.push(makeIssue('duplicate_key', path, 'error', { path, line: line + 1 }));
      }
      keys.add(key);
    },
  });
  return issues;
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
