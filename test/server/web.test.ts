/**
 * The web interview over real HTTP (a real server on 127.0.0.1, a real SQLite file), as a browser
 * without JavaScript uses it: sign-in, sessions and CSRF, the step pages, the error summary,
 * resuming, and access across organizations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/web/auth.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;

/** A browser without JavaScript: keeps cookies, follows nothing by itself, posts forms. */
class Browser {
  jar = new Map<string, string>();
  constructor(readonly base: string) {}
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async request(method: string, path: string, form?: Record<string, string | string[]>) {
    const body = form ? new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString() : undefined;
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), accept: 'text/html', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /Max-Age=0/.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), setCookies: res.headers.getSetCookie() };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, form: Record<string, string | string[]>) {
    return this.request('POST', path, form);
  }
  static csrf(page: string): string {
    return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  }
  async signIn(email: string, password: string) {
    const login = await this.get('/login');
    return this.post('/login', { _csrf: Browser.csrf(login.text), email, password });
  }
}

const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  s = await startTestServer();
  const a = await s.store.ensureOrganization('Clinic A');
  const b = await s.store.ensureOrganization('Clinic B');
  const hash = await hashPassword(PASSWORD);
  await s.store.createUser(a.id, 'attorney@a.org', hash, 'attorney', true);
  await s.store.createUser(a.id, 'intern@a.org', hash, 'intern', false);
  await s.store.createUser(b.id, 'intern@b.org', hash, 'intern', false);
});
afterAll(() => s.close());

