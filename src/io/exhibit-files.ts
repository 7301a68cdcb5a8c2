/**
 * Reading exhibit files named by `motion.evidence[].file`, relative to the case file's folder.
 * A path that leaves that folder, directly or through a symbolic link, is refused, and so is
 * anything that is not a regular file or is implausibly large: a case file must not be able to
 * pull in arbitrary files from the machine (the server will read case files people upload).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export class ExhibitFileError extends Error {
  constructor(
    readonly reason: 'not_found' | 'unreadable' | 'outside_case_folder' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export type ExhibitReader = (file: string) => Promise<Uint8Array>;

/** Far above any exhibit a court accepts (ECAS takes 25 MB a file), low enough to protect memory. */
export const MAX_EXHIBIT_BYTES = 500 * 1000 * 1000;

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

export function exhibitReader(caseFolder: string): ExhibitReader {
  const folder = resolve(caseFolder);
  return async (file) => {
    if (isAbsolute(file) || !inside(folder, resolve(folder, file))) {
      throw new ExhibitFileError('outside_case_folder', 'it is not inside the folder of the case file');
    }
    let real: string;
    try {
      real = await realpath(resolve(folder, file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ExhibitFileError('not_found', 'there is no such file next to the case file');
      throw new ExhibitFileError('unreadable', code === 'EACCES' ? 'permission denied' : `it cannot be opened (${code ?? 'unknown error'})`);
    }
    // A link may not lead out of the case folder.
    if (!inside(await realpath(folder), real)) throw new ExhibitFileError('outside_case_folder', 'it links to a file outside the folder of the case file');
    const info = await stat(real);
    if (!info.isFile()) throw new ExhibitFileError('unreadable', 'it is not a regular file');
    if (info.size > MAX_EXHIBIT_BYTES) throw new ExhibitFileError('too_large', `it is ${Math.round(info.size / 1e6)} MB, more than any filing can hold`);
    try {
      return await readFile(real);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ExhibitFileError('unreadable', code === 'EACCES' ? 'permission denied' : `it cannot be read (${code ?? 'unknown error'})`);
    }
  };
}
