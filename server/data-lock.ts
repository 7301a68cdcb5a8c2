/**
 * One server to a data folder: the SQLite store is opened by one process that serves requests
 * (the `reopen tokens` command may write beside it; SQLite takes turns). `server.pid` holds the
 * serving process's id; a file left by a process that no longer runs (killed, power lost) is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'server.pid';

export class DataFolderBusyError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder for this process; throws DataFolderBusyError naming the other server. */
export function lockDataFolder(dataDir: string): { release(): void } {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataFolderBusyError(`another Reopen server (process ${pid}) is using the data folder ${dataDir}; stop it first, or give this one another REOPEN_DATA_DIR.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataFolderBusyError(`the data folder ${dataDir} could not be taken (${LOCK_FILE} keeps reappearing).`);
}
