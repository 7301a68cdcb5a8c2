/**
 * Writing a generate run's files so that a failed run leaves nothing that looks complete:
 *
 * - everything that could stop the run is checked before anything is replaced (the output
 *   folder is a folder, no target name is taken by a folder);
 * - every file is written into a hidden staging folder inside the output folder, then renamed
 *   into place, manifest.json last, so a manifest only ever describes files that are there;
 * - files an earlier run listed in its manifest.json that this run does not write are removed,
 *   so an old PDF never sits beside a new manifest that does not mention it;
 * - the staging folder is removed whatever happens.
 */
import { lstat, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export class OutputError extends Error {}

const MANIFEST = 'manifest.json';
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function kind(path: string): Promise<'missing' | 'file' | 'folder' | 'other'> {
  try {
    const s = await lstat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

/** Names of the files an earlier run wrote here, from its manifest; none if there is no readable one. */
async function previousFiles(dir: string): Promise<string[]> {
  try {
    const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { files?: { name?: unknown }[] };
    return (m.files ?? []).map((f) => f.name).filter((n): n is string => typeof n === 'string' && SAFE_NAME.test(n));
  } catch {
    return [];
  }
}

export async function writeOutput(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const where = await kind(dir);
  if (where === 'file' || where === 'other') throw new OutputError(`the output folder ${dir} is a file, not a folder; choose another --out.`);
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    if (!SAFE_NAME.test(f.name)) throw new OutputError(`refusing to write the unsafe file name "${f.name}".`);
    const target = await kind(join(dir, f.name));
    if (target === 'folder' || target === 'other') {
      throw new OutputError(`${join(dir, f.name)} exists and is not a file, so it cannot be replaced; move it away and run again.`);
    }
  }
  const stale = (await previousFiles(dir)).filter((name) => !files.some((f) => f.name === name));
  const ordered = [...files.filter((f) => f.name !== MANIFEST), ...files.filter((f) => f.name === MANIFEST)];
  const staging = await mkdtemp(join(dir, '.reopen-staging-'));
  try {
    for (const f of ordered) await writeFile(join(staging, f.name), f.bytes);
    // An old manifest must not outlive the files it describes: it goes first.
    await rm(join(dir, MANIFEST), { force: true });
    for (const name of stale) if ((await kind(join(dir, name))) === 'file') await rm(join(dir, name));
    const written: string[] = [];
    for (const f of ordered) {
      await rename(join(staging, f.name), join(dir, f.name));
      written.push(join(dir, f.name));
    }
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
