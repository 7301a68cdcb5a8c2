/**
 * A run killed at any moment, then run again, ends with exactly the files one uninterrupted run
 * writes, and no staging folder or lock. The folder holds another person's earlier run throughout
 * (so every run passes --allow-other-files): that person's files must survive every kill and every
 * rerun byte for byte. "Exactly the rerun's files" therefore means: the other person's files as
 * they were, plus exactly the files of an uninterrupted run, nothing else.
 *
 * Two kinds of kill: at every step of the write, in turn (the library's onStep hook kills its own
 * process there, so no step is missed), and SIGKILL of the real `reopen generate` at random moments.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { ended, reopen, spawnReopen } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'reopen-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HAMAMA = 'samples/cases/detained-iraqi-hamama.json'; // A-number 212047381
const OTHER = 'samples/cases/bia-dismissal-new-evidence.json'; // another person: 098765432
const AS_OF = ['--as-of', '2017-10-01'];

type Snapshot = Record<string, string>;
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
function snapshot(dir: string): Snapshot {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .map((e) => [e.name, e.isFile() ? hash(readFileSync(join(dir, e.name))) : e.isDirectory() ? 'folder' : 'other'] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
const pick = (s: Snapshot, keep: (name: string) => boolean) => Object.fromEntries(Object.entries(s).filter(([n]) => keep(n)));
const internal = (name: string) => name.startsWith('.reopen');

/** The folder after a finished run: the other person's files as they were, plus exactly `ours`. */
function expectWhole(dir: string, other: Snapshot, ours: Snapshot) {
  const now = snapshot(dir);
  expect(now).toEqual({ ...other, ...ours }); // no staging folder, no lock, nothing else
  const manifest = JSON.parse(readFileSync(join(dir, '212047381-manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
  for (const f of manifest.files) expect(now[f.name]).toBe(f.sha256);
}

let other: string; // the other person's finished run (its manifest.json is theirs)
let otherFiles: Snapshot;
const sources: Record<'full' | 'docx', string> = { full: '', docx: '' };
const expected: Record<'full' | 'docx', Snapshot> = { full: {}, docx: {} };
let fullRunMs = 0;

beforeAll(() => {
  other = join(tmp, 'other');
  expect(reopen(['generate', OTHER, '--out', other, ...AS_OF]).code).toBe(0);
  otherFiles = snapshot(other);
  for (const kind of ['full', 'docx'] as const) {
    // What one uninterrupted run writes beside the other person's files.
    const ref = join(tmp, `reference-${kind}`);
    cpSync(other, ref, { recursive: true });
    const started = Date.now();
    const r = reopen(['generate', HAMAMA, '--out', ref, ...AS_OF, '--allow-other-files', ...(kind === 'docx' ? ['--format', 'docx'] : [])]);
    if (kind === 'full') fullRunMs = Date.now() - started;
    expect(r.code).toBe(0);
    const all = snapshot(ref);
    expect(pick(all, (n) => n in otherFiles)).toEqual(otherFiles);
    expected[kind] = pick(all, (n) => !(n in otherFiles));
    // The same files as a plain source folder, for the library-level runs below.
    sources[kind] = join(tmp, `source-${kind}`);
    cpSync(ref, sources[kind], { recursive: true, filter: (src) => src === ref || !(src.slice(ref.length + 1) in otherFiles) });
  }
  expect(Object.keys(expected.full)).toContain('212047381-manifest.json');
}, 600_000);

describe('killed at every step of the write, then run again', () => {
  // Writes a source folder's files with writeOutput; with a step number, kills itself right after
  // that step (SIGKILL: no cleanup runs). Prints the steps it went through.
  const script = join(tmp, 'write.mjs');
  beforeAll(() => {
    writeFileSync(
      script,
      `import { readdirSync, readFileSync } from 'node:fs';
       import { join } from 'node:path';
       const { writeOutput } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'io', 'write-output.js')).href)});
       const [source, out, killAt] = process.argv.slice(2);
       const files = readdirSync(source).map((name) => ({ name: name === '212047381-manifest.json' ? 'manifest.json' : name, bytes: readFileSync(join(source, name)) }));
       const steps = [];
       await writeOutput(out, files, { allowOtherFiles: true, onStep: (s) => { steps.push(s); if (steps.length === Number(killAt)) process.kill(process.pid, 'SIGKILL'); } });
       process.stdout.write(JSON.stringify(steps));`,
    );
  });
  const write = async (source: string, out: string, killAt = 0) => {
    const child = spawn(process.execPath, [script, source, out, String(killAt)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const end = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('close', (code, signal) => done({ code, signal })));
    return { ...end, steps: stdout ? (JSON.parse(stdout) as string[]) : [] };
  };

  const cases: [string, 'full' | 'docx', 'full' | 'docx'][] = [
    ['fewer files (removals)', 'full', 'docx'],
    ['more files (additions)', 'docx', 'full'],
  ];
  for (const [title, from, to] of cases) {
    it(`${title}: every kill point recovers, and a second kill during the recovery too`, async () => {
      const start = join(tmp, `start-${from}`);
      if (!existsSync(start)) {
        cpSync(other, start, { recursive: true });
        expect((await write(sources[from], start)).code).toBe(0);
        expectWhole(start, otherFiles, expected[from]);
      }
      const probe = join(tmp, `probe-${from}-${to}`);
      cpSync(start, probe, { recursive: true });
      const { steps } = await write(sources[to], probe);
      expect(steps[0]).toBe('locked');
      expect(steps).toContain('manifest');
      for (let k = 1; k <= steps.length; k++) {
        const dir = join(tmp, `kill-${from}-${to}-${k}`);
        cpSync(start, dir, { recursive: true });
        expect((await write(sources[to], dir, k)).signal).toBe('SIGKILL');
        expect(pick(snapshot(dir), (n) => n in otherFiles)).toEqual(otherFiles);
        // Half the time the recovery is itself killed, after a random step, with the other target.
        if (k % 2 === 0) {
          const j = 1 + Math.floor(Math.random() * steps.length);
          await write(sources[from], dir, j);
          expect(pick(snapshot(dir), (n) => n in otherFiles)).toEqual(otherFiles);
        }
        const rerun = await write(sources[to], dir);
        expect([k, steps[k - 1], rerun.code]).toEqual([k, steps[k - 1], 0]);
        expectWhole(dir, otherFiles, expected[to]);
        rmSync(dir, { recursive: true, force: true });
      }
    }, 600_000);
  }
});

describe('reopen generate killed at random moments', () => {
  it('at least 30 SIGKILLs; after a rerun the folder holds the other person\'s files as they were plus exactly the rerun\'s files', async () => {
    const started = Date.now();
    const out = join(tmp, 'random-kills');
    cpSync(other, out, { recursive: true });
    const lock = join(out, '.reopen.lock');
    const variants = [[], ['--format', 'docx'], ['--documents', 'respondent-declaration']];
    let kills = 0;
    let midWrite = 0; // kills that left a staging folder or a lock: the write was under way
    let reruns = 0;
    for (let i = 0; kills < 30 && i < 90; i++) {
      const variant = variants[i % variants.length]!;
      const child = spawnReopen(['generate', HAMAMA, '--out', out, ...AS_OF, '--allow-other-files', ...variant]);
      if (i % 3 === 0) {
        // Any moment of the run: reading, rendering, writing.
        await new Promise((r) => setTimeout(r, Math.random() * fullRunMs));
      } else {
        // A moment of the write: once this run holds the lock (not a killed run's stale one).
        const holds = () => {
          try {
            return (JSON.parse(readFileSync(lock, 'utf8')) as { pid?: number }).pid === child.pid;
          } catch {
            return false;
          }
        };
        while (child.exitCode === null && !holds()) await new Promise((r) => setTimeout(r, 1));
        await new Promise((r) => setTimeout(r, Math.random() * 150));
      }
      child.kill('SIGKILL');
      const end = await ended(child);
      if (end.signal !== 'SIGKILL') {
        expect(end.code).toBe(0); // it finished before the kill
      } else {
        kills++;
        if (readdirSync(out).some(internal)) midWrite++;
      }
      // The other person's files survive every kill, byte for byte.
      expect(pick(snapshot(out), (n) => n in otherFiles)).toEqual(otherFiles);
      if (i % 4 === 3) {
        reruns++;
        const r = reopen(['generate', HAMAMA, '--out', out, ...AS_OF, '--allow-other-files']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expectWhole(out, otherFiles, expected.full);
      }
    }
    const r = reopen(['generate', HAMAMA, '--out', out, ...AS_OF, '--allow-other-files']);
    expect(r.code).toBe(0);
    expectWhole(out, otherFiles, expected.full);
    expect(kills).toBeGreaterThanOrEqual(30);
    // Not a vacuous test: some kills landed while the folder was being written.
    expect(midWrite).toBeGreaterThanOrEqual(5);
    console.info(`random kills: ${kills} kills (${midWrite} mid-write), ${reruns + 1} reruns, ${Math.round((Date.now() - started) / 1000)} s`);
  }, 1_800_000);
});
