/**
 * Durability: `reopen serve` is killed with SIGKILL, again and again, while many clients save at
 * once. Every save the server acknowledged is in the database afterwards, byte for byte as sent,
 * and SQLite's integrity check passes. Also `reopen tokens create` from the command line.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDataStore } from '../../server/main.js';
import { DATABASE_FILE } from '../../src/index.js';
import { ended, reopen, spawnReopen } from '../helpers/cli.js';
import { call } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'reopen-durable-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { REOPEN_DATA_DIR: dataDir, REOPEN_RATE_LIMIT: '1000000', REOPEN_LOG_LEVEL: 'warn' };

/** Starts `reopen serve --port 0` and waits for the address it prints. */
async function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnReopen(['serve', '--port', '0'], { env, pipe: true });
  let seen = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`the server ended: ${seen}`)));
  });
  child.stdout!.resume();
  return { child, url };
}

interface Ack {
  id: string;
  rev: number;
  value: unknown;
}

describe('reopen serve killed during concurrent saves', () => {
  it('keeps every acknowledged save, as sent, through repeated SIGKILLs; the database stays sound', async () => {
    const t = reopen(['tokens', 'create', '--org', 'Durable Clinic'], { env });
    expect(t.code).toBe(0);
    const token = t.stdout.trim().split(/\s+/).at(-1)!;
    expect(token).toMatch(/^rpn_[A-Za-z0-9_-]{43}$/);
    expect(t.stderr).toContain('Created the organization "Durable Clinic"');

    const CLIENTS = 24;
    const ROUNDS = 5;
    const acked: Ack[] = [];
    const drafts: { id: string; rev: number }[] = [];
    let kills = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await serve();
      // After a restart each client reads where its draft is: an unacknowledged save may or may not have landed.
      for (const d of drafts) {
        const r = await call(url, 'GET', `/api/v1/drafts/${d.id}`, { token });
        expect(r.status).toBe(200);
        expect(r.json.rev).toBeGreaterThanOrEqual(d.rev);
        d.rev = r.json.rev;
      }
      let stop = false;
      const client = async (k: number) => {
        for (let n = 0; !stop; n++) {
          const value = { format: 'reopen.case/1', client: k, round, n, note: `save ${n} of client ${k} in round ${round}`.repeat(3) };
          try {
            if (drafts[k] === undefined) {
              const r = await call(url, 'POST', '/api/v1/drafts', { token, body: { case: value } });
              if (r.status !== 201) throw new Error(`create: ${r.status}`);
              drafts[k] = { id: r.json.id, rev: 1 };
              acked.push({ id: r.json.id, rev: 1, value });
            } else {
              const d = drafts[k]!;
              const r = await call(url, 'PUT', `/api/v1/drafts/${d.id}`, { token, body: { rev: d.rev, case: value } });
              if (r.status !== 200) throw new Error(`save: ${r.status} ${r.text}`);
              d.rev = r.json.rev;
              acked.push({ id: d.id, rev: r.json.rev, value });
            }
          } catch (err) {
            if (stop) return;
            throw err;
          }
        }
      };
      const running = Array.from({ length: CLIENTS }, (_, k) => client(k).catch((err) => (stop ? undefined : Promise.reject(err))));
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
      stop = true;
      child.kill('SIGKILL');
      kills++;
      await ended(child);
      await Promise.all(running);
    }

    console.log(`durability: ${kills} SIGKILLs, ${acked.length} acknowledged saves from ${CLIENTS} clients`);
    expect(kills).toBe(ROUNDS);
    expect(acked.length).toBeGreaterThan(CLIENTS * ROUNDS);
    const db = new Database(join(dataDir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const { store } = openDataStore(dataDir, {});
    try {
      const org = await store.ensureOrganization('Durable Clinic');
      const p = { orgId: org.id, role: 'attorney' as const, actor: 'test' };
      for (const a of acked) expect(await store.getRevision(p, a.id, a.rev)).toEqual(a.value);
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('reopen serve stopped with SIGTERM', () => {
  it('finishes the saves in flight, refuses new ones, closes the store and exits 0', async () => {
    const t = reopen(['tokens', 'create', '--org', 'Graceful Clinic', '--role', 'intern'], { env });
    const token = t.stdout.trim().split(/\s+/).at(-1)!;
    const { child, url } = await serve();
    const id = (await call(url, 'POST', '/api/v1/drafts', { token, body: { case: { n: 0 } } })).json.id as string;
    let rev = 1;
    const acked: number[] = [];
    let stop = false;
    const saving = (async () => {
      while (!stop) {
        try {
          const r = await call(url, 'PUT', `/api/v1/drafts/${id}`, { token, body: { rev, case: { n: rev } } });
          if (r.status === 200) {
            rev = r.json.rev;
            acked.push(rev);
          } else {
            expect(r.status).toBe(503);
            expect(r.json.issues[0].code).toBe('server_busy');
          }
        } catch {
          return; // the server has closed
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGTERM');
    const exit = await ended(child);
    stop = true;
    await saving;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(acked.length).toBeGreaterThan(0);
    const { store } = openDataStore(dataDir, {});
    try {
      const org = await store.ensureOrganization('Graceful Clinic');
      const draft = await store.getDraft({ orgId: org.id, role: 'intern', actor: 'test' }, id);
      expect(draft?.rev).toBe(acked.at(-1));
      expect(draft?.case).toEqual({ n: acked.at(-1)! - 1 });
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('reopen serve refuses to start beside another server', () => {
  it('on the same data folder, or on a port in use: exit 2 with one sentence, the first server unharmed', async () => {
    const { child, url } = await serve();
    try {
      const port = new URL(url).port;
      const same = reopen(['serve', '--port', '0'], { env });
      expect(same.code).toBe(2);
      expect(same.stderr).toMatch(/another Reopen server \(process \d+\) is using the data folder/);
      expect(same.stderr).not.toContain('serving at');
      const other = mkdtempSync(join(tmpdir(), 'reopen-durable-other-'));
      try {
        const taken = reopen(['serve', '--port', port], { env: { ...env, REOPEN_DATA_DIR: other } });
        expect(taken.code).toBe(2);
        expect(taken.stderr).toContain('the port is in use; choose another with --port');
        expect(taken.stderr).not.toContain('serving at');
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
      expect((await call(url, 'GET', '/healthz')).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await ended(child);
    }
  }, 60_000);
});
