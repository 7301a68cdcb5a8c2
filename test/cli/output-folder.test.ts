/**
 * The output folder is untrusted: Reopen changes only files it can prove it wrote there for this
 * case (its own manifest lists them with the SHA-256 they still have). Crash tests are in
 * output-crash.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { ended, reopen, spawnReopen, type CliResult } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'reopen-out-'));
afterAll(() => {
  chmodSync(join(tmp), 0o700);
  rmSync(tmp, { recursive: true, force: true });
});

/** Each test runs the CLI a few times; on a busy machine one run can take ten seconds. */
const SLOW = 300_000;
const HAMAMA = 'samples/cases/detained-iraqi-hamama.json'; // A-number 212047381
const OTHER = 'samples/cases/bia-dismissal-new-evidence.json'; // another person: 098765432
const generate = (file: string, out: string, ...more: string[]) => reopen(['generate', file, '--out', out, '--as-of', '2017-10-01', ...more]);

/** Every entry of a folder (hidden ones included) with the SHA-256 of each file's bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .map((e) => [e.name, e.isFile() ? createHash('sha256').update(readFileSync(join(dir, e.name))).digest('hex') : e.isDirectory() ? 'folder' : 'other'] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** A message a person can read: no error code, no stack, no hidden working path. */
function expectSentence(r: CliResult) {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^reopen generate: (Nothing was written|Reopen stopped)/);
  expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b|errno|\n\s+at |\.reopen-staging|Error:/);
}

let otherRun: string; // a completed run for another person (098765432)
beforeAll(() => {
  otherRun = join(tmp, 'other-person');
  expect(generate(OTHER, otherRun, '--format', 'docx').code).toBe(0);
}, 300_000);

const fresh = (name: string, from?: string) => {
  const dir = join(tmp, name);
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
};

