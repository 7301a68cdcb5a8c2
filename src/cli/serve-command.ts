/**
 * `reopen serve [--port N]`: serves the API (and, later, the interview) on REOPEN_HOST (default
 * 127.0.0.1), with its data in REOPEN_DATA_DIR. Prints the address, then runs until SIGTERM or
 * SIGINT, when it stops gracefully (server/main.ts). Logs go to standard output as JSON (pino).
 */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliIo } from './io.js';

export async function runServe(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { port: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const portText = parsed.values.port;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port takes a port number from 0 to 65535, not "${portText}".`);
  const { readConfig, startServer, ConfigError, DataFolderBusyError } = await import('../../server/main.js');
  const { KeyError } = await import('../index.js');
  // Everything the server writes (database, WAL, key, logs it may redirect) is the owner's alone.
  process.umask(0o077);
  let running;
  try {
    running = await startServer(readConfig(process.env, port), process.env);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof KeyError || err instanceof DataFolderBusyError) {
      io.err(`reopen serve: ${err.message}\n`);
      return EXIT.usage;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.err(`reopen serve: cannot listen there (${code === 'EADDRINUSE' ? 'the port is in use; choose another with --port' : code === 'EACCES' ? 'permission denied; use a port above 1023' : 'that address is not on this machine; check REOPEN_HOST'}).\n`);
      return EXIT.usage;
    }
    throw err;
  }
  io.err(`Reopen is serving at ${running.url} (health: ${running.url}/healthz). Stop it with Ctrl-C.\n`);
  io.err(`Web interview: ${running.url}/login. ${running.people}\n`);
  io.err('API tokens: ./bin/reopen tokens create --org "<your organization>" (with the same REOPEN_DATA_DIR)\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      void running.stop().then(resolve, resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return EXIT.ok;
}
