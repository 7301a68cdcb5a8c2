/**
 * The `reopen` command. Each subcommand is a thin layer over a use case in src/index.ts: parse
 * the arguments, call the use case, print, return the exit code of the spec.
 */
import { packageVersion } from '../io/package-root.js';
import { runCheck } from './check-command.js';
import { EXIT, processIo, UsageError, type CliIo } from './io.js';

const USAGE = `Usage:
  reopen check <case.json> [--as-of YYYY-MM-DD] [--json]
  reopen --help | --version

Exit codes: 0 no errors, 1 the case has errors, 2 usage error or unreadable input.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
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
    if (err instanceof UsageError) {
      io.err(`reopen ${name}: ${err.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw err;
  }
}
