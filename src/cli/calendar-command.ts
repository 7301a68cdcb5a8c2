/**
 * `reopen calendar <case.json> --out <file.ics> [--as-of YYYY-MM-DD] [--json]`
 *
 * Writes every deadline of the case as an iCalendar file. The file is replaced only when it is one
 * Reopen wrote (its PRODID says so); any other file at that path is left alone and the run refused.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calendarOf, fsProblem, isCivilDate, isFsError, readCaseFile } from '../index.js';
import { EXIT, UsageError, type CliIo } from './io.js';

const OURS = 'PRODID:-//Reopen//Deadlines//EN';

export async function runCalendar(args: string[], io: CliIo): Promise<number> {
  const a = parseCalendarArgs(args, io);
  const print = (value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);
  const read = await readCaseFile(a.file);
  if (!read.ok) {
    if (a.json) print({ ok: false, issues: [read.issue] });
    else io.err(`reopen calendar: ${read.issue.message}\n`);
    return EXIT.usage;
  }
  const result = calendarOf(read.value, a.asOf, read.issues);
  if (!result.ok || result.ics === null) {
    if (a.json) print({ ok: false, issues: result.issues, written: [] });
    else {
      io.err('reopen calendar: nothing was written. The case has problems to fix first:\n');
      for (const i of result.issues.filter((x) => x.severity === 'error')) io.err(`  ✗ ${i.path || '(whole case)'}: ${i.message}\n`);
    }
    return EXIT.problems;
  }
  await writeCalendar(a.out, result.ics);
  if (a.json) {
    print({ ok: true, issues: result.issues, written: [a.out], events: result.events });
    return EXIT.ok;
  }
  io.out(`Calendar written to ${a.out} (law applied as of ${a.asOf}), ${result.events.length} deadline${result.events.length === 1 ? '' : 's'}:\n`);
  for (const e of result.events) io.out(`  ${e.date}  ${e.summary}\n`);
  io.out('\nThese dates are computed for an attorney to review; check each against its citation.\n');
  return EXIT.ok;
}

/** Writes the file beside its final name and renames it into place; refuses to replace anything not Reopen's. */
async function writeCalendar(out: string, ics: string): Promise<void> {
  const target = resolve(out);
  const existing = await stat(target).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  if (existing) {
    if (!existing.isFile()) throw new UsageError(`${out} exists and is not a file; choose another --out.`);
    const head = (await readFile(target, 'utf8').catch(() => '')).slice(0, 4096);
    if (!head.includes(OURS)) throw new UsageError(`${out} exists and was not written by Reopen, so it is left alone; choose another --out.`);
  }
  const temp = join(dirname(target), `.${basename(target)}.reopen-${process.pid}.tmp`);
  try {
    await writeFile(temp, ics, { flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    if (isFsError(err)) throw new UsageError(fsProblem(err, out, 'write in'));
    throw err;
  }
}

function parseCalendarArgs(args: string[], io: CliIo): { file: string; out: string; asOf: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('name the case file to make a calendar from.');
  if (extra.length > 0) throw new UsageError(`one case file at a time; also given: ${extra.join(' ')}.`);
  const out = parsed.values.out;
  if (!out) throw new UsageError('say where to write the calendar with --out <file.ics>.');
  const asOf = parsed.values['as-of'] ?? io.today();
  if (!isCivilDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, such as 2017-09-01; "${asOf}" is not.`);
  return { file, out, asOf, json: parsed.values.json === true };
}

