/**
 * The `reopen` command. Each subcommand is a thin layer over a use case in src/index.ts: parse
 * the arguments, call the use case, print, return the exit code of the spec (docs/case-format.md).
 * No error ever reaches the user as a stack trace: each becomes one sentence (and, with --json, a
 * JSON report on standard output).
 */
import {
  DocxError,
  formatProblem,
  fsProblem,
  makeIssue,
  OutputError,
  packageVersion,
  PacketError,
  RenderError,
  TemplateError,
  ViewTooLargeError,
  type Issue,
} from '../index.js';
import { runCalendar } from './calendar-command.js';
import { runCheck } from './check-command.js';
import { runGenerate } from './generate-command.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { runServe } from './serve-command.js';
import { runTemplates } from './templates-command.js';
import { runTokens } from './tokens-command.js';

const USAGE = `Usage:
  reopen check <case.json> [--as-of YYYY-MM-DD] [--json]
  reopen generate <case.json> --out <dir> [--as-of YYYY-MM-DD] [--documents id,id] [--format docx,pdf] [--preview]
                  [--allow-other-files] [--json]
  reopen calendar <case.json> --out <file.ics> [--as-of YYYY-MM-DD] [--json]
  reopen templates check
  reopen serve [--port N]
  reopen tokens create --org <name> [--role attorney|intern]
  reopen --help | --version

An output folder belongs to one case: Reopen replaces only files it wrote there and that nobody
has changed since. --allow-other-files writes beside files Reopen did not write (or another
person's), leaving them alone.

Exit codes: 0 done, 1 the case (or a template) has problems and nothing final was written,
2 usage error, unreadable input, an output folder Reopen may not write in, or Reopen could not run.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  generate: runGenerate,
  calendar: runCalendar,
  templates: runTemplates,
  serve: runServe,
  tokens: runTokens,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.out(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`reopen: unknown command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    const issue = asIssue(err, name, rest);
    if (rest.includes('--json')) io.out(`${JSON.stringify({ ok: false, issues: [issue] }, null, 2)}\n`);
    else io.err(`reopen ${name}: ${issue.message}${err instanceof UsageError ? `\n\n${USAGE}` : '\n'}`);
    return EXIT.usage;
  }
}

/**
 * Every failure in words. Messages of our own errors never quote case data beyond a field path,
 * and no message of JavaScript's own ("Maximum call stack size exceeded", "Invalid string length",
 * "Cannot read properties of undefined") reaches the user: each says which input is at fault.
 */
export function asIssue(err: unknown, command: string, args: readonly string[]): Issue {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof UsageError) return makeIssue('usage', '', 'error', { detail: `Usage error: ${message}` });
  if (err instanceof OutputError) return makeIssue(err.partial ? 'write_incomplete' : 'cannot_write', '', 'error', { detail: message });
  if (err instanceof TemplateError) {
    // One line per problem, as `reopen templates check` prints them.
    const lines = err.problems.map((p) => formatProblem(p, process.cwd()));
    return makeIssue('setup_problem', '', 'error', {
      detail: `the templates have ${lines.length === 1 ? 'a problem' : `${lines.length} problems`}, so nothing was written (reopen templates check lists the same):\n${lines.join('\n')}`,
    });
  }
  if (err instanceof ViewTooLargeError) return makeIssue('input_too_large', '', 'error', { detail: `${message}.` });
  if (err instanceof DocxError) return makeIssue('setup_problem', '', 'error', { detail: err.sentence });
  if (err instanceof RenderError || err instanceof PacketError) {
    return makeIssue('setup_problem', '', 'error', { detail: message });
  }
  const tooMuch = tooMuchFor(err);
  if (tooMuch !== undefined) {
    const file = command === 'check' || command === 'generate' || command === 'calendar' ? caseFileOf(args) : undefined;
    return makeIssue('input_too_large', '', 'error', { detail: `${file === undefined ? 'the input' : `the case file ${file}`} holds ${tooMuch} to process.` });
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // In words, about the file the system named (never an error code).
    const path = (err as NodeJS.ErrnoException).path;
    return makeIssue('setup_problem', '', 'error', { detail: fsProblem(err, path ?? 'a file it needs', 'read') });
  }
  return makeIssue('internal_error', '', 'error', { detail: `in reopen ${command}, a fault in Reopen itself` });
}

/** What a RangeError (or a string too long) says about the input, or undefined for any other error. */
function tooMuchFor(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const message = err instanceof RangeError ? err.message : '';
  if (/call stack/i.test(message)) return 'values nested too deeply';
  if (/Invalid (?:string|array) length|allocation failed/i.test(message) || code === 'ERR_STRING_TOO_LONG' || code === 'ERR_BUFFER_TOO_LARGE') {
    return 'a value too long (or too many values)';
  }
  return undefined;
}

/** The case file among a check or generate command's arguments: the first that is not an option or its value. */
function caseFileOf(args: readonly string[]): string | undefined {
  const takesValue = new Set(['--out', '--as-of', '--documents', '--format']);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (takesValue.has(arg)) i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}
