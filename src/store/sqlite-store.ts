/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with synchronous=FULL,
 * so a save the server has answered is on disk and survives the process being killed or the
 * machine losing power. Writes are short transactions on the server's thread (better-sqlite3 is
 * synchronous, and that is what makes "acknowledged means stored" simple); anything slow, such as
 * rendering a packet, runs elsewhere (server/generation.ts).
 *
 * Erasing is real: secure_delete overwrites freed pages, and the WAL is checkpointed and truncated
 * after a deletion, so a deleted draft's bytes, sealed or not, do not stay in either file; and the
 * draft's data key goes with it (crypto.ts).
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { aesGcm, newDataKey, type Sealer } from './crypto.js';
import type {
  AddExhibitOutcome,
  AuditEntry,
  AuditRecord,
  CreateDraftOutcome,
  DeleteDraftOutcome,
  Draft,
  DraftSummary,
  Idempotency,
  Invitation,
  Principal,
  Replayed,
  ReviewChange,
  ReviewState,
  ReviewStatus,
  Role,
  Session,
  Store,
  StoredExhibit,
  UpdateDraftOutcome,
  User,
} from './store.js';

/** The file inside the data folder. */
export const DATABASE_FILE = 'reopen.sqlite';

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
) STRICT;
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL CHECK (role IN ('attorney', 'intern')),
  hash BLOB NOT NULL UNIQUE,
  created TEXT NOT NULL,
  revoked TEXT
) STRICT;
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  rev INTEGER NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  data_key BLOB NOT NULL,
  name BLOB
) STRICT;
CREATE INDEX drafts_by_org ON drafts (org_id, updated DESC, id DESC);
CREATE TABLE revisions (
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  rev INTEGER NOT NULL,
  saved TEXT NOT NULL,
  actor TEXT NOT NULL,
  body BLOB NOT NULL,
  PRIMARY KEY (draft_id, rev)
) STRICT;
CREATE TABLE exhibits (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  created TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  body BLOB NOT NULL
) STRICT;
CREATE INDEX exhibits_by_draft ON exhibits (draft_id);
CREATE TABLE idempotency (
  org_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  outcome TEXT NOT NULL,
  created TEXT NOT NULL,
  PRIMARY KEY (org_id, key)
) STRICT;
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  org_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  draft_id TEXT,
  request_id TEXT NOT NULL,
  outcome TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_org ON audit (org_id, id DESC);
`;

/** Outcomes of changes as the audit log words them. */
const AUDIT_OUTCOME: Readonly<Record<string, string>> = { created: 'ok', saved: 'ok', deleted: 'ok', stored: 'ok' };

/** Added in schema 2: people who sign in, their sessions, and one-time links. */
const SCHEMA_2 = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id),
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('attorney', 'intern')),
  admin INTEGER NOT NULL,
  created TEXT NOT NULL
) STRICT;
CREATE TABLE sessions (
  hash BLOB PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL
) STRICT;
CREATE TABLE invitations (
  hash BLOB PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
  org_id TEXT NOT NULL REFERENCES organizations(id),
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  admin INTEGER NOT NULL,
  user_id TEXT,
  expires TEXT NOT NULL,
  used TEXT
) STRICT;
ALTER TABLE drafts ADD COLUMN status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved'));
ALTER TABLE drafts ADD COLUMN approved_rev INTEGER;
ALTER TABLE drafts ADD COLUMN review_note BLOB;
ALTER TABLE drafts ADD COLUMN owner TEXT;
`;

/** Revisions kept for each draft, besides an approved one. */
export const KEEP_REVISIONS = 100;

/** How long an Idempotency-Key is remembered: a client retries within minutes, not days. */
const IDEMPOTENCY_HOURS = 24;

export interface SqliteStoreOptions {
  /** The database file; ':memory:' is refused, since nothing would be durable. */
  file: string;
  /** The server's 32-byte key (crypto.ts loadServerKey). */
  key: Uint8Array;
  /** The clock for timestamps (tests fix it). */
  now?: () => Date;
}

type Row = Record<string, unknown>;

/** Opens (creating if need be) the store in `file`; throws a plain Error when the file is not ours. */
export function openSqliteStore(opts: SqliteStoreOptions): Store {
  return new SqliteStore(opts);
}

