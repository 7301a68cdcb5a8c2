/**
 * The server's figures for `npm run bench`, measured in the same run with autocannon on 127.0.0.1:
 * autosave latency (PUT /api/v1/drafts/:id, each of 50 connections saving its own draft in turn)
 * on an idle server, then while packets render. The aim: rendering never blocks saves, so the p99
 * while rendering stays within 2x of idle.
 *
 * The server runs as its own process (`reopen serve`), as in use, so the load generator does not
 * share its thread.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/io/package-root.js';

const CONNECTIONS = 50;
const SECONDS = 10;
/**
 * Saves a second across all connections: five per client, far more often than an interview
 * autosaves, but below what the disk's flushes allow (about 500 a second here), so the figures
 * show how long a save waits, not how long a queue of saves grows at saturation.
 */
const SAVES_PER_SECOND = 250;

async function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, REOPEN_DATA_DIR: dataDir, REOPEN_RATE_LIMIT: '1000000', REOPEN_PACKET_RATE_LIMIT: '100000', REOPEN_LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'reopen'), 'serve', '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let seen = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`reopen serve ended: ${seen}`)));
  });
  return { child, url };
}

function token(dataDir: string): string {
  const out = execFileSync(process.execPath, [join(packageRoot(), 'bin', 'reopen'), 'tokens', 'create', '--org', 'Bench Clinic'], {
    env: { ...process.env, REOPEN_DATA_DIR: dataDir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.trim().split(/\s+/).at(-1)!;
}

interface Latency {
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  codes: string[];
}

async function autosaves(url: string, auth: string, drafts: string[], caseValue: unknown): Promise<Latency> {
  let next = 0;
  // autocannon starts each connection's context afresh when its list of requests wraps around, so
  // the list is longer than any connection gets through: each connection keeps its draft and rev.
  const save = {
    setupRequest: (req: any, context: any) => {
      if (context.id === undefined) {
        context.id = drafts[next++ % drafts.length];
        context.rev = 1;
      }
      return {
        ...req,
        method: 'PUT',
        path: `/api/v1/drafts/${context.id}`,
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ rev: context.rev, case: caseValue }),
      };
    },
    onResponse: (status: number, body: string, context: any) => {
      // A conflict (another connection's save of a shared draft, or a save that raced) carries the current rev.
      if (status === 200 || status === 409) context.rev = JSON.parse(body).rev;
    },
  };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    connectionRate: SAVES_PER_SECOND / CONNECTIONS,
    requests: Array.from({ length: 1000 }, () => save),
  } as any);
  const codes = Object.entries((result as any).statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, v]: [string, any]) => `${v.count} × ${code}`);
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: result.non2xx + result.errors, codes: [...codes, ...(result.errors ? [`${result.errors} errors`] : [])] };
}

export async function benchServer(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reopen-bench-'));
  const sample = JSON.parse(readFileSync(join(packageRoot(), 'samples', 'cases', 'detained-iraqi-hamama.json'), 'utf8')) as Record<string, any>;
  for (const e of sample['motion'].evidence) delete e.file;
  const auth = `Bearer ${token(dataDir)}`;
  const { child, url } = await serve(dataDir);
  try {
    const post = async (path: string, body: unknown) => {
      const r = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: await r.arrayBuffer() };
    };
    const newDrafts = async () => {
      const ids: string[] = [];
      for (let i = 0; i < CONNECTIONS; i++) ids.push(JSON.parse(Buffer.from((await post('/api/v1/drafts', { case: sample })).body).toString()).id);
      return ids;
    };
    const drafts = await newDrafts();
    const idle = await autosaves(url, auth, drafts, sample);

    // Packets render back to back (two clients keep the pool busy) while the saves run.
    let rendering = true;
    let packets = 0;
    const renderer = async () => {
      while (rendering) {
        const r = await post(`/api/v1/drafts/${drafts[0]}/packets?asOf=2017-10-01`, {});
        if (r.status === 200) packets++;
      }
    };
    const renderers = [renderer(), renderer()];
    await new Promise((r) => setTimeout(r, 1000));
    const busy = await autosaves(url, auth, await newDrafts(), sample);
    rendering = false;
    await Promise.all(renderers);

    const row = (name: string, l: Latency) =>
      console.log(`  ${name.padEnd(34)} p50 ${String(l.p50).padStart(4)} ms, p99 ${String(l.p99).padStart(4)} ms  (${l.requests} saves${l.errors ? `; not 2xx: ${l.codes.join(', ')}` : ', all 2xx'})`);
    console.log(`\nServer: autosave latency, ${CONNECTIONS} connections, ${SAVES_PER_SECOND} saves/s for ${SECONDS} s each (autocannon, 127.0.0.1)`);
    row('idle', idle);
    row(`while packets render (${packets} made)`, busy);
    console.log(`  p99 ratio, rendering to idle: ${(busy.p99 / Math.max(1, idle.p99)).toFixed(2)}x (aim <= 2x)`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
