/**
 * People: an administrator invites users and sets their role; there is no email, so an invitation
 * or a password reset is a one-time link, valid for INVITE_HOURS, that the administrator passes
 * on. Following the link, the person sets a password (at least MIN_PASSWORD characters).
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { ROLES, type Role, type Session, type Store } from '../../src/index.js';
import { checkCsrf, cookies, hashPassword, MIN_PASSWORD, requireSession } from './auth.js';
import { errorSummary, html, page } from './html.js';

export const INVITE_HOURS = 72;
const INVITE_CSRF_COOKIE = 'reopen_invite_csrf';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function adminRouter(store: Store): Router {
  const r = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });
  const auth = requireSession(store);
  const session = (res: Response) => res.locals['session'] as Session;
  const adminOnly = (res: Response): boolean => {
    const s = session(res);
    if (s.user.admin) return true;
    res.status(403).type('html').send(page({ title: 'Not allowed', user: s.user, csrf: s.csrf, body: html`<h1>Only an administrator can manage people</h1>` }));
    return false;
  };
  const linkOf = (req: Request, token: string) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}/invite/${token}`;

  const peoplePage = async (s: Session, extra: { link?: string; email?: string; problems?: { id: string; message: string }[] } = {}) => {
    const users = await store.listUsers(s.user.orgId);
    return page({
      title: extra.problems?.length ? 'Error: People' : 'People',
      user: s.user,
      csrf: s.csrf,
      body: html`<h1>People</h1>
${extra.link ? html`<div class="usa-alert usa-alert--success" role="status"><div class="usa-alert__body"><h2 class="usa-alert__heading">One-time link for ${extra.email ?? ''}</h2><p class="usa-alert__text">Pass this link on yourself (Reopen sends no email). It works once, for ${INVITE_HOURS} hours:</p><p><code class="reopen-link">${extra.link}</code></p></div></div>` : ''}
<table class="usa-table usa-table--borderless"><caption>People of your organization</caption>
<thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Administrator</th><th scope="col">Password</th></tr></thead>
<tbody>${users.map(
        (u) => html`<tr><th scope="row">${u.email}</th><td>${u.role}</td><td>${u.admin ? 'Yes' : 'No'}</td><td><form method="post" action="/admin/users/${u.id}/reset"><input type="hidden" name="_csrf" value="${s.csrf}"><button class="usa-button usa-button--unstyled" type="submit">Make a reset link<span class="usa-sr-only"> for ${u.email}</span></button></form></td></tr>`,
      )}</tbody></table>
<h2>Invite someone</h2>
${errorSummary(extra.problems ?? [])}
<form class="usa-form" method="post" action="/admin/invitations" novalidate>
  <input type="hidden" name="_csrf" value="${s.csrf}">
  <label class="usa-label" for="invite-email">Their email address</label>
  <input class="usa-input" id="invite-email" name="email" type="email" autocomplete="off">
  <fieldset class="usa-fieldset"><legend class="usa-legend">Role</legend>
    <div class="usa-radio"><input class="usa-radio__input" id="role-intern" type="radio" name="role" value="intern" checked><label class="usa-radio__label" for="role-intern">Intern or volunteer: takes facts down, previews, submits for review</label></div>
    <div class="usa-radio"><input class="usa-radio__input" id="role-attorney" type="radio" name="role" value="attorney"><label class="usa-radio__label" for="role-attorney">Attorney: reviews, approves and downloads final documents</label></div>
  </fieldset>
  <div class="usa-checkbox"><input class="usa-checkbox__input" id="invite-admin" type="checkbox" name="admin" value="yes"><label class="usa-checkbox__label" for="invite-admin">Also an administrator (may invite people)</label></div>
  <button class="usa-button" type="submit">Make an invitation link</button>
</form>`,
    });
  };

  r.get('/admin/users', auth, async (_req, res) => {
    if (!adminOnly(res)) return;
    res.type('html').send(await peoplePage(session(res)));
  });

  r.post('/admin/invitations', form, auth, async (req, res) => {
    if (!checkCsrf(req, res) || !adminOnly(res)) return;
    const s = session(res);
    const body = req.body as Record<string, string>;
    const email = String(body['email'] ?? '').trim().toLowerCase();
    const role = String(body['role'] ?? 'intern') as Role;
    const problems: { id: string; message: string }[] = [];
    if (!EMAIL.test(email) || email.length > 320) problems.push({ id: 'invite-email', message: 'Enter their email address, such as name@example.org.' });
    else if (await store.findUser(email)) problems.push({ id: 'invite-email', message: 'Someone with this email address already has an account; make a reset link instead.' });
    if (!ROLES.includes(role)) problems.push({ id: 'role-intern', message: 'Choose a role.' });
    if (problems.length) {
      res.status(400).type('html').send(await peoplePage(s, { problems }));
      return;
    }
    const token = await store.createInvitation({ kind: 'invite', orgId: s.user.orgId, email, role, admin: body['admin'] === 'yes', userId: null }, INVITE_HOURS);
    await store.audit({ orgId: s.user.orgId, actor: s.user.id, action: 'user.invite', draftId: null, requestId: String(res.locals['requestId']), outcome: 'ok' });
    res.type('html').send(await peoplePage(s, { link: linkOf(req, token), email }));
  });

  r.post('/admin/users/:id/reset', form, auth, async (req, res) => {
    if (!checkCsrf(req, res) || !adminOnly(res)) return;
    const s = session(res);
    const user = (await store.listUsers(s.user.orgId)).find((u) => u.id === req.params['id']);
    if (!user) {
      res.status(404).type('html').send(page({ title: 'Not found', user: s.user, csrf: s.csrf, body: html`<h1>No such person in your organization</h1>` }));
      return;
    }
    const token = await store.createInvitation({ kind: 'reset', orgId: s.user.orgId, email: user.email, role: user.role, admin: user.admin, userId: user.id }, INVITE_HOURS);
    await store.audit({ orgId: s.user.orgId, actor: s.user.id, action: 'user.reset', draftId: null, requestId: String(res.locals['requestId']), outcome: 'ok' });
    res.type('html').send(await peoplePage(s, { link: linkOf(req, token), email: user.email }));
  });

  const setPasswordPage = (token: string, csrf: string, email: string, kind: string, problems: { id: string; message: string }[] = []) =>
    page({
      title: problems.length ? 'Error: Choose a password' : 'Choose a password',
      body: html`<div class="grid-row"><div class="grid-col-12 tablet:grid-col-6">
<h1>${kind === 'reset' ? 'Choose a new password' : 'Welcome to Reopen'}</h1>
<p>For ${email}. Choose a password of at least ${MIN_PASSWORD} characters; a few words you will remember is best.</p>
${errorSummary(problems)}
<form class="usa-form" method="post" action="/invite/${token}" novalidate>
  <input type="hidden" name="_csrf" value="${csrf}">
  <label class="usa-label" for="password">Password</label>
  <input class="usa-input" id="password" name="password" type="password" autocomplete="new-password">
  <label class="usa-label" for="confirm">The same password again</label>
  <input class="usa-input" id="confirm" name="confirm" type="password" autocomplete="new-password">
  <button class="usa-button" type="submit">Set my password</button>
</form></div></div>`,
    });
  const expired = () => page({ title: 'Link not valid', body: html`<h1>This link is not valid</h1><p>It was used already, or it has expired. Ask your administrator for a new one.</p>` });
  const csrfCookie = (req: Request, res: Response, value: string, maxAge: number) =>
    res.append('Set-Cookie', `${INVITE_CSRF_COOKIE}=${value}; Path=/invite; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${req.secure ? '; Secure' : ''}`);

  r.get('/invite/:token', async (req, res) => {
    const inv = await store.invitation(String(req.params['token']), false);
    if (!inv) {
      res.status(404).type('html').send(expired());
      return;
    }
    const csrf = randomBytes(24).toString('base64url');
    csrfCookie(req, res, csrf, 3600);
    res.set('Referrer-Policy', 'no-referrer');
    res.type('html').send(setPasswordPage(String(req.params['token']), csrf, inv.email, inv.kind));
  });

  r.post('/invite/:token', form, async (req, res) => {
    const token = String(req.params['token']);
    const body = req.body as Record<string, string>;
    const inv = await store.invitation(token, false);
    if (!inv) {
      res.status(404).type('html').send(expired());
      return;
    }
    const expected = cookies(req)[INVITE_CSRF_COOKIE] ?? '';
    if (!expected || body['_csrf'] !== expected) {
      res.status(403).type('html').send(page({ title: 'Form expired', body: html`<h1>This form has expired</h1><p><a href="/invite/${token}">Open the link again</a>.</p>` }));
      return;
    }
    const password = String(body['password'] ?? '');
    const problems: { id: string; message: string }[] = [];
    if (password.length < MIN_PASSWORD) problems.push({ id: 'password', message: `Choose a password of at least ${MIN_PASSWORD} characters.` });
    else if (password.length > 1024) problems.push({ id: 'password', message: 'Choose a shorter password (at most 1,024 characters).' });
    else if (password !== body['confirm']) problems.push({ id: 'confirm', message: 'The two passwords are not the same.' });
    if (problems.length) {
      res.status(400).type('html').send(setPasswordPage(token, expected, inv.email, inv.kind, problems));
      return;
    }
    const used = await store.invitation(token, true);
    if (!used) {
      res.status(404).type('html').send(expired());
      return;
    }
    const hash = await hashPassword(password);
    if (used.kind === 'reset' && used.userId) {
      await store.setPassword(used.userId, hash);
      await store.endSessions(used.userId);
    } else if (!(await store.createUser(used.orgId, used.email, hash, used.role, used.admin))) {
      res.status(409).type('html').send(page({ title: 'Account exists', body: html`<h1>There is already an account for ${used.email}</h1><p><a href="/login">Sign in</a>, or ask your administrator for a reset link.</p>` }));
      return;
    }
    csrfCookie(req, res, '', 0);
    res.redirect(303, '/login');
  });

  return r;
}
