/**
 * Case folders for tests that read exhibit files: a temporary folder holding the samples' exhibit
 * PDFs and the files a test adds, removed when the test file ends.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './cases.js';

export const SAMPLES_DIR = join(ROOT, 'samples', 'cases');

/**
 * A function that makes case folders in a temporary directory, each with the samples' exhibits
 * and the files given (path relative to the folder -> content). Call it at the top of a test
 * file: the folders it makes are removed after the file's tests.
 */
export function caseFolders(prefix: string): (files: Record<string, Uint8Array | string>) => string {
  const folders: string[] = [];
  afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), `reopen-${prefix}-`));
    folders.push(dir);
    cpSync(join(SAMPLES_DIR, 'exhibits'), join(dir, 'exhibits'), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    return dir;
  };
}