class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly server: Sealer;
  private readonly now: () => Date;
  private closed = false;

  constructor(opts: SqliteStoreOptions) {
    if (opts.file === ':memory:' || opts.file === '') throw new Error('the store needs a file: an in-memory database keeps nothing');
    this.server = aesGcm(opts.key);
    this.now = opts.now ?? (() => new Date());
    this.db = new Database(opts.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    if (version > SCHEMA_VERSION) throw new Error(`the database was written by a newer Reopen (schema ${version}); this one reads schema ${SCHEMA_VERSION}`);
    this.db.transaction(() => {
      if (version < 1) this.db.exec(SCHEMA);
      if (version < 2) this.db.exec(SCHEMA_2);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private live(): void {
    if (this.closed) throw new Error('the store is closed');
  }

  // ---- organizations and tokens ----

  async ensureOrganization(name: string): Promise<{ id: string; name: string; created: boolean }> {
    this.live();
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id, name FROM organizations WHERE name = ?').get(name) as Row | undefined;
      if (row) return { id: String(row['id']), name: String(row['name']), created: false };
      const id = `org-${randomUUID()}`;
      this.db.prepare('INSERT INTO organizations (id, name, created) VALUES (?, ?, ?)').run(id, name, this.stamp());
      return { id, name, created: true };
    }).immediate();
  }

  async createToken(orgId: string, role: Role): Promise<{ id: string; token: string }> {
    this.live();
    const token = `rpn_${randomBytes(32).toString('base64url')}`;
    const id = `tok-${randomUUID()}`;
    this.db.prepare('INSERT INTO tokens (id, org_id, role, hash, created) VALUES (?, ?, ?, ?, ?)').run(id, orgId, role, tokenHash(token), this.stamp());
    return { id, token };
  }

  async authenticate(token: string): Promise<Principal | null> {
    this.live();
    if (!/^rpn_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const hash = tokenHash(token);
    const row = this.db.prepare('SELECT id, org_id, role, hash FROM tokens WHERE hash = ? AND revoked IS NULL').get(hash) as Row | undefined;
    // The lookup is by an index on the hash; the compare is constant-time for good measure.
    if (!row || !timingSafeEqual(row['hash'] as Buffer, hash)) return null;
    return { orgId: String(row['org_id']), role: row['role'] as Role, actor: String(row['id']) };
  }

  // ---- drafts ----

  private draftRow(p: Principal, id: string): Row | undefined {
    return this.db.prepare('SELECT id, rev, updated, data_key FROM drafts WHERE id = ? AND org_id = ?').get(id, p.orgId) as Row | undefined;
  }

  private dataKey(row: Row): Sealer {
    return aesGcm(this.server.open(row['data_key'] as Buffer, `data-key:${String(row['id'])}`));
  }

  /**
   * Runs `apply` once per (organization, key): a repeat with the same request gets the first
   * outcome. With `p.requestId`, the audit entry of the change is written in the same transaction.
   */
  private once<T extends { outcome: string; id?: string }>(p: Principal, idem: Idempotency | undefined, action: string, draftId: string | null, apply: () => T): Replayed<T> {
    return this.db.transaction((): Replayed<T> => {
      const audit = (outcome: string, id: string | null) => {
        if (p.requestId !== undefined) this.writeAudit({ orgId: p.orgId, actor: p.actor, action, draftId: id, requestId: p.requestId, outcome });
      };
      if (idem) {
        const seen = this.db.prepare('SELECT fingerprint, outcome FROM idempotency WHERE org_id = ? AND key = ?').get(p.orgId, idem.key) as Row | undefined;
        if (seen) {
          if (seen['fingerprint'] !== idem.fingerprint) {
            audit('key_reused', draftId);
            return { outcome: 'key_reused' };
          }
          const first = JSON.parse(String(seen['outcome'])) as T;
          audit('replayed', draftId ?? first.id ?? null);
          return first;
        }
      }
      const outcome = apply();
      audit(AUDIT_OUTCOME[outcome.outcome] ?? outcome.outcome, draftId ?? outcome.id ?? null);
      if (idem) {
        const at = this.now();
        this.db.prepare('INSERT INTO idempotency (org_id, key, fingerprint, outcome, created) VALUES (?, ?, ?, ?, ?)').run(p.orgId, idem.key, idem.fingerprint, JSON.stringify(outcome), at.toISOString());
        this.db.prepare('DELETE FROM idempotency WHERE created < ?').run(new Date(at.getTime() - IDEMPOTENCY_HOURS * 3600_000).toISOString());
      }
      return outcome;
    }).immediate();
  }

  async createDraft(p: Principal, value: unknown, idem?: Idempotency): Promise<Replayed<CreateDraftOutcome>> {
    this.live();
    return this.once(p, idem, 'draft.create', null, () => {
      const id = `draft-${randomBytes(16).toString('hex')}`;
      const key = newDataKey();
      const sealer = aesGcm(key);
      const at = this.stamp();
      this.db
        .prepare('INSERT INTO drafts (id, org_id, rev, created, updated, data_key, name, owner) VALUES (?, ?, 1, ?, ?, ?, ?, ?)')
        .run(id, p.orgId, at, at, this.server.seal(key, `data-key:${id}`), sealName(sealer, id, value), p.actor);
      this.db.prepare('INSERT INTO revisions (draft_id, rev, saved, actor, body) VALUES (?, 1, ?, ?, ?)').run(id, at, p.actor, sealer.seal(encode(value), `revision:${id}:1`));
      return { outcome: 'created' as const, id, rev: 1 };
    });
  }

  async getDraft(p: Principal, id: string): Promise<Draft | null> {
    this.live();
    const row = this.draftRow(p, id);
    if (!row) return null;
    const rev = Number(row['rev']);
    const body = this.db.prepare('SELECT body FROM revisions WHERE draft_id = ? AND rev = ?').get(id, rev) as Row | undefined;
    if (!body) return null;
    const value = decode(this.dataKey(row).open(body['body'] as Buffer, `revision:${id}:${rev}`));
    return { id, rev, updated: String(row['updated']), case: value };
  }

  async getRevision(p: Principal, id: string, rev: number): Promise<unknown | null> {
    this.live();
    const row = this.draftRow(p, id);
    if (!row) return null;
    const body = this.db.prepare('SELECT body FROM revisions WHERE draft_id = ? AND rev = ?').get(id, rev) as Row | undefined;
    return body ? decode(this.dataKey(row).open(body['body'] as Buffer, `revision:${id}:${rev}`)) : null;
  }

  async updateDraft(p: Principal, id: string, rev: number, value: unknown, idem?: Idempotency): Promise<Replayed<UpdateDraftOutcome>> {
    this.live();
    return this.once(p, idem, 'draft.update', id, (): UpdateDraftOutcome => {
      const row = this.draftRow(p, id);
      if (!row) return { outcome: 'not_found' };
      const current = Number(row['rev']);
      if (current !== rev) return { outcome: 'conflict', id, rev: current };
      const next = current + 1;
      const sealer = this.dataKey(row);
      const at = this.stamp();
      // A save after an approval withdraws it: what was approved is no longer what the draft says.
      this.db
        .prepare("UPDATE drafts SET rev = ?, updated = ?, name = ?, status = CASE status WHEN 'approved' THEN 'draft' ELSE status END, approved_rev = NULL WHERE id = ?")
        .run(next, at, sealName(sealer, id, value), id);
      this.db.prepare('INSERT INTO revisions (draft_id, rev, saved, actor, body) VALUES (?, ?, ?, ?, ?)').run(id, next, at, p.actor, sealer.seal(encode(value), `revision:${id}:${next}`));
      // The last KEEP_REVISIONS revisions are kept (and an approved one, whatever its age), so an
      // autosaving draft does not grow the database without end.
      this.db.prepare('DELETE FROM revisions WHERE draft_id = ? AND rev <= ? AND rev IS NOT (SELECT approved_rev FROM drafts WHERE id = ?)').run(id, next - KEEP_REVISIONS, id);
      return { outcome: 'saved', id, rev: next };
    });
  }

  async deleteDraft(p: Principal, id: string, idem?: Idempotency): Promise<Replayed<DeleteDraftOutcome>> {
    this.live();
    const outcome = this.once(p, idem, 'draft.delete', id, (): DeleteDraftOutcome => {
      const row = this.draftRow(p, id);
      if (!row) return { outcome: 'not_found' };
      this.db.prepare('DELETE FROM revisions WHERE draft_id = ?').run(id);
      this.db.prepare('DELETE FROM exhibits WHERE draft_id = ?').run(id);
      this.db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
      return { outcome: 'deleted' };
    });
    // The deleted pages are zeroed in the WAL by secure_delete; copying the WAL into the database
    // and truncating it leaves no older copy of them in either file.
    if ('outcome' in outcome && outcome.outcome === 'deleted') this.db.pragma('wal_checkpoint(TRUNCATE)');
    return outcome;
  }

  async listDrafts(p: Principal, page: { limit: number; after?: string }): Promise<{ drafts: DraftSummary[]; next: string | null } | { outcome: 'bad_cursor' }> {
    this.live();
    let rows: Row[];
    const limit = Math.max(1, Math.min(200, Math.floor(page.limit)));
    if (page.after !== undefined) {
      const cursor = readCursor(page.after);
      if (!cursor) return { outcome: 'bad_cursor' };
      rows = this.db
        .prepare('SELECT id, rev, updated, data_key, name FROM drafts WHERE org_id = ? AND (updated < ? OR (updated = ? AND id < ?)) ORDER BY updated DESC, id DESC LIMIT ?')
        .all(p.orgId, cursor.updated, cursor.updated, cursor.id, limit + 1) as Row[];
    } else {
      rows = this.db.prepare('SELECT id, rev, updated, data_key, name FROM drafts WHERE org_id = ? ORDER BY updated DESC, id DESC LIMIT ?').all(p.orgId, limit + 1) as Row[];
    }
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    const drafts = shown.map((r) => this.summaryOf(r));
    const last = shown[shown.length - 1];
    return { drafts, next: more && last ? writeCursor(String(last['updated']), String(last['id'])) : null };
  }

  // ---- exhibits ----

  async addExhibit(p: Principal, draftId: string, bytes: Uint8Array, idem?: Idempotency): Promise<Replayed<AddExhibitOutcome>> {
    this.live();
    return this.once(p, idem, 'exhibit.add', draftId, (): AddExhibitOutcome => {
      const row = this.draftRow(p, draftId);
      if (!row) return { outcome: 'not_found' };
      const id = `exhibit-${randomBytes(16).toString('hex')}`;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      this.db
        .prepare('INSERT INTO exhibits (id, draft_id, created, bytes, sha256, body) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, draftId, this.stamp(), bytes.length, sha256, this.dataKey(row).seal(bytes, `exhibit:${draftId}:${id}`));
      return { outcome: 'stored', id, bytes: bytes.length, sha256 };
    });
  }

  async readExhibit(p: Principal, draftId: string, exhibitId: string): Promise<Uint8Array | null> {
    this.live();
    const row = this.draftRow(p, draftId);
    if (!row) return null;
    const ex = this.db.prepare('SELECT body FROM exhibits WHERE id = ? AND draft_id = ?').get(exhibitId, draftId) as Row | undefined;
    return ex ? new Uint8Array(this.dataKey(row).open(ex['body'] as Buffer, `exhibit:${draftId}:${exhibitId}`)) : null;
  }

  async listExhibits(p: Principal, draftId: string): Promise<StoredExhibit[] | null> {
    this.live();
    if (!this.draftRow(p, draftId)) return null;
    const rows = this.db.prepare('SELECT id, bytes, sha256 FROM exhibits WHERE draft_id = ? ORDER BY created, id').all(draftId) as Row[];
    return rows.map((r) => ({ id: String(r['id']), bytes: Number(r['bytes']), sha256: String(r['sha256']) }));
  }

  // ---- review ----

  private reviewOf(r: Row): ReviewState {
    const id = String(r['id']);
    return {
      status: r['status'] as ReviewStatus,
      approvedRev: r['approved_rev'] === null ? null : Number(r['approved_rev']),
      note: r['review_note'] ? this.dataKey(r).open(r['review_note'] as Buffer, `note:${id}`).toString('utf8') : null,
      owner: r['owner'] === null ? null : String(r['owner']),
      rev: Number(r['rev']),
    };
  }

  async review(p: Principal, id: string): Promise<ReviewState | null> {
    this.live();
    const r = this.db.prepare('SELECT * FROM drafts WHERE id = ? AND org_id = ?').get(id, p.orgId) as Row | undefined;
    return r ? this.reviewOf(r) : null;
  }

  async setReview(p: Principal, id: string, change: ReviewChange): Promise<{ outcome: 'ok'; state: ReviewState } | { outcome: 'not_found' } | { outcome: 'conflict'; rev: number }> {
    this.live();
    return this.db.transaction(() => {
      const r = this.db.prepare('SELECT * FROM drafts WHERE id = ? AND org_id = ?').get(id, p.orgId) as Row | undefined;
      const audit = (outcome: string) => this.writeAudit({ orgId: p.orgId, actor: p.actor, action: `review.${change.action}`, draftId: id, requestId: p.requestId ?? '', outcome });
      if (!r) {
        audit('not_found');
        return { outcome: 'not_found' as const };
      }
      if (change.action === 'approve' && change.rev !== Number(r['rev'])) {
        audit('conflict');
        return { outcome: 'conflict' as const, rev: Number(r['rev']) };
      }
      if (change.action === 'submit') this.db.prepare("UPDATE drafts SET status = 'submitted', review_note = NULL, approved_rev = NULL WHERE id = ?").run(id);
      if (change.action === 'approve') this.db.prepare("UPDATE drafts SET status = 'approved', approved_rev = ?, review_note = NULL WHERE id = ?").run(change.rev, id);
      if (change.action === 'return') {
        this.db.prepare("UPDATE drafts SET status = 'returned', approved_rev = NULL, review_note = ? WHERE id = ?").run(this.dataKey(r).seal(Buffer.from(change.note, 'utf8'), `note:${id}`), id);
      }
      audit('ok');
      const after = this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as Row;
      return { outcome: 'ok' as const, state: this.reviewOf(after) };
    }).immediate();
  }

  async reviewQueue(p: Principal): Promise<DraftSummary[]> {
    this.live();
    const rows = this.db.prepare("SELECT id, rev, updated, data_key, name FROM drafts WHERE org_id = ? AND status = 'submitted' ORDER BY updated, id").all(p.orgId) as Row[];
    return rows.map((r) => this.summaryOf(r));
  }

  /** A draft row as the list shows it, its name opened with the draft's key. */
  private summaryOf(r: Row): DraftSummary {
    const id = String(r['id']);
    return { id, rev: Number(r['rev']), updated: String(r['updated']), name: r['name'] ? this.dataKey(r).open(r['name'] as Buffer, `name:${id}`).toString('utf8') : null };
  }

  // ---- people ----

  private userOf(r: Row): User {
    return { id: String(r['id']), orgId: String(r['org_id']), email: String(r['email']), role: r['role'] as Role, admin: r['admin'] === 1 };
  }

  async createUser(orgId: string, email: string, passwordHash: string, role: Role, admin: boolean): Promise<User | null> {
    this.live();
    const id = `usr-${randomUUID()}`;
    try {
      this.db.prepare('INSERT INTO users (id, org_id, email, password_hash, role, admin, created) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, orgId, email, passwordHash, role, admin ? 1 : 0, this.stamp());
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
      throw err;
    }
    return { id, orgId, email, role, admin };
  }

  async findUser(email: string): Promise<(User & { passwordHash: string }) | null> {
    this.live();
    const r = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as Row | undefined;
    return r ? { ...this.userOf(r), passwordHash: String(r['password_hash']) } : null;
  }

  async listUsers(orgId: string): Promise<User[]> {
    this.live();
    return (this.db.prepare('SELECT * FROM users WHERE org_id = ? ORDER BY email').all(orgId) as Row[]).map((r) => this.userOf(r));
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    this.live();
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  async endSessions(userId: string): Promise<void> {
    this.live();
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  async createSession(userId: string, hours: number): Promise<{ token: string; session: Session }> {
    this.live();
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const now = this.now();
    const expires = new Date(now.getTime() + hours * 3600_000).toISOString();
    this.db.prepare('INSERT INTO sessions (hash, user_id, csrf, created, expires) VALUES (?, ?, ?, ?, ?)').run(tokenHash(token), userId, csrf, now.toISOString(), expires);
    this.db.prepare('DELETE FROM sessions WHERE expires < ?').run(now.toISOString());
    const user = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as Row;
    return { token, session: { user: this.userOf(user), csrf, expires } };
  }

  async session(token: string): Promise<Session | null> {
    this.live();
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const r = this.db
      .prepare('SELECT u.*, s.csrf, s.expires FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ? AND s.expires > ?')
      .get(tokenHash(token), this.stamp()) as Row | undefined;
    return r ? { user: this.userOf(r), csrf: String(r['csrf']), expires: String(r['expires']) } : null;
  }

  async endSession(token: string): Promise<void> {
    this.live();
    this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(tokenHash(token));
  }

  async createInvitation(inv: Invitation, hours: number): Promise<string> {
    this.live();
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO invitations (hash, kind, org_id, email, role, admin, user_id, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(tokenHash(token), inv.kind, inv.orgId, inv.email, inv.role, inv.admin ? 1 : 0, inv.userId, new Date(this.now().getTime() + hours * 3600_000).toISOString());
    return token;
  }

  async invitation(token: string, use: boolean): Promise<Invitation | null> {
    this.live();
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.db.transaction((): Invitation | null => {
      const r = this.db.prepare('SELECT * FROM invitations WHERE hash = ? AND used IS NULL AND expires > ?').get(tokenHash(token), this.stamp()) as Row | undefined;
      if (!r) return null;
      if (use) this.db.prepare('UPDATE invitations SET used = ? WHERE hash = ?').run(this.stamp(), tokenHash(token));
      return { kind: r['kind'] as Invitation['kind'], orgId: String(r['org_id']), email: String(r['email']), role: r['role'] as Role, admin: r['admin'] === 1, userId: r['user_id'] === null ? null : String(r['user_id']) };
    }).immediate();
  }

  async hasUsers(): Promise<boolean> {
    this.live();
    return this.db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
  }

  // ---- audit ----

  async audit(e: AuditEntry): Promise<void> {
    this.live();
    this.writeAudit(e);
  }

  /** One audit row, inside whatever transaction is open. */
  private writeAudit(e: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit (at, org_id, actor, action, draft_id, request_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(this.stamp(), e.orgId, e.actor, e.action, e.draftId, e.requestId, e.outcome);
  }

  async auditLog(orgId: string, limit: number): Promise<AuditRecord[]> {
    this.live();
    const rows = this.db.prepare('SELECT at, org_id, actor, action, draft_id, request_id, outcome FROM audit WHERE org_id = ? ORDER BY id DESC LIMIT ?').all(orgId, limit) as Row[];
    return rows.map((r) => ({
      at: String(r['at']),
      orgId: String(r['org_id']),
      actor: String(r['actor']),
      action: String(r['action']),
      draftId: r['draft_id'] === null ? null : String(r['draft_id']),
      requestId: String(r['request_id']),
      outcome: String(r['outcome']),
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

function tokenHash(token: string): Buffer {
  // Tokens are 256 random bits, so a plain hash is as strong as a slow one and costs nothing per request.
  return createHash('sha256').update(token, 'utf8').digest();
}

function encode(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value ?? null), 'utf8');
}

function decode(bytes: Buffer): unknown {
  return JSON.parse(bytes.toString('utf8'));
}

/** The respondent's name, for the list of drafts; sealed like the case it comes from. */
function sealName(sealer: Sealer, id: string, value: unknown): Buffer | null {
  const name = respondentName(value);
  return name === null ? null : sealer.seal(Buffer.from(name, 'utf8'), `name:${id}`);
}

/** `respondent.name` of a case (given, middle, family) as one line, or null when it has none. */
export function respondentName(value: unknown): string | null {
  const name = (value as { respondent?: { name?: Record<string, unknown> } } | null)?.respondent?.name;
  if (!name || typeof name !== 'object') return null;
  const parts = [name['given'], name['middle'], name['family']].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return parts.length > 0 ? parts.join(' ').slice(0, 200) : null;
}

function writeCursor(updated: string, id: string): string {
  return Buffer.from(JSON.stringify([updated, id]), 'utf8').toString('base64url');
}

function readCursor(text: string): { updated: string; id: string } | null {
  if (text.length > 200) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { updated: v[0], id: v[1] };
  } catch {
    // not a cursor this store wrote
  }
  return null;
}
