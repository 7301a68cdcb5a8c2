/**
 * The `reopen` command. Each subcommand is a thin layer over a use case in src/index.ts: parse
 * the arguments, call the use case, print, return the exit code of the spec (docs/case-format.md).
 * No error ever reaches the user as a stack trace: each becomes one sentence (and, with --json, a
 * JSON report on standard output).
 */
import { DocxError, makeIssue, OutputError, packageVersion, PacketError, RenderError, type Issue } from '../index.js';
import { runCheck } from './check-command.js';
import { runGenerate } from './generate-command.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { runTemplates } from './templates-command.js';

const USAGE = `Usage:
  reopen check <case.json> [--as-of YYYY-MM-DD] [--json]
  reopen generate <case.json> --out <dir> [--as-of YYYY-MM-DD] [--documents id,id] [--format docx,pdf] [--preview] [--json]
  reopen templates check
  reopen --help | --version

Exit codes: 0 done, 1 the case (or a template) has problems and nothing final was written,
2 usage error, unreadable input, or Reopen could not run.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  generate: runGenerate,
  templates: runTemplates,
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
    const issue = asIssue(err);
    if (rest.includes('--json')) io.out(`${JSON.stringify({ ok: false, issues: [issue] }, null, 2)}\n`);
    else io.err(`reopen ${name}: ${issue.message}${err instanceof UsageError ? `\n\n${USAGE}` : '\n'}`);
    return EXIT.usage;
  }
}

/** Every failure in words. Messages of our own errors never quote case data beyond a field path. */
function asIssue(err: unknown): Issue {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof UsageError) return makeIssue('usage', '', 'error', { detail: `Usage error: ${message}` });
  if (err instanceof OutputError) return makeIssue('cannot_write', '', 'error', { detail: message });
  if (err instanceof DocxError || err instanceof RenderError || err instanceof PacketError) {
    return makeIssue('setup_problem', '', 'error', { detail: message });
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const path = (err as NodeJS.ErrnoException).path;
    return makeIssue('setup_problem', '', 'error', { detail: `${code === 'ENOENT' ? 'not found' : code}${path ? `: ${path}` : ''}` });
  }
  return makeIssue('internal_error', '', 'error', { detail: err instanceof Error ? err.name : 'unknown' });
}
