/**
 * The API contract of issue 10, against a real server on 127.0.0.1 with a real SQLite file and
 * real packet workers: every route's answer, the error shape, roles, and access across two
 * organizations on every route.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../helpers/case-folder.js';
import { baseCase } from '../helpers/cases.js';
import { call, startTestServer, type TestServer } from '../helpers/server.js';
import { extract } from '../render/pdf/extract.js';

const pdfText = async (bytes: Uint8Array) => (await extract(bytes)).map((p) => p.body).join('\n');

const HAMAMA = JSON.parse(readFileSync(join(SAMPLES_DIR, 'detained-iraqi-hamama.json'), 'utf8')) as Record<string, any>;
const exhibit = (name: string) => readFileSync(join(SAMPLES_DIR, 'exhibits', name));

let s: TestServer;
let attorney: string;
let intern: string;
let outsider: string;

beforeAll(async () => {
  s = await startTestServer();
  attorney = await s.token('Clinic A');
  intern = await s.token('Clinic A', 'intern');
  outsider = await s.token('Clinic B');
});
afterAll(() => s.close());

/** Every error is JSON { ok: false, issues: [{ code, path, severity, message }], requestId }. */
function expectProblem(r: { status: number; json: any; text: string }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(r.json.ok).toBe(false);
  expect(r.json.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(r.json.issues.map((i: any) => i.code)).toContain(code);
  for (const i of r.json.issues) expect(typeof i.message).toBe('string');
  expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
}

function uploadForm(bytes: Uint8Array, name = 'exhibit.pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  return form;
}

describe('health and authentication', () => {
  it('GET /healthz answers 200 without a token', async () => {
    const r = await call(s.url, 'GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true });
  });

  it('no token, a wrong token, a malformed header: 401 with the issue shape', async () => {
    expectProblem(await call(s.url, 'POST', '/api/v1/check', { body: baseCase() }), 401, 'unauthorized');
    expectProblem(await call(s.url, 'GET', '/api/v1/drafts', { token: `rpn_${'x'.repeat(43)}` }), 401, 'unauthorized');
    expectProblem(await call(s.url, 'GET', '/api/v1/drafts', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
  });

  it('security headers: a strict content-security policy, no caching, no framework banner', async () => {
    const r = await call(s.url, 'GET', '/healthz');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('POST /api/v1/check', () => {
  it('gives the report of reopen check --json', async () => {
    const r = await call(s.url, 'POST', '/api/v1/check?asOf=2017-10-01', { token: attorney, body: HAMAMA });
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(true);
    expect(r.json.asOf).toBe('2017-10-01');
    expect(r.json.forum).toBe('immigration-court');
    expect(r.json.documents).toContain('motion-to-reopen');
  });

  it('a case with problems: 200 and the issues with their paths, as the CLI reports them', async () => {
    const c = baseCase();
    (c['respondent'] as any).aNumber = 'A12';
    const r = await call(s.url, 'POST', '/api/v1/check?asOf=2017-10-01', { token: intern, body: c });
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(false);
    expect(r.json.issues.find((i: any) => i.path === 'respondent.aNumber')).toBeTruthy();
  });

  it('a key given twice is an error at its path, as in a case file', async () => {
    const text = JSON.stringify(baseCase()).replace('"format":', '"format":"reopen.case/1","format":');
    const r = await call(s.url, 'POST', '/api/v1/check?asOf=2017-10-01', { token: attorney, raw: text, type: 'application/json' });
    expect(r.json.issues.find((i: any) => i.code === 'duplicate_key')?.path).toBe('format');
  });

  it('malformed JSON 400, wrong content type 415, a bad asOf 400 naming it', async () => {
    expectProblem(await call(s.url, 'POST', '/api/v1/check', { token: attorney, raw: '{"format": ', type: 'application/json' }), 400, 'invalid_json_body');
    expectProblem(await call(s.url, 'POST', '/api/v1/check', { token: attorney, raw: 'format=x', type: 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    const bad = await call(s.url, 'POST', '/api/v1/check?asOf=2017-02-30', { token: attorney, body: baseCase() });
    expectProblem(bad, 400, 'invalid_request');
    expect(bad.json.issues[0].path).toBe('asOf');
  });

  it('a body over 10 MB: 413, answered before the body is read', async () => {
    const big = JSON.stringify({ ...baseCase(), pad: 'x'.repeat(10_100_000) });
    // node:http, not fetch: the server answers and closes while the client may still be sending,
    // which fetch reports as a reset connection rather than the answer.
    const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${s.url}/api/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${attorney}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) } });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
      req.end(big);
    });
    expectProblem({ ...reply, json: JSON.parse(reply.text) }, 413, 'request_too_large');
  });
});

describe('POST /api/v1/packets', () => {
  const noFiles = () => {
    const c = structuredClone(HAMAMA);
    for (const e of c['motion'].evidence) delete e.file;
    return c;
  };

  it('returns the packet as a zip of every document and the manifest', async () => {
    const r = await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01', { token: attorney, body: noFiles() });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    // No A-number in a header; the files inside carry it.
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="reopen-packet-2017-10-01.zip"');
    const zip = new PizZip(r.bytes);
    const names = Object.keys(zip.files);
    expect(names).toContain('212047381-motion-to-reopen.pdf');
    expect(names).toContain('212047381-motion-to-reopen.docx');
    expect(names).toContain('212047381-filing.pdf');
    expect(names.at(-1)).toBe('manifest.json');
    const text = await pdfText(zip.file('212047381-motion-to-reopen.pdf')!.asUint8Array());
    expect(text).toContain('A212-047-381');
  });

  it('an exhibit that names a file is refused by name, never read from the server', async () => {
    const c = structuredClone(HAMAMA);
    c['motion'].evidence[4].file = '/etc/passwd';
    const r = await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01', { token: attorney, body: c });
    expectProblem(r, 422, 'exhibit_file');
    const issue = r.json.issues.find((i: any) => i.path === 'motion.evidence.4.file');
    expect(issue.message).toContain('the server reads none from its disk');
    expect(issue.message).toContain('POST /api/v1/drafts/:id/packets');
    expect(r.text).not.toContain('root:x:0');
  });

  it('a case that cannot be filed: 422 with every issue', async () => {
    const c = noFiles();
    delete c['respondent'].aNumber;
    const r = await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01', { token: attorney, body: c });
    expectProblem(r, 422, 'required');
    expect(r.json.issues.some((i: any) => i.path === 'respondent.aNumber')).toBe(true);
  });

  it('documents= picks documents; an unknown id is 400', async () => {
    const r = await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01&documents=filing-checklist', { token: attorney, body: noFiles() });
    expect(r.status).toBe(200);
    expect(Object.keys(new PizZip(r.bytes).files).sort()).toEqual(['212047381-filing-checklist.docx', '212047381-filing-checklist.pdf', 'manifest.json']);
    expectProblem(await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01&documents=no-such-thing', { token: attorney, body: noFiles() }), 400, 'invalid_request');
  });

  it('an intern may preview but not make a final packet', async () => {
    expectProblem(await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01', { token: intern, body: noFiles() }), 403, 'role_refused');
    const preview = await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01&preview=true&documents=motion-to-reopen', { token: intern, body: noFiles() });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toContain('reopen-preview-2017-10-01.zip');
    // A preview says so on every page, so an intern's preview of a complete case is never a filing.
    const pages = await extract(new PizZip(preview.bytes).file('212047381-motion-to-reopen.pdf')!.asUint8Array());
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) expect(p.furniture).toContain('PREVIEW — NOT FOR FILING');
    const final = await extract(new PizZip((await call(s.url, 'POST', '/api/v1/packets?asOf=2017-10-01&documents=motion-to-reopen', { token: attorney, body: noFiles() })).bytes).file('212047381-motion-to-reopen.pdf')!.asUint8Array());
    for (const p of final) expect(p.furniture).not.toContain('PREVIEW');
  });
});

describe('drafts', () => {
  it('create, read, save with rev, conflict on a stale rev, list, delete', async () => {
    const created = await call(s.url, 'POST', '/api/v1/drafts', { token: intern, body: { case: { respondent: { name: { given: 'Sami', family: 'Yousif' } } } } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.stringMatching(/^draft-[0-9a-f]{32}$/), rev: 1 });
    const id = created.json.id;

    const read = await call(s.url, 'GET', `/api/v1/drafts/${id}`, { token: attorney });
    expect(read.json).toEqual({ id, rev: 1, case: { respondent: { name: { given: 'Sami', family: 'Yousif' } } } });

    const saved = await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token: attorney, body: { rev: 1, case: baseCase() } });
    expect(saved.json).toEqual({ id, rev: 2 });
    const stale = await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token: intern, body: { rev: 1, case: {} } });
    expectProblem(stale, 409, 'rev_conflict');
    expect(stale.json.rev).toBe(2);
    expect((await call(s.url, 'GET', `/api/v1/drafts/${id}`, { token: attorney })).json.case).toEqual(baseCase());

    const list = await call(s.url, 'GET', '/api/v1/drafts', { token: attorney });
    const mine = list.json.drafts.find((d: any) => d.id === id);
    expect(mine).toEqual({ id, rev: 2, updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), name: 'Sami Yousif' });

    const del = await call(s.url, 'DELETE', `/api/v1/drafts/${id}`, { token: attorney });
    expect(del.status).toBe(204);
    expectProblem(await call(s.url, 'GET', `/api/v1/drafts/${id}`, { token: attorney }), 404, 'not_found');
    expect(await s.store.getRevision({ orgId: 'any', role: 'attorney', actor: 'test' }, id, 1)).toBeNull();
  });

  it('a request repeated with the same Idempotency-Key is applied once; the key with another body is refused', async () => {
    const headers = { 'idempotency-key': 'create-7f3a' };
    const a = await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: { n: 1 } }, headers });
    const b = await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: { n: 1 } }, headers });
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    const put = { 'idempotency-key': 'save-1' };
    const p1 = await call(s.url, 'PUT', `/api/v1/drafts/${a.json.id}`, { token: attorney, body: { rev: 1, case: { n: 2 } }, headers: put });
    const p2 = await call(s.url, 'PUT', `/api/v1/drafts/${a.json.id}`, { token: attorney, body: { rev: 1, case: { n: 2 } }, headers: put });
    expect(p1.json).toEqual({ id: a.json.id, rev: 2 });
    expect(p2.json).toEqual({ id: a.json.id, rev: 2 });
    expect((await call(s.url, 'GET', `/api/v1/drafts/${a.json.id}`, { token: attorney })).json.rev).toBe(2);
    expectProblem(await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: { n: 9 } }, headers }), 422, 'idempotency_key_reused');
  });

  it('lists the organization\'s drafts in pages', async () => {
    const t = await s.token('Paging Clinic');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(s.url, 'POST', '/api/v1/drafts', { token: t, body: { case: { i } } })).json.id);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 4; page++) {
      const r = await call(s.url, 'GET', `/api/v1/drafts?limit=2${after ? `&after=${after}` : ''}`, { token: t });
      expect(r.json.drafts.length).toBeLessThanOrEqual(2);
      seen.push(...r.json.drafts.map((d: any) => d.id));
      if (!r.json.next) break;
      after = r.json.next;
    }
    expect(seen.sort()).toEqual(ids.sort());
    expectProblem(await call(s.url, 'GET', '/api/v1/drafts?after=garbage', { token: t }), 400, 'invalid_request');
    expectProblem(await call(s.url, 'GET', '/api/v1/drafts?limit=0', { token: t }), 400, 'invalid_request');
  });

  it('a body without a case object, or a save without rev: 400 naming the field', async () => {
    const r = await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: 'text' } });
    expectProblem(r, 400, 'invalid_request');
    expect(r.json.issues[0].path).toBe('case');
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: {} } })).json.id;
    const noRev = await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token: attorney, body: { case: {} } });
    expectProblem(noRev, 400, 'invalid_request');
    expect(noRev.json.issues[0].path).toBe('rev');
  });
});

