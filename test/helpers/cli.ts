/**
 * Runs the real `bin/reopen` as a child process, as a user or another tool would.
 * `npm test` builds dist/ before the tests run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cases.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function reopen(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'reopen'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    input: opts.input ?? '',
    // A developer's own REOPEN_* settings must not change what the tests see.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('REOPEN_'))), NO_COLOR: '1', ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
