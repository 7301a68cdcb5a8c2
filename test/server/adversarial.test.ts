/**
 * Hostile requests against a real server: prototype keys, deep nesting, huge query arrays, wrong
 * content types, oversized and truncated bodies. Each is answered quickly with a 4xx in the issue
 * shape, and the server goes on serving.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseCase } from '../helpers/cases.js';
import { call, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let token: string;

beforeAll(async () => {
  s = await startTestServer();
  token = await s.token('Clinic A');
});
afterAll(() => s.close());

/** The request is answered with `status` within `ms`, and the server still answers /healthz. */
async function answered(r: Promise<{ status: number; json: any }>, status: number | ((n: number) => boolean), ms = 2000) {
  const started = Date.now();
  const reply = await r;
  expect(Date.now() - started).toBeLessThan(ms);
  if (typeof status === 'number') expect(reply.status).toBe(status);
  else expect(status(reply.status)).toBe(true);
  if (reply.status >= 400) expect(reply.json?.ok).toBe(false);
  expect((await call(s.url, 'GET', '/healthz')).status).toBe(200);
  return reply;
}

describe('prototype keys', () => {
  it('__proto__ and constructor in a case body are unknown fields, and pollute nothing', async () => {
    const text = JSON.stringify(baseCase()).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    const r = await answered(call(s.url, 'POST', '/api/v1/check?asOf=2017-10-01', { token, raw: text, type: 'application/json' }), 200);
    expect(r.json.ok).toBe(false);
    expect(r.json.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(({} as any).polluted).toBeUndefined();
  });

  it('__proto__ in a draft is kept as data and read back as data', async () => {
    const text = '{"case":{"__proto__":{"polluted":true},"respondent":{"__proto__":{"x":1}}}}';
    const created = await answered(call(s.url, 'POST', '/api/v1/drafts', { token, raw: text, type: 'application/json' }), 201);
    const read = await call(s.url, 'GET', `/api/v1/drafts/${created.json.id}`, { token });
    expect(read.text).toContain('"__proto__":{"polluted":true}');
    expect(({} as any).polluted).toBeUndefined();
  });

  it('__proto__ and constructor in the query string are refused by name', async () => {
    const r = await answered(call(s.url, 'POST', '/api/v1/check?__proto__[asOf]=x&constructor=1', { token, body: baseCase() }), 400);
    expect(r.json.issues[0].code).toBe('invalid_request');
    const p = await answered(call(s.url, 'GET', '/api/v1/drafts?__proto__=1', { token }), 400);
    expect(p.json.issues[0].path).toBe('__proto__');
  });
});

describe('size and shape', () => {
  it('JSON nested 100,000 deep: 400 at the place it goes too deep', async () => {
    const deep = `{"case":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    await answered(call(s.url, 'POST', '/api/v1/drafts', { token, raw: deep, type: 'application/json' }), 400);
    const deepCase = `{"format":"reopen.case/1","respondent":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    const r = await answered(call(s.url, 'POST', '/api/v1/check', { token, raw: deepCase, type: 'application/json' }), 400);
    expect(r.json.issues[0].code).toBe('too_deeply_nested');
  });

  it('a query with 500 repeated values: 400 naming it; one past the header limit: 431; quickly', async () => {
    const q = Array.from({ length: 500 }, () => 'documents=motion-to-reopen').join('&');
    const r = await answered(call(s.url, 'POST', `/api/v1/packets?${q}`, { token, body: baseCase() }), 400);
    expect(r.json.issues[0].path).toBe('documents');
    const huge = Array.from({ length: 5000 }, (_, i) => `a${i}=1`).join('&');
    const started = Date.now();
    const res = await fetch(`${s.url}/api/v1/drafts?${huge}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(431);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await call(s.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('wrong content types on every JSON route: 415', async () => {
    for (const [method, path] of [['POST', '/api/v1/check'], ['POST', '/api/v1/packets'], ['POST', '/api/v1/drafts']] as const) {
      const r = await answered(call(s.url, method, path, { token, raw: '{"case":{}}', type: 'text/plain' }), 415);
      expect(r.json.issues[0].code).toBe('unsupported_media_type');
    }
    await answered(call(s.url, 'POST', '/api/v1/check', { token, raw: '{}', type: 'application/json; charset=shift-jis-x' }), 415);
  });

  it('a JSON body that is not an object: 400 naming what it is', async () => {
    const r = await answered(call(s.url, 'POST', '/api/v1/check', { token, raw: '[1,2,3]', type: 'application/json' }), 400);
    expect(r.json.issues[0].code).toBe('not_an_object');
    await answered(call(s.url, 'POST', '/api/v1/drafts', { token, raw: '"text"', type: 'application/json' }), 400);
  });

  it('a body that announces more than it sends does not hang the server', async () => {
    const status = await new Promise<number | string>((resolve) => {
      const req = request(`${s.url}/api/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve('closed'));
      req.write('{"format":');
      setTimeout(() => req.destroy(), 300);
    });
    expect(status === 'closed' || (typeof status === 'number' && status >= 400)).toBe(true);
    expect((await call(s.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('a 20 MB upload over a 1 MB exhibit limit: 413', async () => {
    const small = await startTestServer({ limits: { exhibitBytes: 1_000_000 } });
    try {
      const t = await small.token('Clinic');
      const id = (await call(small.url, 'POST', '/api/v1/drafts', { token: t, body: { case: {} } })).json.id;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(20_000_000)], { type: 'application/pdf' }), 'big.pdf');
      const r = await call(small.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: t, raw: form });
      expect(r.status).toBe(413);
      expect(r.json.issues[0].code).toBe('request_too_large');
      expect((await call(small.url, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('rate limits', () => {
  it('too many requests from one token: 429 in the issue shape; failed tokens are limited per address', async () => {
    const limited = await startTestServer({ limits: { requestsPerMinute: 5, failedAuthPerMinute: 3 } });
    try {
      const t = await limited.token('Clinic');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(limited.url, 'GET', '/api/v1/drafts', { token: t })).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const over = await call(limited.url, 'GET', '/api/v1/drafts', { token: t });
      expect(over.status).toBe(429);
      expect(over.json.issues[0].code).toBe('rate_limited');
      const guesses: number[] = [];
      for (let i = 0; i < 5; i++) guesses.push((await call(limited.url, 'GET', '/api/v1/drafts', { token: `rpn_${String(i).repeat(43)}` })).status);
      expect(guesses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('found by review', () => {
  it('a case of 100,000 unknown fields is refused at once, and the server goes on answering', async () => {
    const c: Record<string, unknown> = baseCase();
    for (let i = 0; i < 100_000; i++) c[`x${i}`] = i;
    const r = await answered(call(s.url, 'POST', '/api/v1/check', { token, body: c }), 400, 1500);
    expect(r.json.issues[0].code).toBe('too_many_values');
    const few: Record<string, unknown> = baseCase();
    for (let i = 0; i < 5_000; i++) few[`x${i}`] = i;
    const report = await answered(call(s.url, 'POST', '/api/v1/check', { token, body: few }), 200, 1500);
    expect(report.json.issues.length).toBe(201);
    expect(report.json.issues.some((i: any) => i.code === 'too_many_problems')).toBe(true);
  });

  it('the packet limit holds whatever the spelling of the path', async () => {
    const limited = await startTestServer({ limits: { packetsPerMinute: 1 } });
    try {
      const t = await limited.token('Clinic');
      const statuses: number[] = [];
      for (const path of ['/api/v1/packets', '/api/v1/PACKETS', '/api/v1/packets/', '/api/v1/Packets', '/api/v1/packets']) {
        statuses.push((await call(limited.url, 'POST', `${path}?asOf=2017-10-01&preview=true&documents=filing-checklist`, { token: t, body: baseCase() })).status);
      }
      // The first is served; other spellings are no route (404); the same route again is limited.
      expect(statuses[0]).not.toBe(429);
      expect(statuses.slice(1, 4)).toEqual([404, 404, 404]);
      expect(statuses[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('a malformed multipart body is a 400 naming the field, not a fault', async () => {
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token, body: { case: {} } })).json.id;
    const noBoundary = await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token, raw: '%PDF-1.7 not multipart', type: 'multipart/form-data' });
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.json.issues[0].path).toBe('file');
    const truncated = await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token, raw: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7', type: 'multipart/form-data; boundary=xyz' });
    expect(truncated.status).toBe(400);
  });
});