describe('exhibits and the packet of a draft', () => {
  it('stores uploaded PDFs with the draft; the draft\'s packet files them at their tabs', async () => {
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: HAMAMA } })).json.id;
    const up1 = await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: attorney, raw: uploadForm(exhibit('uscirf-2017-annual-report-iraq.pdf')) });
    expect(up1.status).toBe(201);
    expect(up1.json).toMatchObject({ id: expect.stringMatching(/^exhibit-[0-9a-f]{32}$/), pages: 2, removed: [] });
    const up2 = await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: intern, raw: uploadForm(exhibit('state-iraq-2016-human-rights-report.pdf')) });
    const c = structuredClone(HAMAMA);
    c['motion'].evidence[4].file = up1.json.id;
    c['motion'].evidence[5].file = up2.json.id;
    expect((await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token: attorney, body: { rev: 1, case: c } })).status).toBe(200);

    expectProblem(await call(s.url, 'POST', `/api/v1/drafts/${id}/packets?asOf=2017-10-01`, { token: intern }), 403, 'role_refused');
    const r = await call(s.url, 'POST', `/api/v1/drafts/${id}/packets?asOf=2017-10-01`, { token: attorney });
    expect(r.status).toBe(200);
    const zip = new PizZip(r.bytes);
    const filing = await pdfText(zip.file('212047381-filing.pdf')!.asUint8Array());
    // The sample exhibits' own words are in the combined filing.
    expect(filing).toContain('USCIRF Annual Report 2017, Iraq chapter (excerpt)');
    const manifest = JSON.parse(zip.file('manifest.json')!.asText());
    expect(JSON.stringify(manifest)).toContain(up1.json.sha256);
  });

  it('refuses what is not a PDF, or a damaged one, in plain words; multipart only', async () => {
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: {} } })).json.id;
    const text = await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: attorney, raw: uploadForm(Buffer.from('hello')) });
    expectProblem(text, 422, 'exhibit_upload');
    expect(text.json.issues[0].message).toContain('not a PDF');
    const damaged = await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: attorney, raw: uploadForm(Buffer.from('%PDF-1.7\n1 0 obj <<')) });
    expectProblem(damaged, 422, 'exhibit_upload');
    expectProblem(await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: attorney, body: { file: 'x' } }), 415, 'unsupported_media_type');
    const none = new FormData();
    none.append('note', 'x');
    expectProblem(await call(s.url, 'POST', `/api/v1/drafts/${id}/exhibits`, { token: attorney, raw: none }), 400, 'invalid_request');
  });

  it('an exhibit id of another draft is not read: the packet names the exhibit', async () => {
    const other = (await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: {} } })).json.id;
    const foreign = (await call(s.url, 'POST', `/api/v1/drafts/${other}/exhibits`, { token: attorney, raw: uploadForm(exhibit('uscirf-2017-annual-report-iraq.pdf')) })).json.id;
    const c = structuredClone(HAMAMA);
    c['motion'].evidence[4].file = foreign;
    delete c['motion'].evidence[5].file;
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: c } })).json.id;
    const r = await call(s.url, 'POST', `/api/v1/drafts/${id}/packets?asOf=2017-10-01`, { token: attorney });
    expectProblem(r, 422, 'exhibit_file');
    expect(r.json.issues.find((i: any) => i.path === 'motion.evidence.4.file').message).toContain('no uploaded exhibit with that id');
  });
});

