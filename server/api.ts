/**
 * The JSON API, version 1. Each route is thin: read and check the request, call one use case
 * (src/index.ts) or the store, answer. No legal logic lives here: what a case needs, and why, comes
 * from `checkCase` and `generateDocuments`, the same functions the CLI calls.
 *
 *   POST   /api/v1/check[?asOf]                      the report of `reopen check --json`
 *   POST   /api/v1/packets[?asOf&documents&preview]  a case in, its packet (zip) out, or 422
 *   POST   /api/v1/drafts                            { case } -> 201 { id, rev }
 *   GET    /api/v1/drafts[?limit&after]              { drafts: [{ id, rev, updated, name }], next }
 *   GET    /api/v1/drafts/:id                        { id, rev, case }
 *   PUT    /api/v1/drafts/:id                        { rev, case } -> { id, rev }, or 409 { rev }
 *   DELETE /api/v1/drafts/:id                        204, the draft erased
 *   POST   /api/v1/drafts/:id/exhibits               multipart "file": a PDF -> 201 { id, bytes, sha256, pages }
 *   POST   /api/v1/drafts/:id/packets[?asOf&documents&preview]   the draft's packet, with its exhibits
 *
 * Every change may carry an `Idempotency-Key` header: a repeat is answered as the first time and
 * applied once. Every read, change, deletion and generation is written to the audit log.
 */
import { createHash } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import multer from 'multer';
import {
  checkCase,
  EXHIBIT_ID,
  isCivilDate,
  makeIssue,
  nestingIssue,
  parseCaseText,
  type Idempotency,
  type Issue,
  type Principal,
  type Store,
} from '../src/index.js';
import { ApiError, badRequest, notFound, sendIssues } from './errors.js';
import { GeneratorBusyError, type Generator, type PacketOutcome, type PacketTask } from './generation.js';
import type { Limits } from './limits.js';
import type { ExhibitChecker } from './sandbox-slots.js';

export interface ApiDeps {
  /** The per-token limit on packets, put on each packet route. */
  packetLimit: RequestHandler;
  store: Store;
  generator: Generator;
  /** Today's civil date where the server is, YYYY-MM-DD: the default `asOf`. */
  today: () => string;
  limits: Limits;
  /** Checks an uploaded PDF in the sandbox, a few at a time (sandbox-slots.ts). */
  checkExhibit: ExhibitChecker;
}

/** Dates a packet can be made for: zip files record years 1980 to 2107. */
const AS_OF_RANGE = { from: '1980-01-01', to: '2107-12-31' } as const;

type Query = Record<string, string>;

/** The query, refusing unknown and repeated parameters by name (a repeated one is an array). */
function query(req: Request, allowed: readonly string[]): Query {
  const out: Query = {};
  const q = req.query as Record<string, unknown>;
  for (const key of Object.keys(q)) {
    if (!allowed.includes(key)) {
      throw badRequest(key.length > 40 ? '' : key, allowed.length === 0 ? 'This route takes no query parameters.' : `Unknown query parameter; this route takes ${allowed.join(', ')}.`);
    }
    const v = q[key];
    if (typeof v !== 'string') throw badRequest(key, `Give ${key} once, as one value${key === 'documents' ? ' (several ids separated by commas)' : ''}.`);
    out[key] = v;
  }
  return out;
}

function asOfOf(q: Query, today: string): string {
  const asOf = q['asOf'] ?? today;
  if (!isCivilDate(asOf) || asOf < AS_OF_RANGE.from || asOf > AS_OF_RANGE.to) {
    throw badRequest('asOf', `asOf must be a date written YYYY-MM-DD between ${AS_OF_RANGE.from} and ${AS_OF_RANGE.to}.`);
  }
  return asOf;
}

function flag(q: Query, name: string): boolean {
  const v = q[name];
  if (v === undefined || v === 'false') return false;
  if (v === 'true' || v === '') return true;
  throw badRequest(name, `${name} is true or false.`);
}

function documentsOf(q: Query): string[] | undefined {
  const d = q['documents'];
  if (d === undefined) return undefined;
  const ids = d.split(',').map((x) => x.trim()).filter(Boolean);
  if (ids.length === 0 || ids.length > 50 || ids.some((id) => !/^[a-z][a-z0-9-]{0,60}$/.test(id))) {
    throw badRequest('documents', 'documents is a comma-separated list of document ids, such as motion-to-reopen,filing-checklist.');
  }
  return ids;
}

