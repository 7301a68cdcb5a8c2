/**
 * `createApp(deps)`: the Express application, with everything it talks to passed in (store,
 * packet workers, logger, clock) and nothing started: it does not listen, so tests and `reopen
 * serve` start it the same way (main.ts).
 *
 * Order of the middleware: request id, draining check, security headers, request log, health,
 * then the API behind a failed-token limit, authentication and a per-token rate limit.
 */
import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { makeIssue, type Principal, type Store } from '../src/index.js';
import { apiRouter } from './api.js';
import { ApiError, errorHandler, sendIssues } from './errors.js';
import type { Generator } from './generation.js';
import { DEFAULT_LIMITS, megabytes, type Limits } from './limits.js';
import { sandboxSlots } from './sandbox-slots.js';
import { adminRouter } from './web/admin.js';
import { authRouter } from './web/auth.js';
import { html, page } from './web/html.js';
import { interviewRouter } from './web/interview.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../src/io/package-root.js';

/** USWDS's built files, served from our own origin (the content-security policy allows nothing else). */
const USWDS_DIST = join(dirname(createRequire(import.meta.url).resolve('@uswds/uswds')), '..');
/** Reopen's own few styles for the interview. */
const OWN_ASSETS = join(packageRoot(), 'server', 'web', 'assets');

export interface AppDeps {
  store: Store;
  generator: Generator;
  log: Logger;
  /** Today's civil date where the server runs (YYYY-MM-DD): the default `asOf`. */
  today: () => string;
  /** Express's "trust proxy" setting, for running behind an HTTPS proxy (REOPEN_TRUST_PROXY). */
  trustProxy?: boolean | number | string;
  limits?: Partial<Limits>;
}

export interface ReopenApp extends Express {
  /** Stops taking new requests (503) while in-flight ones finish: for a graceful shutdown. */
  drain(): void;
}

export function createApp(deps: AppDeps): ReopenApp {
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const { log, store } = deps;
  const app = express() as unknown as ReopenApp;
  let draining = false;
  app.drain = () => {
    draining = true;
  };
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('etag', false);
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  // Query strings are read as flat key=value pairs (node:querystring): no nested objects, and so no
  // prototype keys, and at most 1000 keys.
  app.set('query parser', 'simple');

  app.use((req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    res.locals['requestId'] = id;
    res.set('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // The route's pattern, never the URL: a URL could carry what a client should not have put there.
      // The router's mount path is gone from req.baseUrl once the router has finished, so the API keeps it.
      const route = req.route?.path === undefined ? 'unmatched' : `${String(res.locals['mount'] ?? req.baseUrl)}${String(req.route.path)}`;
      log.info({ requestId: id, method: req.method, route, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    if (draining) {
      res.set('Connection', 'close');
      sendIssues(res, 503, [makeIssue('server_busy', '', 'error', {})]);
      return;
    }
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: true,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // Case data must not be kept by browsers or proxies.
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  const tooMany = (_req: Request, res: Response, _next: NextFunction, options: { windowMs: number }) =>
    sendIssues(res, 429, [makeIssue('rate_limited', '', 'error', { seconds: Math.ceil(options.windowMs / 1000) })]);

  // Guessing tokens: each address gets few failed attempts a minute. Only failed attempts pass
  // through this limiter (see authenticate), so requests in flight with good tokens never count.
  const failedAuth = rateLimit({
    windowMs: 60_000,
    limit: limits.failedAuthPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany,
  });
  const perToken = rateLimit({
    windowMs: 60_000,
    limit: limits.requestsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => (res.locals['principal'] as Principal).actor,
    handler: tooMany,
  });
  // On the packet routes themselves (api.ts), so no spelling of their path escapes it.
  const packets = rateLimit({
    windowMs: 60_000,
    limit: limits.packetsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `packets:${(res.locals['principal'] as Principal).actor}`,
    handler: tooMany,
  });

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S{1,200})$/i.exec(header);
    const p = m ? await store.authenticate(m[1]!) : null;
    if (p) {
      res.locals['principal'] = p;
      next();
      return;
    }
    // Counted against the address; past the limit the limiter answers 429 itself.
    await failedAuth(req, res, () => {
      res.set('WWW-Authenticate', 'Bearer realm="reopen"');
      next(new ApiError(401, [makeIssue('unauthorized', header ? 'Authorization' : '', 'error', { given: header !== '' })]));
    });
  };

  const checkExhibit = sandboxSlots({ running: limits.sandboxes, waiting: limits.sandboxes * 4 });
  app.use('/api/v1', authenticate, perToken, apiRouter({ store, generator: deps.generator, today: deps.today, limits, packetLimit: packets, checkExhibit }));

  // The web interview: static styles, sign-in, then the pages (each checks the session).
  const assets = { fallthrough: false, index: false, redirect: false, dotfiles: 'deny' as const, maxAge: '1h' };
  app.use('/assets/uswds', express.static(USWDS_DIST, assets));
  app.use('/assets', express.static(OWN_ASSETS, assets));
  app.use(authRouter(store, log, { loginsPerWindow: limits.loginsPer15Minutes }));
  app.use(interviewRouter(store, { today: deps.today, generator: deps.generator, exhibitBytes: limits.exhibitBytes, checkExhibit }));
  app.use(adminRouter(store));

  app.use((_req: Request, res: Response) => {
    if (_req.accepts(['json', 'html']) === 'html') {
      res.status(404).type('html').send(page({ title: 'Not found', body: html`<h1>There is no page at this address</h1><p><a href="/cases">Go to the case list</a></p>` }));
      return;
    }
    sendIssues(res, 404, [makeIssue('not_found', '', 'error', { what: 'page at this address' })]);
  });
  app.use(errorHandler(log, megabytes(limits.bodyBytes)));
  return app;
}
