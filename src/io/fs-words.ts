/**
 * File-system failures in words. A message names the folder or file the user gave (never a hidden
 * working path such as a staging folder), says what went wrong in plain words and what to do. No
 * error code, errno or JavaScript term reaches the user.
 */
import { getSystemErrorMap } from 'node:util';

/** What Reopen was doing, as the end of "Reopen could not ...". */
export type FsDoing = 'create the folder' | 'write in' | 'read' | 'replace' | 'remove' | 'lock';

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** True for an error the operating system raised (as opposed to a bug in Reopen). */
export function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && errnoCode(err) !== undefined;
}

/**
 * One clause, starting in lower case and ending with a full stop, for `where` (a path as the user
 * wrote it, or a file inside it).
 */
export function fsProblem(err: unknown, where: string, doing: FsDoing): string {
  switch (errnoCode(err)) {
    case 'EACCES':
    case 'EPERM':
      return doing === 'read'
        ? `Reopen is not allowed to read ${where} (permission denied); have its permissions changed, or run Reopen as a user who may read it.`
        : `Reopen is not allowed to write in ${where} (permission denied); choose a folder you can write to, or have its permissions changed.`;
    case 'EROFS':
      return `${where} is on a read-only disk, so nothing can be written there; choose another --out.`;
    case 'ENOSPC':
      return `the disk holding ${where} is full; free some space or choose another --out.`;
    case 'EDQUOT':
      return `your disk quota for ${where} is used up; free some space or choose another --out.`;
    case 'ENOTDIR':
      return `a part of the path ${where} is a file, not a folder; choose another --out.`;
    case 'ENAMETOOLONG':
      return `the path ${where} is too long for this system; choose a shorter --out.`;
    case 'ELOOP':
      return `the path ${where} goes through too many links (perhaps a link that points to itself); choose another --out.`;
    case 'ENOENT':
      if (doing === 'create the folder') {
        return `${where} cannot be created: the folder it would go in does not accept new folders (it is not an ordinary folder, like those under /proc or /sys); choose a folder on an ordinary disk.`;
      }
      return doing === 'write in' || doing === 'lock'
        ? `${where} does not accept new files (it is not an ordinary folder, like those under /proc or /sys); choose a folder on an ordinary disk.`
        : `${where} was moved or deleted while Reopen was working; run the same command again.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${where} is in use by another program (is it open in Word or a PDF viewer?); close it and run again.`;
    case 'EMFILE':
    case 'ENFILE':
      return `the system has too many files open to ${doing} ${where}; close some programs and run again.`;
    case 'EIO':
      return `the disk holding ${where} failed to read or write; check the disk and run again.`;
    case 'EISDIR':
      return `${where} is a folder where Reopen expected a file; move it away and run again.`;
    case 'EEXIST':
      return `${where} appeared while Reopen was writing (another program is writing there); run again when it is done.`;
    case 'EINVAL':
    case 'ENOTSUP':
    case 'EOPNOTSUPP':
    case 'ENOSYS':
      return `the file system holding ${where} does not support what Reopen needs to write safely; choose a folder on an ordinary disk.`;
    default: {
      const errno = (err as NodeJS.ErrnoException | undefined)?.errno;
      const said = typeof errno === 'number' ? getSystemErrorMap().get(errno)?.[1] : undefined;
      return `Reopen could not ${doing} ${where}${said ? `: the system said "${said}"` : ''}; check the folder and run again.`;
    }
  }
}