describe('whose files: Reopen changes only what it can prove it wrote for this case', () => {
  it('a manifest.json that is not Reopen\'s decides nothing: the files it lists survive', () => {
    const out = fresh('foreign');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    writeFileSync(join(out, 'scan.pdf'), '%PDF-1.4 a scan');
    // Another program's manifest, naming its own files and one of the names Reopen writes.
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({ format: 'photo-tool/2', files: [{ name: 'notes.txt' }, { name: 'scan.pdf' }, { name: '212047381-motion-to-reopen.pdf' }] }),
    );
    const before = snapshot(out);

    const refused = generate(HAMAMA, out, '--format', 'docx');
    expectSentence(refused);
    expect(refused.stderr).toContain('holds files Reopen did not write (manifest.json, notes.txt, scan.pdf)');
    expect(refused.stderr).toContain('--allow-other-files');
    expect(snapshot(out)).toEqual(before);

    // Allowed: written beside them, and its manifest under a name of its own.
    const allowed = generate(HAMAMA, out, '--format', 'docx', '--allow-other-files');
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    const after = snapshot(out);
    for (const [name, hash] of Object.entries(before)) expect(after[name]).toBe(hash);
    expect(Object.keys(after).filter((n) => !(n in before))).toEqual([
      '212047381-certificate-of-interpretation.docx',
      '212047381-certificate-of-translation.docx',
      '212047381-filing-checklist.docx',
      '212047381-ice-stay-request.docx',
      '212047381-manifest.json',
      '212047381-motion-to-reopen.docx',
      '212047381-records-fbi.docx',
      '212047381-respondent-declaration.docx',
      '212047381-stay-motion-immigration-court.docx',
    ]);
    expect(JSON.parse(readFileSync(join(out, '212047381-manifest.json'), 'utf8'))).toMatchObject({ format: 'reopen.manifest/1', aNumber: '212047381' });

    // A rerun with fewer documents removes only Reopen's files the new manifest does not list.
    expect(generate(HAMAMA, out, '--format', 'docx', '--documents', 'respondent-declaration', '--allow-other-files').code).toBe(0);
    expect(snapshot(out)).toEqual({ ...before, '212047381-manifest.json': expect.any(String), '212047381-respondent-declaration.docx': after['212047381-respondent-declaration.docx'] });
  }, SLOW);

  it("Reopen's manifest for another A-number is refused, naming the A-number of the folder", () => {
    const out = fresh('other-a-number', otherRun);
    const before = snapshot(out);
    const r = generate(HAMAMA, out, '--format', 'docx');
    expectSentence(r);
    expect(r.stderr).toContain(`the output folder ${out} holds Reopen's files for another A-number, 098765432 (manifest.json); an output folder belongs to one case.`);
    expect(r.stderr).toContain('--allow-other-files');
    // Only the folder's A-number is needed to explain; this case's is not printed.
    expect(r.stderr).not.toContain('212047381');
    const json = generate(HAMAMA, out, '--format', 'docx', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).issues[0]).toMatchObject({ code: 'cannot_write', message: expect.stringContaining('another A-number, 098765432') });
    expect(snapshot(out)).toEqual(before);
  }, SLOW);

  it('an edited DOCX stops the run, named, and is left alone, even with --allow-other-files', () => {
    const out = fresh('edited');
    expect(generate(HAMAMA, out, '--format', 'docx').code).toBe(0);
    appendFileSync(join(out, '212047381-motion-to-reopen.docx'), 'the attorney was here');
    const before = snapshot(out);
    const rerun = generate(HAMAMA, out);
    expectSentence(rerun);
    expect(rerun.stderr).toContain(`${join(out, '212047381-motion-to-reopen.docx')} changed after Reopen wrote it, so Reopen will neither replace nor remove it`);
    expect(snapshot(out)).toEqual(before);
    // Not another program's file: the flag does not make Reopen replace it, nor remove it when
    // the rerun would no longer write it.
    const fewer = generate(HAMAMA, out, '--format', 'docx', '--documents', 'respondent-declaration', '--allow-other-files');
    expectSentence(fewer);
    expect(fewer.stderr).toContain('212047381-motion-to-reopen.docx changed after Reopen wrote it');
    expect(snapshot(out)).toEqual(before);
  }, SLOW);

  it('a name Reopen writes, held by a file it cannot prove it wrote, is refused even with --allow-other-files', () => {
    const out = fresh('in-the-way');
    mkdirSync(out);
    writeFileSync(join(out, '212047381-respondent-declaration.docx'), 'not from Reopen');
    const before = snapshot(out);
    const r = generate(HAMAMA, out, '--format', 'docx', '--allow-other-files');
    expectSentence(r);
    expect(r.stderr).toContain(`${join(out, '212047381-respondent-declaration.docx')} is in the way: Reopen cannot prove it wrote it`);
    expect(snapshot(out)).toEqual(before);
  }, SLOW);
});

describe('a run killed earlier does not block or litter the next', () => {
  it('sweeps a stale staging folder and a stale lock', () => {
    const out = fresh('stale');
    expect(generate(HAMAMA, out, '--format', 'docx').code).toBe(0);
    const done = snapshot(out);
    // What a run killed while writing its staging folder leaves: half a file, and its lock,
    // naming a process that has ended.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(out, `.reopen-staging-${dead}-x1y2z3`));
    writeFileSync(join(out, `.reopen-staging-${dead}-x1y2z3`, '212047381-motion-to-reopen.docx'), 'PK half');
    writeFileSync(join(out, '.reopen.lock'), JSON.stringify({ pid: dead, host: hostname(), started: null, token: 'gone' }));
    const r = generate(HAMAMA, out, '--format', 'docx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(snapshot(out)).toEqual(done);
  }, SLOW);

  it('a second run into a folder another run is writing is refused with a clear message; a killed holder does not block', async () => {
    const out = fresh('locked');
    expect(generate(HAMAMA, out, '--format', 'docx').code).toBe(0);
    const done = snapshot(out);
    // A run that holds the folder's lock and stops there (the write step of the library, paused).
    const holderScript = join(tmp, 'hold-lock.mjs');
    writeFileSync(
      holderScript,
      `const { writeOutput } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'io', 'write-output.js')).href)});
       const manifest = Buffer.from(JSON.stringify({ format: 'reopen.manifest/1', aNumber: '212047381', files: [] }));
       await writeOutput(process.argv[2], [{ name: 'manifest.json', bytes: manifest }], {
         onStep: (s) => { if (s === 'locked') { process.stdout.write('locked\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000); } },
       });`,
    );
    const holder = spawn(process.execPath, [holderScript, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ready) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && ready()));
    try {
      const second = generate(HAMAMA, out, '--format', 'docx');
      expectSentence(second);
      expect(second.stderr).toContain(`another Reopen run (process ${holder.pid}) is writing into ${out}; wait for it to finish and run again.`);
      expect(snapshot(out)).toEqual({ ...done, '.reopen.lock': expect.any(String) });
    } finally {
      holder.kill('SIGKILL');
      await ended(holder);
    }
    const after = generate(HAMAMA, out, '--format', 'docx');
    expect(after.code).toBe(0);
    expect(snapshot(out)).toEqual(done);
  }, SLOW);

  it('two runs started together: each finishes or is refused with the lock message; the folder is whole', async () => {
    const out = fresh('together');
    const run = async () => {
      const child = spawnReopen(['generate', HAMAMA, '--out', out, '--as-of', '2017-10-01', '--format', 'docx'], { pipe: true });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout!.resume();
      await new Promise((closed) => child.once('close', closed));
      return { code: child.exitCode, stderr };
    };
    const results = await Promise.all([run(), run()]);
    expect(results.some((r) => r.code === 0)).toBe(true);
    for (const r of results) if (r.code !== 0) expect([r.code, /another Reopen run .*is .*writing into/.test(r.stderr)]).toEqual([2, true]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    expect(readdirSync(out).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
    for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(out, f.name))).digest('hex')).toBe(f.sha256);
  }, SLOW);
});

