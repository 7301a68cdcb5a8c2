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

    const good = await b.post(`/cases/${id}/step/respondent`, { _csrf: csrf, _rev: '3', 'respondent.name.family': 'Yousif', 'respondent.aNumber': 'A212-047-381', 'respondent.dateOfBirth': '1971-04-02', 'respondent.nationality': 'IQ', 'respondent.placeOfBirth.country': 'IQ', _go: 'next' });
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

describe('review, downloads, search, export and import', () => {
  /** A case with records requests only, complete enough for final documents. */
  async function recordsCase(b: Browser): Promise<{ id: string; csrf: string }> {
    const csrf = Browser.csrf((await b.get('/cases')).text);
    const id = /draft-[0-9a-f]{32}/.exec((await b.post('/cases/new', { _csrf: csrf })).location!)![0];
    const steps: [string, Record<string, string | string[]>][] = [
      ['filings', { goals: ['records'] }],
      ['respondent', { 'respondent.name.given': 'Sami', 'respondent.name.family': 'Yousif', 'respondent.aNumber': 'A212-047-381', 'respondent.dateOfBirth': '1971-04-02', 'respondent.nationality': 'IQ', 'respondent.placeOfBirth.city': 'Alqosh', 'respondent.placeOfBirth.country': 'IQ' }],
      ['custody', { 'custody.status': 'at-large', 'respondent.mailingAddress.street': '1 Main Street', 'respondent.mailingAddress.city': 'Detroit', 'respondent.mailingAddress.state': 'MI', 'respondent.mailingAddress.zip': '48226' }],
      ['order', { 'proceedings.type': 'removal', 'proceedings.court.name': 'Detroit Immigration Court', 'proceedings.order.date': '2005-03-15', 'proceedings.order.inAbsentia': 'no', 'proceedings.order.appeal': 'waived' }],
      ['records', { 'records.agencies': ['uscis'], 'records.maxFee': '25' }],
      ['counsel', { 'counsel.name': 'Laila Haddad', 'counsel.type': 'attorney', 'counsel.address.street': '1 Main Street', 'counsel.address.city': 'Detroit', 'counsel.address.state': 'MI', 'counsel.address.zip': '48226', 'counsel.phone': '313-555-0100', 'counsel.email': 'l@example.org' }],
    ];
    let rev = 1;
    for (const [step, answers] of steps) {
      const r = await b.post(`/cases/${id}/step/${step}`, { _csrf: csrf, _rev: String(rev), ...answers, _go: 'stay' });
      expect(r.status, `${step}: ${r.text.slice(0, 300)}`).toBe(303);
      rev++;
    }
    return { id, csrf };
  }

  it('an intern submits; an attorney approves a revision; a later edit withdraws it; final documents only from an approval', async () => {
    const intern = new Browser(s.url);
    await intern.signIn('intern@a.org', PASSWORD);
    const { id, csrf } = await recordsCase(intern);
    expect((await intern.post(`/cases/${id}/approve`, { _csrf: csrf, _rev: '7' })).status).toBe(403);
    expect((await intern.post(`/cases/${id}/download`, { _csrf: csrf, what: 'packet' })).status).toBe(403);
    const preview = await intern.post(`/cases/${id}/download`, { _csrf: csrf, what: 'preview' });
    expect(preview.status, preview.text.replace(/<[^>]+>/g, ' ').slice(0, 800)).toBe(200);
    expect((await intern.post(`/cases/${id}/submit`, { _csrf: csrf })).location).toBe('/cases');

    const attorney = new Browser(s.url);
    await attorney.signIn('attorney@a.org', PASSWORD);
    const acsrf = Browser.csrf((await attorney.get('/review')).text);
    expect((await attorney.get('/review')).text).toContain(`/cases/${id}/review`);
    // Approving a revision other than the one read is refused.
    expect((await attorney.post(`/cases/${id}/approve`, { _csrf: acsrf, _rev: '2' })).status).toBe(409);
    expect((await attorney.post(`/cases/${id}/approve`, { _csrf: acsrf, _rev: '7' })).status).toBe(303);
    const pdf = await attorney.request('POST', `/cases/${id}/download`, { _csrf: acsrf, what: 'doc:records-uscis' });
    expect(pdf.status, pdf.text.replace(/<[^>]+>/g, ' ').slice(0, 800)).toBe(200);
    expect(pdf.text.startsWith('%PDF-')).toBe(true);

    // The intern edits after the approval: the approval is withdrawn.
    expect((await intern.post(`/cases/${id}/step/records`, { _csrf: csrf, _rev: '7', 'records.agencies': ['uscis', 'ice'], 'records.maxFee': '25', _go: 'stay' })).status).toBe(303);
    const review = await attorney.get(`/cases/${id}/review`);
    expect(review.text).not.toContain('<strong>Approved</strong>');
    expect((await attorney.post(`/cases/${id}/download`, { _csrf: acsrf, what: 'packet' })).status).toBe(403);
  });

  it('search is a POST and finds by name or A-number; other organizations\' cases never appear', async () => {
    const b = new Browser(s.url);
    await b.signIn('attorney@a.org', PASSWORD);
    const csrf = Browser.csrf((await b.get('/cases')).text);
    const byName = await b.post('/cases/search', { _csrf: csrf, q: 'yousif' });
    expect(byName.status).toBe(200);
    expect(byName.text).toContain('Sami Yousif');
    const byNumber = await b.post('/cases/search', { _csrf: csrf, q: '212047381' });
    expect(byNumber.text).toContain('Sami Yousif');
    expect((await b.post('/cases/search', { _csrf: csrf, q: 'Nobody Such' })).text).toContain('No case matches.');
    const other = new Browser(s.url);
    await other.signIn('intern@b.org', PASSWORD);
    expect((await other.post('/cases/search', { _csrf: Browser.csrf((await other.get('/cases')).text), q: 'yousif' })).text).toContain('No case matches.');
  });

  it('a case exported as a zip imports as a new case with its exhibits; deleting needs the box ticked', async () => {
    const b = new Browser(s.url);
    await b.signIn('attorney@a.org', PASSWORD);
    const { id, csrf } = await recordsCase(b);
    const exported = await fetch(`${s.url}/cases/${id}/export`, { method: 'POST', headers: { cookie: b.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(csrf)}` });
    expect(exported.status).toBe(200);
    const zipBytes = new Uint8Array(await exported.arrayBuffer());
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new Blob([zipBytes], { type: 'application/zip' }), 'case.zip');
    const imported = await fetch(`${s.url}/cases/import`, { method: 'POST', redirect: 'manual', headers: { cookie: b.cookieHeader() }, body: form });
    expect(imported.status).toBe(303);
    const newId = /draft-[0-9a-f]{32}/.exec(imported.headers.get('location')!)![0];
    expect(newId).not.toBe(id);
    expect((await b.get(`/cases/${newId}/review`)).text).toContain('A212-047-381');

    const bad = new FormData();
    bad.append('_csrf', csrf);
    bad.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'x.zip');
    const refused = await fetch(`${s.url}/cases/import`, { method: 'POST', headers: { cookie: b.cookieHeader() }, body: bad });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('not a zip file exported from Reopen');

    expect((await b.post(`/cases/${newId}/delete`, { _csrf: csrf })).status).toBe(400);
    expect((await b.post(`/cases/${newId}/delete`, { _csrf: csrf, confirm: 'yes' })).location).toBe('/cases');
    expect((await b.get(`/cases/${newId}/review`)).status).toBe(404);
  });

  it('logged out, or of another organization: nothing from the download, export or review routes', async () => {
    const a = new Browser(s.url);
    await a.signIn('attorney@a.org', PASSWORD);
    const { id } = await recordsCase(a);
    const visitor = new Browser(s.url);
    for (const path of [`/cases/${id}/download`, `/cases/${id}/export`, `/cases/${id}/approve`, `/cases/${id}/submit`]) {
      const r = await visitor.post(path, { _csrf: 'x', what: 'preview' });
      expect(r.status).toBe(303);
      expect(r.location).toBe('/login');
    }
    const other = new Browser(s.url);
    await other.signIn('intern@b.org', PASSWORD);
    const ocsrf = Browser.csrf((await other.get('/cases')).text);
    for (const path of [`/cases/${id}/download`, `/cases/${id}/export`, `/cases/${id}/submit`]) {
      const r = await other.post(path, { _csrf: ocsrf, what: 'preview' });
      expect(r.status, path).toBe(404);
      expect(r.text).not.toContain('Yousif');
    }
  });
});

describe('the first administrator', () => {
  it('comes from the environment, once, with the samples as drafts whose pages read as text', async () => {
    const { pino } = await import('pino');
    const { ensureFirstAdmin } = await import('../../server/web/auth.js');
    const log = pino({ level: 'silent' });
    expect(await ensureFirstAdmin(s.store, {}, log)).toContain('People sign in at /login.');
    const env = { REOPEN_ADMIN_EMAIL: 'first@sample.org', REOPEN_ADMIN_PASSWORD: PASSWORD, REOPEN_ADMIN_ORG: 'Sample Clinic' };
    expect(await ensureFirstAdmin(s.store, { ...env, REOPEN_ADMIN_PASSWORD: 'short' }, log)).toContain('at least 12 characters');
    expect(await ensureFirstAdmin(s.store, env, log)).toContain('with the 6 sample cases as drafts');
    expect(await ensureFirstAdmin(s.store, env, log)).toContain('signs in at /login');
    const b = new Browser(s.url);
    await b.signIn('first@sample.org', PASSWORD);
    const list = await b.get('/cases');
    expect(list.text).toContain('Sami Hanna Yousif');
    for (const m of list.text.matchAll(/href="\/cases\/(draft-[0-9a-f]{32})"/g)) {
      const review = await b.get(`/cases/${m[1]}/review`);
      expect(review.status).toBe(200);
      expect(review.text).not.toContain('[object Object]');
      expect(review.text).not.toContain('undefined');
    }
  });
});