/** The request body as JSON text; a body of another type is refused with 415. */
function bodyText(req: Request): string {
  if (typeof req.body !== 'string') throw new ApiError(415, [makeIssue('unsupported_media_type', '', 'error', { expected: 'JSON (Content-Type: application/json)' })]);
  return req.body;
}

/** A case sent as the whole body: parsed as the CLI parses a case file. */
function caseBody(req: Request): { value: Record<string, unknown>; sourceIssues: Issue[] } {
  const parsed = parseCaseText(bodyText(req), 'request');
  if (!parsed.ok) throw new ApiError(400, [parsed.issue]);
  return { value: parsed.value, sourceIssues: parsed.issues };
}

/** A JSON object body (`{ case }`, `{ rev, case }`), its `case` checked to be an object. */
function envelope(req: Request): Record<string, unknown> & { case: Record<string, unknown> } {
  const parsed = parseCaseText(bodyText(req), 'request');
  if (!parsed.ok) throw new ApiError(400, [parsed.issue]);
  if (parsed.issues.length > 0) throw new ApiError(400, parsed.issues);
  const body = parsed.value;
  const c = body['case'];
  if (c === null || typeof c !== 'object' || Array.isArray(c)) throw badRequest('case', 'Send the case as an object in the field "case" (a partial case is fine).');
  const deep = nestingIssue(c);
  if (deep) throw new ApiError(400, [{ ...deep, path: deep.path ? `case.${deep.path}` : 'case' }]);
  return body as Record<string, unknown> & { case: Record<string, unknown> };
}

/** The Idempotency-Key of a change, with a fingerprint of what the change is. */
function idempotency(req: Request, ...parts: (string | Uint8Array)[]): Idempotency | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw badRequest('Idempotency-Key', 'The Idempotency-Key header is 1 to 200 visible ASCII characters, such as a UUID.');
  const h = createHash('sha256').update(`${req.method} ${req.baseUrl}${req.route?.path ?? ''}\n`);
  for (const p of parts) h.update(p).update('\n');
  return { key, fingerprint: h.digest('hex') };
}

const principal = (res: Response): Principal => res.locals['principal'] as Principal;
const requestId = (res: Response): string => String(res.locals['requestId']);
/** The caller for a change: the store writes its audit entry in the change's own transaction. */
const changer = (res: Response): Principal => ({ ...principal(res), requestId: requestId(res) });

const DRAFT_ID = /^draft-[0-9a-f]{32}$/;

function draftId(req: Request): string {
  const id = req.params['id'];
  // An id this server could not have made is a draft it does not have.
  if (typeof id !== 'string' || !DRAFT_ID.test(id)) throw notFound('draft with this id for your organization');
  return id;
}

const keyReused = () => new ApiError(422, [makeIssue('idempotency_key_reused', 'Idempotency-Key', 'error', {})]);