describe('where the folder is', () => {
  it('a symlinked --out works, and a link to nothing is a sentence', () => {
    const real = fresh('real-folder');
    mkdirSync(real);
    const link = join(tmp, 'linked-folder');
    symlinkSync(real, link, 'dir');
    expect(generate(HAMAMA, link, '--format', 'docx').code).toBe(0);
    expect(readdirSync(real)).toContain('212047381-motion-to-reopen.docx');
    expect(generate(HAMAMA, link, '--format', 'docx', '--documents', 'respondent-declaration').code).toBe(0);
    expect(readdirSync(real).sort()).toEqual(['212047381-respondent-declaration.docx', 'manifest.json']);
    const dangling = join(tmp, 'dangling-link');
    symlinkSync(join(tmp, 'no-such-folder'), dangling, 'dir');
    const r = generate(HAMAMA, dangling, '--format', 'docx');
    expectSentence(r);
    expect(r.stderr).toContain(`the output folder ${dangling} is a link to a folder that does not exist`);
  }, SLOW);

  it('/proc-like paths: a sentence and exit 2, never a hang', () => {
    // Node's own recursive mkdir loops for ever under /proc; the spawn's timeout would catch it.
    const inside = generate(HAMAMA, '/proc/reopen-test/out', '--format', 'docx');
    expectSentence(inside);
    expect(inside.stderr).toContain('/proc/reopen-test/out');
    const itself = generate(HAMAMA, '/proc/self', '--format', 'docx', '--json');
    expect(itself.code).toBe(2);
    const message = JSON.parse(itself.stdout).issues[0].message as string;
    expect(message).toMatch(/^Nothing was written: \/proc\/self /);
    expect(message).not.toMatch(/\bE[A-Z]{3,}\b|errno|\.reopen/);
  }, SLOW);

  it('a folder Reopen may not write in, or a file in the path: a sentence and exit 2', () => {
    const locked = fresh('read-only');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // Permissions do not bite root: the command runs without root's override of them.
    const r = reopen(['generate', HAMAMA, '--out', locked, '--as-of', '2017-10-01', '--format', 'docx'], { withoutRootPowers: true });
    expectSentence(r);
    expect(r.stderr).toContain(`Reopen is not allowed to write in ${locked} (permission denied)`);
    expect(readdirSync(locked)).toEqual([]);

    const file = join(tmp, 'plain-file');
    writeFileSync(file, 'x');
    const under = generate(HAMAMA, join(file, 'out'), '--format', 'docx');
    expectSentence(under);
    expect(under.stderr).toContain(`a part of the path ${join(file, 'out')} is a file, not a folder`);
    expect(existsSync(join(file, 'out'))).toBe(false);
  }, SLOW);
});
