/**
 * Signing in to the web interview: passwords hashed with argon2id, sessions in an http-only,
 * same-site cookie (Secure over HTTPS) whose value is stored only as a hash, a CSRF token in a
 * hidden `_csrf` field on every form, a new session on every sign-in (no session fixation), and a
 * limit on sign-in attempts. The first administrator comes from REOPEN_ADMIN_EMAIL and
 * REOPEN_ADMIN_PASSWORD; others are invited with one-time links (admin.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { Principal, Session, Store } from '../../src/index.js';
import { errorSummary, html, page } from './html.js';
import { loadSamples } from './samples.js';

export const SESSION_COOKIE = 'reopen_session';
const LOGIN_CSRF_COOKIE = 'reopen_login_csrf';
export const SESSION_HOURS = 12;
/** Shortest password accepted (NIST SP 800-63B asks for at least 8; passphrases are better). */
export const MIN_PASSWORD = 12;

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** A fixed hash to verify against when the email is unknown, so both answers take as long. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  try {
    return await argon2.verify(hash ?? (await decoy), password);
  } catch {
    return false;
  }
}

/** Cookies of the request, without a parser dependency: name=value pairs, first one wins. */
export function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (!(name in out)) out[name] = part.slice(i + 1).trim();
  }
  return out;
}

function setCookie(req: Request, res: Response, name: string, value: string, maxAgeSeconds: number): void {
  res.append('Set-Cookie', `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${req.secure ? '; Secure' : ''}`);
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The signed-in session of the request, or null. */
export async function sessionOf(store: Store, req: Request): Promise<Session | null> {
  const token = cookies(req)[SESSION_COOKIE];
  return token ? store.session(token) : null;
}

export const principalOf = (s: Session): Principal => ({ orgId: s.user.orgId, role: s.user.role, actor: s.user.id });

/** Sends a visitor who is not signed in to /login; puts the session in res.locals.session. */
export function requireSession(store: Store) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const s = await sessionOf(store, req);
    if (!s) {
      res.redirect(303, '/login');
      return;
    }
    res.locals['session'] = s;
    next();
  };
}

/** Refuses a form post whose `_csrf` is not the session's. */
export function checkCsrf(req: Request, res: Response): boolean {
  const s = res.locals['session'] as Session;
  const sent = typeof req.body?._csrf === 'string' ? (req.body._csrf as string) : '';
  if (sent && same(sent, s.csrf)) return true;
  res.status(403).type('html').send(page({ title: 'Form expired', user: s.user, csrf: s.csrf, body: html`<h1>This form has expired</h1><p>Go back, reload the page and send it again. Nothing was saved.</p>` }));
  return false;
}

export function loginForm(csrf: string, email = '', problems: { id: string; message: string }[] = []): string {
  return page({
    title: problems.length ? 'Error: Sign in' : 'Sign in',
    body: html`<div class="grid-row"><div class="grid-col-12 tablet:grid-col-6">
<h1>Sign in</h1>
${errorSummary(problems)}
<form class="usa-form" method="post" action="/login" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <label class="usa-label" for="email">Email address</label>
  <input class="usa-input" id="email" name="email" type="email" autocomplete="username" value="${email}" required>
  <label class="usa-label" for="password">Password</label>
  <input class="usa-input" id="password" name="password" type="password" autocomplete="current-password" required>
  <button class="usa-button" type="submit">Sign in</button>
</form>
<p>No account? Ask your organization's administrator for an invitation link.</p>
</div></div>`,
  });
}

