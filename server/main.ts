/**
 * Starting and stopping the server: configuration from the environment, the data folder, the
 * store, the packet workers, listening, and a graceful shutdown on SIGTERM or SIGINT that stops
 * taking requests, lets the ones in flight (saves included) finish, then closes the store.
 *
 * Configuration (all optional):
 *   REOPEN_DATA_DIR     the data folder (default: data/ in the project folder)
 *   REOPEN_SECRET_KEY   the key case data is sealed with (default: data/secret.key, made on first start)
 *   REOPEN_HOST         the address to listen on (default 127.0.0.1)
 *   REOPEN_PORT         the port (default 8080; `reopen serve --port N` overrides)
 *   REOPEN_TRUST_PROXY  Express's "trust proxy" (e.g. 1, or loopback) when behind an HTTPS proxy
 *   REOPEN_WORKERS      packet rendering threads (default 1)
 *   REOPEN_LOG_LEVEL    pino level (default info)
 *   REOPEN_ADMIN_EMAIL, REOPEN_ADMIN_PASSWORD, REOPEN_ADMIN_ORG   the first administrator of the web interview
 */
import { mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { DATABASE_FILE, loadServerKey, localToday, openSqliteStore, type Store } from '../src/index.js';
import { packageRoot } from '../src/io/package-root.js';
import { createApp } from './app.js';
import { lockDataFolder } from './data-lock.js';
import { ensureFirstAdmin } from './web/auth.js';
import { workerPool, type Generator } from './generation.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export interface ServerConfig {
  dataDir: string;
  host: string;
  port: number;
  trustProxy: boolean | number | string;
  workers: number;
  logLevel: string;
  limits: Limits;
}

export class ConfigError extends Error {}
export { DataFolderBusyError } from './data-lock.js';

/** The data folder: REOPEN_DATA_DIR, or data/ in the project folder. */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return env['REOPEN_DATA_DIR'] || join(packageRoot(), 'data');
}

const whole = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${v}".`);
  return n;
};

/** Reads the configuration; throws ConfigError naming the variable that is wrong. */
export function readConfig(env: NodeJS.ProcessEnv, port?: number): ServerConfig {
  const proxy = env['REOPEN_TRUST_PROXY'];
  const trustProxy = proxy === undefined || proxy === '' || proxy === 'false' ? false : proxy === 'true' ? true : /^\d+$/.test(proxy) ? Number(proxy) : proxy;
  return {
    dataDir: dataDirOf(env),
    host: env['REOPEN_HOST'] || '127.0.0.1',
    port: port ?? whole(env, 'REOPEN_PORT', 8080, 0, 65535),
    trustProxy,
    workers: whole(env, 'REOPEN_WORKERS', 1, 1, 64),
    logLevel: env['REOPEN_LOG_LEVEL'] || 'info',
    limits: {
      ...DEFAULT_LIMITS,
      requestsPerMinute: whole(env, 'REOPEN_RATE_LIMIT', DEFAULT_LIMITS.requestsPerMinute, 1, 1_000_000),
      packetsPerMinute: whole(env, 'REOPEN_PACKET_RATE_LIMIT', DEFAULT_LIMITS.packetsPerMinute, 1, 100_000),
      exhibitBytes: whole(env, 'REOPEN_MAX_EXHIBIT_MB', DEFAULT_LIMITS.exhibitBytes / 1e6, 1, 500) * 1e6,
    },
  };
}

/** Makes the data folder (owner-only) and opens the store in it. */
export function openDataStore(dataDir: string, env: NodeJS.ProcessEnv): { store: Store; keySource: string } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!statSync(dataDir).isDirectory()) throw new ConfigError(`the data folder ${dataDir} is not a folder.`);
  const { key, source } = loadServerKey(env, dataDir);
  return { store: openSqliteStore({ file: join(dataDir, DATABASE_FILE), key }), keySource: source };
}

export interface RunningServer {
  url: string;
  /** Who can sign in to the web interview, or how to make the first administrator. */
  people: string;
  log: Logger;
  /** Graceful stop: no new requests, in-flight ones finish (up to `graceMs`), then the store closes. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServer(config: ServerConfig, env: NodeJS.ProcessEnv, log: Logger = pino({ level: config.logLevel, base: null })): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(config.dataDir);
  let opened;
  try {
    opened = openDataStore(config.dataDir, env);
  } catch (err) {
    lock.release();
    throw err;
  }
  const { store, keySource } = opened;
  let generator: Generator;
  try {
    generator = workerPool({ threads: config.workers });
  } catch (err) {
    await store.close();
    lock.release();
    throw err;
  }
  let people: string;
  try {
    people = await ensureFirstAdmin(store, env, log);
  } catch (err) {
    await generator.close();
    await store.close();
    lock.release();
    throw err;
  }
  const app = createApp({ store, generator, log, today: () => localToday(), trustProxy: config.trustProxy, limits: config.limits });
  // node:http directly: Express 5's listen() calls back on an error as on success.
  const server: Server = createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await generator.close();
    await store.close();
    lock.release();
    throw err;
  }
  // Slow clients may not hold connections open forever.
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url, dataDir: config.dataDir, key: keySource, workers: config.workers }, 'listening');

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 10_000) => {
    stopping ??= (async () => {
      app.drain();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(grace);
      await generator.close();
      await store.close();
      lock.release();
      log.info('stopped');
    })();
    return stopping;
  };
  return { url, people, log, stop };
}
