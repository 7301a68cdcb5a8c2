/**
 * Runs the real `bin/reopen` as a child process, as a user or another tool would.
 * `npm test` builds dist/ before the tests run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cases.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string>;
  /**
   * Run without root's power to override file permissions (tests running as root use it to see
   * permissions bite). Still root, so the project folder stays readable wherever it was cloned
   * (a folder from mktemp -d is readable by its owner only, so another user could not run Reopen).
   */
  withoutRootPowers?: boolean;
}

// A developer's own REOPEN_* settings must not change what the tests see.
const childEnv = (env: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('REOPEN_'))),
  NO_COLOR: '1',
  ...env,
});

export function reopen(args: string[], opts: CliOptions = {}): CliResult {
  const command = [process.execPath, join(ROOT, 'bin', 'reopen'), ...args];
  if (opts.withoutRootPowers && process.getuid?.() === 0) command.unshift('setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--');
  const r = spawnSync(command[0]!, command.slice(1), {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    input: opts.input ?? '',
    env: childEnv(opts.env),
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command, not waited for: a test can kill it part-way. Output is kept only with `pipe`. */
export function spawnReopen(args: string[], opts: Omit<CliOptions, 'input' | 'user'> & { pipe?: boolean } = {}): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'reopen'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: childEnv(opts.env),
    stdio: opts.pipe ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
}

/** Waits for a spawned command to end: its exit code, or the signal that ended it. */
export function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => done({ code, signal }));
  });
}
