/**
 * A real Reopen server for tests: createApp on a real SQLite file in a temporary data folder, a
 * real packet worker pool, listening on 127.0.0.1 on a free port; logs go to a file the test can
 * read byte for byte. `api()` sends requests with a token, as a client would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { workerPool } from '../../server/generation.js';
import type { Limits } from '../../server/limits.js';
import { openDataStore } from '../../server/main.js';
import type { Role, Store } from '../../src/index.js';

export interface TestServer {
  url: string;
  dataDir: string;
  logFile: string;
  store: Store;
  /** A new token of a new (or the named) organization. */
  token(org: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { limits?: Partial<Limits>; today?: string } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reopen-server-'));
  const logFile = join(dataDir, 'server.log');
  const { store } = openDataStore(dataDir, {});
  const generator = workerPool({ threads: 1 });
  const log = pino({ base: null }, pino.destination({ dest: logFile, sync: true }));
  const app = createApp({ store, generator, log, today: () => opts.today ?? '2017-10-01', limits: { requestsPerMinute: 100_000, packetsPerMinute: 1000, ...opts.limits } });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    logFile,
    store,
    async token(org, role = 'attorney') {
      const o = await store.ensureOrganization(org);
      return (await store.createToken(o.id, role)).token;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await generator.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  json: any;
  bytes: Uint8Array;
  text: string;
}

/** One request; `body` objects are sent as JSON. */
export async function call(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string | Uint8Array | FormData; type?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  } else if (opts.raw !== undefined) {
    body = opts.raw as BodyInit;
    if (opts.type) headers['content-type'] = opts.type;
  }
  const res = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = Buffer.from(bytes).toString('utf8');
  let json: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text);
  return { status: res.status, headers: res.headers, json, bytes, text };
}