describe('another organization sees nothing', () => {
  it('every draft route answers 404 to a token of another organization, and changes nothing', async () => {
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token: attorney, body: { case: HAMAMA } })).json.id;
    const routes: [string, string, Parameters<typeof call>[3]][] = [
      ['GET', `/api/v1/drafts/${id}`, {}],
      ['PUT', `/api/v1/drafts/${id}`, { body: { rev: 1, case: {} } }],
      ['DELETE', `/api/v1/drafts/${id}`, {}],
      ['POST', `/api/v1/drafts/${id}/exhibits`, { raw: uploadForm(exhibit('uscirf-2017-annual-report-iraq.pdf')) }],
      ['POST', `/api/v1/drafts/${id}/packets?asOf=2017-10-01&preview=true`, {}],
      ['POST', `/api/v1/drafts/${id}/packets?asOf=2017-10-01`, {}],
    ];
    for (const [method, path, opts] of routes) {
      const r = await call(s.url, method, path, { ...opts, token: outsider });
      expectProblem(r, 404, 'not_found');
      expect(r.text).not.toContain('Yousif');
    }
    const list = await call(s.url, 'GET', '/api/v1/drafts', { token: outsider });
    expect(list.json.drafts.map((d: any) => d.id)).not.toContain(id);
    const mine = await call(s.url, 'GET', `/api/v1/drafts/${id}`, { token: attorney });
    expect(mine.json.rev).toBe(1);
    expect(await s.store.listExhibits({ orgId: 'x', role: 'attorney', actor: 'x' }, id)).toBeNull();
  });

  it('an unknown route is a JSON 404', async () => {
    expectProblem(await call(s.url, 'GET', '/api/v1/nothing', { token: attorney }), 404, 'not_found');
    expectProblem(await call(s.url, 'GET', '/nothing'), 404, 'not_found');
  });
});

