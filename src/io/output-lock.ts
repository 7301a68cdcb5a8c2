/**
 * One run at a time in an output folder: `.reopen.lock`, created with O_EXCL, holds the owner's
 * process id, host, start time and a random token.
 *
 * A run killed with SIGKILL cannot remove its lock, so a lock whose owner is gone is stale and is
 * broken: the owner is gone when it ran on this host and its process no longer exists (or is a
 * zombie, or is another process that reused the id, told apart by its start time on Linux). A lock
 * from another host cannot be judged, so it is respected and the message says how to clear it.
 *
 * Breaking a stale lock renames it aside first and checks that what it moved is the stale lock it
 * judged; if another run took the lock in between, the lock is put back. A run checks that it
 * still holds its lock (stillHeld) before it changes anything in the folder.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_NAME = '.reopen.lock';
const ASIDE_PREFIX = `${LOCK_NAME}.stale-`;
/** A lock file with no readable content older than this is a run killed while creating it. */
const EMPTY_LOCK_GRACE_MS = 2_000;

interface LockInfo {
  pid: number;
  host: string;
  started: string | null;
  token: string;
}

export interface HeldLock {
  /** True while the lock file is still this run's. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/** Another run holds the folder. */
export interface LockBusy {
  busy: { pid: number; sameHost: boolean } | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseLock(text: string | null): LockInfo | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.token !== 'string') return null;
    return { pid: v.pid, host: v.host, started: typeof v.started === 'string' ? v.started : null, token: v.token };
  } catch {
    return null;
  }
}

/** The kernel's start time of a process (Linux, /proc/<pid>/stat field 22) and whether it is a zombie. */
async function procStat(pid: number): Promise<{ started: string; zombie: boolean } | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const started = fields[19];
    return started ? { started, zombie: fields[0] === 'Z' } : null;
  } catch {
    return null;
  }
}

async function ownerAlive(info: LockInfo): Promise<boolean> {
  if (info.host !== hostname()) return true; // cannot tell: respect it
  if (info.pid === process.pid) return false; // our id, but not our lock: a reused id
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: a process of another user has that id; the start time below may still tell.
  }
  const stat = await procStat(info.pid);
  if (stat === null) return true;
  if (stat.zombie) return false;
  return info.started === null || info.started === stat.started;
}

async function isStale(path: string, text: string | null, info: LockInfo | null): Promise<boolean> {
  if (info) return !(await ownerAlive(info));
  // Empty or unreadable: a run killed between creating the file and writing it, or one writing it now.
  try {
    return Date.now() - (await lstat(path)).mtimeMs > EMPTY_LOCK_GRACE_MS && text === (await readText(path));
  } catch {
    return false;
  }
}

/** Moves a stale lock out of the way, unless another run replaced it meanwhile. */
async function breakLock(dir: string, staleText: string | null): Promise<void> {
  const path = join(dir, LOCK_NAME);
  const aside = join(dir, `${ASIDE_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await rename(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it
    throw err;
  }
  if ((await readText(aside)) !== staleText) {
    // We moved a live lock taken since we judged: put it back (its owner checks stillHeld()).
    await link(aside, path).catch(() => undefined);
  }
  await rm(aside, { force: true });
}

/** Locks left aside by a run killed while breaking a stale lock. */
async function sweepAside(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.startsWith(ASIDE_PREFIX)) continue;
    const path = join(dir, name);
    const text = await readText(path);
    if (await isStale(path, text, parseLock(text))) await rm(path, { force: true });
  }
}

export async function acquireLock(dir: string, waitMs: number): Promise<HeldLock | LockBusy> {
  const path = join(dir, LOCK_NAME);
  const stat = await procStat(process.pid);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: stat?.started ?? null, token: randomBytes(16).toString('hex') };
  const text = `${JSON.stringify(mine)}\n`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    let fh;
    try {
      fh = await open(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fh) {
      try {
        await fh.writeFile(text);
        await fh.sync();
        await fh.close();
      } catch (err) {
        await fh.close().catch(() => undefined);
        await rm(path, { force: true }).catch(() => undefined); // a full disk: leave no empty lock
        throw err;
      }
      await sweepAside(dir).catch(() => undefined); // tidying only
      const held: HeldLock = {
        stillHeld: async () => (await readText(path)) === text,
        release: async () => {
          if (await held.stillHeld()) await rm(path, { force: true });
        },
      };
      return held;
    }
    const found = await readText(path);
    if (found === null) continue; // released just now
    const info = parseLock(found);
    if (await isStale(path, found, info)) {
      await breakLock(dir, found);
      continue;
    }
    if (Date.now() >= deadline) return { busy: info ? { pid: info.pid, sameHost: info.host === hostname() } : null };
    await sleep(100);
  }
}