describe('signing in', () => {
  it('a visitor who is not signed in is sent to /login from every page', async () => {
    const b = new Browser(s.url);
    for (const path of ['/cases', '/cases/draft-00000000000000000000000000000000', '/cases/draft-00000000000000000000000000000000/review']) {
      const r = await b.get(path);
      expect(r.status).toBe(303);
      expect(r.location).toBe('/login');
    }
  });

  it('a good sign-in leads to /cases with an http-only, same-site session cookie; a wrong password says so without saying which', async () => {
    const b = new Browser(s.url);
    const bad = await b.signIn('attorney@a.org', 'wrong password here');
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('The email address or the password is not right.');
    const unknown = await new Browser(s.url).signIn('nobody@a.org', PASSWORD);
    expect(unknown.text).toContain('The email address or the password is not right.');
    const ok = await b.signIn('attorney@a.org', PASSWORD);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/cases');
    const cookie = ok.setCookies.find((c) => c.startsWith('reopen_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP on 127.0.0.1; Secure over HTTPS
    expect((await b.get('/cases')).text).toContain('<h1>Cases</h1>');
  });

  it('a session id planted before sign-in is never the one signed in (no fixation)', async () => {
    const b = new Browser(s.url);
    b.jar.set('reopen_session', 'A'.repeat(43));
    await b.signIn('attorney@a.org', PASSWORD);
    expect(b.jar.get('reopen_session')).not.toBe('A'.repeat(43));
    const attacker = new Browser(s.url);
    attacker.jar.set('reopen_session', 'A'.repeat(43));
    expect((await attacker.get('/cases')).status).toBe(303);
  });

  it('a form without the right _csrf is refused and changes nothing', async () => {
    const b = new Browser(s.url);
    await b.signIn('attorney@a.org', PASSWORD);
    const before = (await b.get('/cases')).text;
    const r = await b.post('/cases/new', { _csrf: 'forged' });
    expect(r.status).toBe(403);
    expect((await b.get('/cases')).text).toBe(before);
    const login = await new Browser(s.url).post('/login', { _csrf: 'x', email: 'attorney@a.org', password: PASSWORD });
    expect(login.status).toBe(403);
  });

  it('signing out ends the session', async () => {
    const b = new Browser(s.url);
    await b.signIn('intern@a.org', PASSWORD);
    const token = b.jar.get('reopen_session')!;
    const page = await b.get('/cases');
    await b.post('/logout', { _csrf: Browser.csrf(page.text) });
    const stolen = new Browser(s.url);
    stolen.jar.set('reopen_session', token);
    expect((await stolen.get('/cases')).status).toBe(303);
  });
});

describe('the interview', () => {
  it('a new case asks for the filings first, then only the steps they need; a bad A-number shows the error summary linked to the field', async () => {
    const b = new Browser(s.url);
    await b.signIn('intern@a.org', PASSWORD);
    const list = await b.get('/cases');
    const csrf = Browser.csrf(list.text);
    const created = await b.post('/cases/new', { _csrf: csrf });
    expect(created.location).toMatch(/^\/cases\/draft-[0-9a-f]{32}\/step\/filings$/);
    const id = /draft-[0-9a-f]{32}/.exec(created.location!)![0];

    const filings = await b.get(created.location!);
    expect(filings.text).toContain('What are you preparing?');
    const saved = await b.post(`/cases/${id}/step/filings`, { _csrf: csrf, _rev: '1', goals: ['records'], _go: 'next' });
    expect(saved.location).toBe(`/cases/${id}/step/respondent`);

    const bad = await b.post(`/cases/${id}/step/respondent`, { _csrf: csrf, _rev: '2', 'respondent.name.family': 'Yousif', 'respondent.aNumber': 'A12', 'respondent.dateOfBirth': '1971-04-02', 'respondent.nationality': 'IQ', _go: 'next' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="error-summary"');
    expect(bad.text).toContain('<a href="#f-respondent-aNumber">An A-number has 7, 8 or 9 digits; this one has 2.');
    expect(bad.text).toMatch(/id="f-respondent-aNumber"[^>]*value="A12"/);
    expect(bad.text).toContain('<title>Error: The client · Reopen</title>');

    const good = await b.post(`/cases/${id}/step/respondent`, { _csrf: csrf, _rev: '3', 'respondent.name.family': 'Yousif', 'respondent.aNumber': 'A212-047-381', 'respondent.dateOfBirth': '1971-04-02', 'respondent.nationality': 'IQ', _go: 'next' });
    expect(good.location).toBe(`/cases/${id}/step/language`);

    // Leaving and coming back resumes at the first step still to answer (custody: language is optional).
    const resume = await b.get(`/cases/${id}`);
    expect(resume.location).toBe(`/cases/${id}/step/custody`);
    // A step no chosen filing needs is not offered.
    expect((await b.get(`/cases/${id}/step/declaration`)).location).toBe(`/cases/${id}`);

    const review = await b.get(`/cases/${id}/review`);
    expect(review.text).toContain('Check your answers');
    expect(review.text).toContain('A212-047-381');
    expect(review.text).toContain(`href="/cases/${id}/step/respondent#f-respondent-aNumber"`);
    // Case data never in a URL: every link and form action holds ids only.
    for (const m of review.text.matchAll(/(?:href|action)="([^"]+)"/g)) expect(m[1]).not.toMatch(/Yousif|212-047-381|212047381/);
  });

  it('a save over someone else\'s newer save is refused, nothing lost', async () => {
    const b = new Browser(s.url);
    await b.signIn('attorney@a.org', PASSWORD);
    const csrf = Browser.csrf((await b.get('/cases')).text);
    const id = /draft-[0-9a-f]{32}/.exec((await b.post('/cases/new', { _csrf: csrf })).location!)![0];
    await b.post(`/cases/${id}/step/filings`, { _csrf: csrf, _rev: '1', goals: ['records'], _go: 'next' });
    const stale = await b.post(`/cases/${id}/step/filings`, { _csrf: csrf, _rev: '1', goals: ['motion'], _go: 'next' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Someone else changed this case');
  });

  it('another organization\'s intern gets nothing of a case on any page', async () => {
    const a = new Browser(s.url);
    await a.signIn('attorney@a.org', PASSWORD);
    const csrf = Browser.csrf((await a.get('/cases')).text);
    const id = /draft-[0-9a-f]{32}/.exec((await a.post('/cases/new', { _csrf: csrf })).location!)![0];
    await a.post(`/cases/${id}/step/filings`, { _csrf: csrf, _rev: '1', goals: ['records'], _go: 'next' });
    await a.post(`/cases/${id}/step/respondent`, { _csrf: csrf, _rev: '2', 'respondent.name.family': 'Zzyzxsecret', 'respondent.aNumber': 'A212-047-381', 'respondent.dateOfBirth': '1971', 'respondent.nationality': 'IQ' });

    const other = new Browser(s.url);
    await other.signIn('intern@b.org', PASSWORD);
    const ocsrf = Browser.csrf((await other.get('/cases')).text);
    for (const path of [`/cases/${id}`, `/cases/${id}/review`, `/cases/${id}/step/respondent`]) {
      const r = await other.get(path);
      expect(r.status).toBe(404);
      expect(r.text).not.toContain('Zzyzxsecret');
    }
    const post = await other.post(`/cases/${id}/step/respondent`, { _csrf: ocsrf, _rev: '3', 'respondent.name.family': 'Changed' });
    expect(post.status).toBe(404);
    await other.post(`/cases/${id}/delete`, { _csrf: ocsrf });
    expect((await other.get('/cases')).text).not.toContain('Zzyzxsecret');
    expect((await a.get(`/cases/${id}/review`)).text).toContain('Zzyzxsecret');
  });
});