describe('the audit log', () => {
  it('records each read, change, deletion and generation, with who and which draft, and nothing of the case', async () => {
    const t = await s.token('Audit Clinic');
    const id = (await call(s.url, 'POST', '/api/v1/drafts', { token: t, body: { case: HAMAMA } })).json.id;
    await call(s.url, 'GET', `/api/v1/drafts/${id}`, { token: t });
    await call(s.url, 'PUT', `/api/v1/drafts/${id}`, { token: t, body: { rev: 1, case: HAMAMA } });
    await call(s.url, 'POST', `/api/v1/drafts/${id}/packets?asOf=2017-10-01&preview=true&documents=filing-checklist`, { token: t });
    await call(s.url, 'DELETE', `/api/v1/drafts/${id}`, { token: t });
    const org = await s.store.ensureOrganization('Audit Clinic');
    const log = await s.store.auditLog(org.id, 20);
    expect(log.map((e) => e.action).reverse()).toEqual(['draft.create', 'draft.read', 'draft.update', 'packet.preview', 'draft.delete']);
    for (const e of log) {
      expect(e.draftId).toBe(id);
      expect(e.actor).toMatch(/^tok-/);
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(JSON.stringify(log)).not.toMatch(/Yousif|212047381|212-047-381/);
  });
});