export function apiRouter(deps: ApiDeps): Router {
  const { store, generator, limits } = deps;
  const r = express.Router({ caseSensitive: true, strict: true });
  r.use((req, res, next) => {
    res.locals['mount'] = req.baseUrl;
    next();
  });
  const json = express.text({ type: ['application/json', 'application/*+json'], limit: limits.bodyBytes, defaultCharset: 'utf-8' });
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: limits.exhibitBytes, files: 1, fields: 0, parts: 1, headerPairs: 50 } });

  const audit = (res: Response, action: string, draft: string | null, outcome: string) => {
    const p = principal(res);
    return store.audit({ orgId: p.orgId, actor: p.actor, action, draftId: draft, requestId: requestId(res), outcome });
  };

  const refuseIntern = async (res: Response, preview: boolean, draft: string | null) => {
    if (!preview && principal(res).role !== 'attorney') {
      await audit(res, 'packet.generate', draft, 'refused');
      throw new ApiError(403, [makeIssue('role_refused', '', 'error', { action: 'make final packets (add preview=true for a preview)' })]);
    }
  };

  const sendPacket = async (res: Response, task: PacketTask, draft: string | null) => {
    const action = task.preview ? 'packet.preview' : 'packet.generate';
    let outcome: PacketOutcome;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limits.packetSeconds * 1000);
    res.on('close', () => abort.abort());
    try {
      outcome = await generator.packet(task, abort.signal);
    } catch (err) {
      if (err instanceof GeneratorBusyError) {
        await audit(res, action, draft, 'busy');
        res.set('Retry-After', '30');
        throw new ApiError(503, [makeIssue('server_busy', '', 'error', {})]);
      }
      if (abort.signal.aborted) {
        await audit(res, action, draft, 'aborted');
        if (res.headersSent || res.destroyed) return;
        throw new ApiError(503, [makeIssue('server_busy', '', 'error', {})]);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
    if (!outcome.ok) {
      await audit(res, action, draft, 'problems');
      if (outcome.usage !== undefined) throw badRequest('documents', outcome.usage);
      sendIssues(res, 422, outcome.issues);
      return;
    }
    await audit(res, action, draft, 'ok');
    res.status(200);
    res.set('Content-Type', 'application/zip');
    // No A-number in a header: proxies and browsers keep headers (the files inside carry it).
    res.set('Content-Disposition', `attachment; filename="${task.preview ? 'reopen-preview' : 'reopen-packet'}-${task.asOf}.zip"`);
    res.end(Buffer.from(outcome.zip.buffer, outcome.zip.byteOffset, outcome.zip.byteLength));
  };

  // ---- cases sent whole ----

  r.post('/check', json, async (req, res) => {
    const q = query(req, ['asOf']);
    const asOf = asOfOf(q, deps.today());
    const { value, sourceIssues } = caseBody(req);
    const { report } = checkCase(value, asOf, sourceIssues);
    await audit(res, 'case.check', null, report.ok ? 'ok' : 'problems');
    res.json(report);
  });

  r.post('/packets', deps.packetLimit, json, async (req, res) => {
    const q = query(req, ['asOf', 'documents', 'preview']);
    const asOf = asOfOf(q, deps.today());
    const preview = flag(q, 'preview');
    const documents = documentsOf(q);
    await refuseIntern(res, preview, null);
    const { value, sourceIssues } = caseBody(req);
    await sendPacket(res, { value, sourceIssues, asOf, preview, exhibits: null, ...(documents ? { documents } : {}) }, null);
  });

  // ---- drafts ----

  r.post('/drafts', json, async (req, res) => {
    query(req, []);
    const text = bodyText(req);
    const body = envelope(req);
    const outcome = await store.createDraft(changer(res), body.case, idempotency(req, text));
    if (outcome.outcome === 'key_reused') throw keyReused();
    res.status(201).json({ id: outcome.id, rev: outcome.rev });
  });

  r.get('/drafts', async (req, res) => {
    const q = query(req, ['limit', 'after']);
    const limit = q['limit'] === undefined ? 50 : Number(q['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badRequest('limit', 'limit is a whole number from 1 to 200.');
    const page = await store.listDrafts(principal(res), { limit, ...(q['after'] !== undefined ? { after: q['after'] } : {}) });
    if ('outcome' in page) throw badRequest('after', 'after must be the "next" value of the page before, unchanged.');
    await audit(res, 'draft.list', null, 'ok');
    res.json(page);
  });

  r.get('/drafts/:id', async (req, res) => {
    query(req, []);
    const id = draftId(req);
    const draft = await store.getDraft(principal(res), id);
    await audit(res, 'draft.read', id, draft ? 'ok' : 'not_found');
    if (!draft) throw notFound('draft with this id for your organization');
    res.json({ id: draft.id, rev: draft.rev, case: draft.case });
  });

  r.put('/drafts/:id', json, async (req, res) => {
    query(req, []);
    const id = draftId(req);
    const text = bodyText(req);
    const body = envelope(req);
    const rev = body['rev'];
    if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 1) throw badRequest('rev', 'Send "rev", the revision you read (a whole number), with the case.');
    const outcome = await store.updateDraft(changer(res), id, rev, body.case, idempotency(req, id, text));
    if (outcome.outcome === 'key_reused') throw keyReused();
    if (outcome.outcome === 'not_found') throw notFound('draft with this id for your organization');
    if (outcome.outcome === 'conflict') throw new ApiError(409, [makeIssue('rev_conflict', 'rev', 'error', { rev: outcome.rev })], { id, rev: outcome.rev });
    res.json({ id, rev: outcome.rev });
  });

  r.delete('/drafts/:id', async (req, res) => {
    query(req, []);
    const id = draftId(req);
    const outcome = await store.deleteDraft(changer(res), id, idempotency(req, id));
    if (outcome.outcome === 'key_reused') throw keyReused();
    if (outcome.outcome === 'not_found') throw notFound('draft with this id for your organization');
    res.status(204).end();
  });

  // ---- a draft's exhibits and packets ----

  r.post('/drafts/:id/exhibits', async (req, res) => {
    query(req, []);
    const id = draftId(req);
    // The draft is looked for before the upload is read, so another organization learns nothing.
    if ((await store.listExhibits(principal(res), id)) === null) {
      await audit(res, 'exhibit.add', id, 'not_found');
      throw notFound('draft with this id for your organization');
    }
    if (!req.is('multipart/form-data')) {
      throw new ApiError(415, [makeIssue('unsupported_media_type', '', 'error', { expected: 'multipart/form-data with the PDF in the field "file"' })]);
    }
    try {
      await new Promise<void>((resolve, reject) => upload.single('file')(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
    } catch (err) {
      if (err instanceof multer.MulterError) throw err;
      // busboy's own errors (no boundary, a truncated body, a malformed part) are the request's fault.
      throw badRequest('file', 'The upload could not be read: send it as multipart/form-data with the PDF in the field "file".');
    }
    const file = req.file;
    if (!file) throw badRequest('file', 'Send the PDF in the form field "file".');
    const checked = await deps.checkExhibit(file.buffer);
    if (!checked.ok) {
      await audit(res, 'exhibit.add', id, 'refused');
      throw new ApiError(422, [makeIssue('exhibit_upload', 'file', 'error', { problem: checked.problem })]);
    }
    const outcome = await store.addExhibit(changer(res), id, file.buffer, idempotency(req, id, file.buffer));
    if (outcome.outcome === 'key_reused') throw keyReused();
    if (outcome.outcome === 'not_found') throw notFound('draft with this id for your organization');
    res.status(201).json({
      id: outcome.id,
      bytes: outcome.bytes,
      sha256: outcome.sha256,
      pages: checked.pages,
      removed: checked.removed,
      pagesWithoutText: checked.pagesWithoutText,
    });
  });

  r.post('/drafts/:id/packets', deps.packetLimit, async (req, res) => {
    const q = query(req, ['asOf', 'documents', 'preview']);
    const id = draftId(req);
    const asOf = asOfOf(q, deps.today());
    const preview = flag(q, 'preview');
    const documents = documentsOf(q);
    const p = principal(res);
    const draft = await store.getDraft(p, id);
    if (!draft) {
      await audit(res, preview ? 'packet.preview' : 'packet.generate', id, 'not_found');
      throw notFound('draft with this id for your organization');
    }
    await refuseIntern(res, preview, id);
    if (draft.case === null || typeof draft.case !== 'object' || Array.isArray(draft.case)) throw badRequest('case', 'The draft holds no case object.');
    const exhibits: Record<string, Uint8Array> = {};
    for (const file of exhibitFiles(draft.case)) {
      const bytes = await store.readExhibit(p, id, file);
      if (bytes) exhibits[file] = bytes;
    }
    await sendPacket(res, { value: draft.case as Record<string, unknown>, sourceIssues: [], asOf, preview, exhibits, ...(documents ? { documents } : {}) }, id);
  });

  r.use((_req, _res) => {
    throw notFound('API route at this address; the README lists the routes of /api/v1');
  });
  return r;
}

/** The exhibit ids a case names in `motion.evidence[].file`. */
function exhibitFiles(value: object): string[] {
  const evidence = (value as { motion?: { evidence?: unknown } }).motion?.evidence;
  if (!Array.isArray(evidence)) return [];
  return evidence.map((e: unknown) => (e && typeof e === 'object' ? (e as { file?: unknown }).file : undefined)).filter((f): f is string => typeof f === 'string' && EXHIBIT_ID.test(f));
}
