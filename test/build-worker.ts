/**
 * Vitest global setup: exhibit PDFs are read by a child process that runs the compiled worker
 * (dist/src/packet/exhibit-worker.js), and the server renders packets in worker threads that run
 * dist/server/generate-worker.js, since Node cannot run the TypeScript sources. `npm test` builds
 * first; a single test file run after editing a source builds here, so a test never runs against
 * a stale worker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BUILT = [join(ROOT, 'dist', 'src', 'packet', 'exhibit-worker.js'), join(ROOT, 'dist', 'server', 'generate-worker.js')];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const sources = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'server')));
  const stale = BUILT.some((built) => !existsSync(built) || statSync(built).mtimeMs < sources);
  // tsc writes its output even when some other file has a type error; that is reported by `npm test`.
  if (stale) {
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
    } catch {
      // type errors elsewhere: the workers were still written
    }
  }
}
