/**
 * The `reopen` command. Each subcommand is a thin layer over a use case: parse the arguments,
 * call the use case, print, return the exit code of the spec (docs/case-format.md).
 */
import { makeIssue } from '../case/index.js';
import { packageVersion } from '../io/package-root.js';
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
2 usage error or unreadable input.
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
    if (!(err instanceof UsageError)) throw err;
    if (rest.includes('--json')) {
      const issue = makeIssue('usage', '', 'error', { detail: `Usage error: ${err.message}` });
      io.out(`${JSON.stringify({ ok: false, issues: [issue] }, null, 2)}\n`);
    } else {
      io.err(`reopen ${name}: ${err.message}\n\n${USAGE}`);
    }
    return EXIT.usage;
  }
}
