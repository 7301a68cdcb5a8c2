import { localToday } from '../index.js';

export { localToday };

/** What a command may touch of the outside world, passed in so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today's civil date where the user is: the only clock read, at the edge. */
  today(): string;
  /** Colour for a terminal that wants it. */
  color: boolean;
}

export function processIo(): CliIo {
  // A reader that stops early (reopen check | head) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    today: () => localToday(),
    color: Boolean(process.stdout.isTTY) && process.env['NO_COLOR'] === undefined,
  };
}


export class UsageError extends Error {}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
