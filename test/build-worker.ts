/**
 * Vitest global setup: exhibit PDFs are read by a child process that runs the compiled worker
 * (dist/src/packet/exhibit-worker.js), since Node cannot run the TypeScript sources. `npm test`
 * builds first; a single test file run after editing the worker's sources builds here, so a test
 * never runs against a stale worker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = ['exhibit-worker', 'exhibit-sanitize', 'exhibit-limits', 'exhibit-frames', 'pdf-budget', 'text-layer'];

export default function setup(): void {
  const stale = SOURCES.some((name) => {
    const built = join(ROOT, 'dist', 'src', 'packet', `${name}.js`);
    return !existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, 'src', 'packet', `${name}.ts`)).mtimeMs;
  });
  // tsc writes its output even when some other file has a type error; that is reported by `npm test`.
  if (stale) {
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
    } catch {
      // type errors elsewhere: the worker was still written
    }
  }
}
