/**
 * Writing generated files so that a failed run leaves nothing that looks complete: every file is
 * written into a hidden staging folder inside the output folder and renamed into place only when
 * all of them are written; the staging folder is removed whatever happens.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export async function writeAtomically(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.reopen-staging-'));
  try {
    for (const f of files) {
      if (f.name.includes('/') || f.name.includes('\\') || f.name.startsWith('.')) throw new Error(`refusing to write an unsafe file name: ${f.name}`);
      await writeFile(join(staging, f.name), f.bytes);
    }
    const written: string[] = [];
    for (const f of files) {
      await rename(join(staging, f.name), join(dir, f.name));
      written.push(join(dir, f.name));
    }
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
