/**
 * Case data at rest and in logs: a canary A-number and name written through the API appear in no
 * raw byte of the database, its WAL, the log or an error response, before and after the draft is
 * deleted; after deletion, not even the sealed bytes of its revisions remain in either file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, KEY_FILE } from '../../src/index.js';
import { baseCase, type Json } from '../helpers/cases.js';
import { call, startTestServer, type TestServer } from '../helpers/server.js';

const CANARY_A = 'A987-654-321';
const CANARY_DIGITS = '987654321';
const CANARY_NAME = 'Zzyzxcanary';

let s: TestServer;
let token: string;

beforeAll(async () => {
  s = await startTestServer();
  token = await s.token('Clinic A');
});
afterAll(() => s.close());

function rawFiles(): { name: string; bytes: Buffer }[] {
  return [DATABASE_FILE, `${DATABASE_FILE}-wal`, 'server.log']
    .map((name) => join(s.dataDir, name))
    .filter((p) => existsSync(p))
    .map((p) => ({ name: p, bytes: readFileSync(p) }));
}

/** The canary in any of the forms a file might hold it: as written, digits alone, UTF-16. */
function expectNoCanary(where: string, bytes: Buffer) {
  for (const needle of [CANARY_A, CANARY_DIGITS, CANARY_NAME, 'Hamama-canary-account']) {
    expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${where}`).toBe(false);
    expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${where}`).toBe(false);
  }
}

describe('a canary case', () => {
  it('is in no raw byte of the database, WAL, log or error responses, before and after deletion', async () => {
    const c = baseCase();
    (c['respondent'] as Json)['aNumber'] = CANARY_A;
    ((c['respondent'] as Json)['name'] as Json)['family'] = CANARY_NAME;
    c['declaration'] = { account: ['Hamama-canary-account: what happened to me.'] };

    const created = await call(s.url, 'POST', '/api/v1/drafts', { token, body: { case: c } });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    for (let rev = 1; rev <= 5; rev++) {
      const r = await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token, body: { rev, case: { ...c, note: rev } } });
      expect(r.status).toBe(200);
    }
    // Requests that fail, with the canary in the body, the query and the headers.
    const errors = [
      await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token, body: { rev: 1, case: c } }),
      await call(s.url, 'POST', '/api/v1/drafts', { token, raw: `{"case": {"aNumber": "${CANARY_A}"`, type: 'application/json' }),
      await call(s.url, 'POST', `/api/v1/check?asOf=${CANARY_DIGITS}`, { token, body: c }),
      await call(s.url, 'POST', '/api/v1/check', { token: `rpn_${CANARY_NAME}`, body: c }),
      await call(s.url, 'GET', `/api/v1/drafts/${CANARY_DIGITS}`, { token }),
      await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01', { token, body: { ...c, respondent: { ...(c['respondent'] as Json), dateOfBirth: 'x' } } }),
    ];
    for (const e of errors) {
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.text).not.toContain(CANARY_DIGITS);
      expect(e.text).not.toContain(CANARY_NAME);
    }
    // The draft reads back whole.
    const read = await call(s.url, 'GET', `/api/v1/drafts/${id}`, { token });
    expect(read.json.case.respondent.aNumber).toBe(CANARY_A);

    for (const f of rawFiles()) expectNoCanary(f.name, f.bytes);
    expect(readFileSync(join(s.dataDir, 'server.log'), 'utf8')).toContain('"route":"/api/v1/drafts/:id"');

    // After deletion: nothing of the draft, sealed or not, in the database or its WAL (the audit
    // log keeps its id, which says nothing of the case).
    const reader = new Database(join(s.dataDir, DATABASE_FILE), { readonly: true });
    const sealed = [
      ...(reader.prepare('SELECT body FROM revisions WHERE draft_id = ?').all(id) as { body: Buffer }[]).map((r) => r.body),
      ...(reader.prepare('SELECT data_key AS body FROM drafts WHERE id = ?').all(id) as { body: Buffer }[]).map((r) => r.body),
    ];
    reader.close();
    expect(sealed.length).toBe(7);
    const inFiles = (bytes: Buffer) => rawFiles().some((f) => f.bytes.includes(bytes.subarray(13, 45)));
    expect(sealed.every(inFiles)).toBe(true);
    expect((await call(s.url, 'DELETE', `/api/v1/drafts/${id}`, { token })).status).toBe(204);
    for (const f of rawFiles()) expectNoCanary(f.name, f.bytes);
    expect(sealed.filter(inFiles)).toEqual([]);
  });

  it('the key file is readable by its owner only', () => {
    expect(statSync(join(s.dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});