export function authRouter(store: Store, log: Logger, opts: { loginsPerWindow: number }): Router {
  const r = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 });

  r.get('/login', async (req, res) => {
    if (await sessionOf(store, req)) {
      res.redirect(303, '/cases');
      return;
    }
    const csrf = randomBytes(24).toString('base64url');
    setCookie(req, res, LOGIN_CSRF_COOKIE, csrf, 3600);
    res.type('html').send(loginForm(csrf));
  });

  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: opts.loginsPerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (_req, res) => {
      res.status(429).type('html').send(page({ title: 'Too many attempts', body: html`<h1>Too many sign-in attempts</h1><p>Wait 15 minutes and try again, or ask your administrator for a password reset link.</p>` }));
    },
  });

  r.post('/login', form, limiter, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sent = typeof body['_csrf'] === 'string' ? body['_csrf'] : '';
    const expected = cookies(req)[LOGIN_CSRF_COOKIE] ?? '';
    const email = typeof body['email'] === 'string' ? body['email'].trim().slice(0, 320) : '';
    const password = typeof body['password'] === 'string' ? body['password'].slice(0, 1024) : '';
    const again = (status: number, problems: { id: string; message: string }[]) => {
      const csrf = randomBytes(24).toString('base64url');
      setCookie(req, res, LOGIN_CSRF_COOKIE, csrf, 3600);
      res.status(status).type('html').send(loginForm(csrf, email, problems));
    };
    if (!expected || !sent || !same(sent, expected)) return again(403, [{ id: 'email', message: 'The sign-in form had expired. Sign in again.' }]);
    const problems: { id: string; message: string }[] = [];
    if (!email) problems.push({ id: 'email', message: 'Enter your email address.' });
    if (!password) problems.push({ id: 'password', message: 'Enter your password.' });
    if (problems.length) return again(400, problems);
    const user = await store.findUser(email);
    if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
      return again(401, [{ id: 'email', message: 'The email address or the password is not right.' }]);
    }
    // A new session every time: a session id someone planted before sign-in is never promoted.
    const old = cookies(req)[SESSION_COOKIE];
    if (old) await store.endSession(old);
    const { token } = await store.createSession(user.id, SESSION_HOURS);
    setCookie(req, res, SESSION_COOKIE, token, SESSION_HOURS * 3600);
    setCookie(req, res, LOGIN_CSRF_COOKIE, '', 0);
    log.info({ requestId: res.locals['requestId'], user: user.id }, 'signed in');
    res.redirect(303, '/cases');
  });

  r.post('/logout', form, requireSession(store), async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const token = cookies(req)[SESSION_COOKIE];
    if (token) await store.endSession(token);
    setCookie(req, res, SESSION_COOKIE, '', 0);
    res.redirect(303, '/login');
  });
  return r;
}

/**
 * The first administrator, from REOPEN_ADMIN_EMAIL and REOPEN_ADMIN_PASSWORD (and the organization
 * REOPEN_ADMIN_ORG, default "My organization"), made on a start when no user has that email.
 * Never waits for input: without the variables the server starts for API use and says how.
 */
export async function ensureFirstAdmin(store: Store, env: NodeJS.ProcessEnv, log: Logger): Promise<string> {
  const email = env['REOPEN_ADMIN_EMAIL']?.trim();
  const password = env['REOPEN_ADMIN_PASSWORD'];
  if (!email || !password) {
    if (await store.hasUsers()) return 'People sign in at /login.';
    return 'No one can sign in to the web interview yet: set REOPEN_ADMIN_EMAIL and REOPEN_ADMIN_PASSWORD and start again to make the first administrator.';
  }
  if (await store.findUser(email)) return `The administrator ${email} signs in at /login.`;
  if (password.length < MIN_PASSWORD) return `REOPEN_ADMIN_PASSWORD must be at least ${MIN_PASSWORD} characters; no administrator was made.`;
  const org = await store.ensureOrganization(env['REOPEN_ADMIN_ORG']?.trim() || 'My organization');
  const admin = await store.createUser(org.id, email, await hashPassword(password), 'attorney', true);
  log.info({ org: org.id }, 'first administrator created');
  const samples = admin && env['REOPEN_SAMPLES'] !== 'no' ? await loadSamples(store, { orgId: org.id, role: 'attorney', actor: admin.id }) : 0;
  return `Made the administrator ${email} (an attorney of "${org.name}")${samples ? `, with the ${samples} sample cases as drafts` : ''}; sign in at /login.`;
}
