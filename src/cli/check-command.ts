/**
 * `reopen check <case.json> [--as-of YYYY-MM-DD] [--json]`
 *
 * With --json, standard output holds the report and nothing else, whatever happens (even a usage
 * error prints `{ "ok": false, "issues": [...] }`). Without it, a readable summary.
 */
import { parseArgs } from 'node:util';
import { checkCase, isCivilDate, readCaseFile, type CheckReport, type Issue } from '../index.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { formatReport } from './report-text.js';

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const wantsJson = args.includes('--json');
  const { file, asOf } = parseCheckArgs(args, io);
  const read = await readCaseFile(file);
  if (!read.ok) {
    if (wantsJson) printJson(io, { ok: false, issues: [read.issue] });
    else io.err(`reopen check: ${read.issue.message}\n`);
    return EXIT.usage;
  }
  const { report } = checkCase(read.value, asOf, read.issues);
  if (wantsJson) printJson(io, report);
  else io.out(formatReport(report, { file, color: io.color }));
  return report.ok ? EXIT.ok : EXIT.problems;
}

function parseCheckArgs(args: string[], io: CliIo): { file: string; asOf: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('name the case file to check.');
  if (extra.length > 0) throw new UsageError(`one case file at a time; also given: ${extra.join(' ')}.`);
  const asOf = parsed.values['as-of'] ?? io.today();
  if (!isCivilDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, such as 2017-09-01; "${asOf}" is not.`);
  return { file, asOf };
}

function printJson(io: CliIo, value: CheckReport | { ok: false; issues: Issue[] }): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
