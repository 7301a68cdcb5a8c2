/**
 * Reading exhibit files named by `motion.evidence[].file`, relative to the case file's folder.
 * A path that leaves that folder is refused: a case file must not be able to pull in arbitrary
 * files from the machine (the server reads case files people upload).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

export class ExhibitFileError extends Error {
  constructor(
    readonly reason: 'not_found' | 'unreadable' | 'outside_case_folder',
    message: string,
  ) {
    super(message);
  }
}

export type ExhibitReader = (file: string) => Promise<Uint8Array>;

export function exhibitReader(caseFolder: string): ExhibitReader {
  const root = resolve(caseFolder);
  return async (file) => {
    const full = resolve(root, file);
    const rel = relative(root, full);
    if (isAbsolute(file) || rel.startsWith('..') || isAbsolute(rel)) {
      throw new ExhibitFileError('outside_case_folder', 'it is not inside the folder of the case file');
    }
    try {
      return await readFile(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ExhibitFileError('not_found', 'there is no such file next to the case file');
      if (code === 'EISDIR') throw new ExhibitFileError('unreadable', 'it is a folder, not a file');
      throw new ExhibitFileError('unreadable', code === 'EACCES' ? 'permission denied' : (err as Error).message);
    }
  };
}
