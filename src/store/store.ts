/**
 * The one interface the server keeps its data through: organizations, tokens, drafts with their
 * revisions and exhibit files, idempotent changes, and the audit log. Every function is async, so
 * a store that talks to a database server (PostgreSQL, for several servers behind one address)
 * can take this one's place without a change to a route; sqlite-store.ts is the embedded one.
 *
 * Every draft function takes the caller (a Principal) and answers only within the caller's
 * organization: a draft of another organization is, to the caller, a draft that does not exist.
 * Case data (cases, names, exhibit files) is sealed before it is stored (crypto.ts) and opened
 * only on the way out.
 */

export type Role = 'attorney' | 'intern';
export const ROLES: readonly Role[] = ['attorney', 'intern'];

/** Who is asking: resolved from a bearer token (or, later, a signed-in user). */
export interface Principal {
  orgId: string;
  role: Role;
  /** The token (or user) id the audit log names; never the token itself. */
  actor: string;
  /**
   * The request this call serves. When given, each change (create, save, delete, exhibit) writes
   * its audit entry in the same transaction as the change: one flush to disk, and no change
   * without its entry.
   */
  requestId?: string;
}

/** Where a draft stands in review: an intern submits it, an attorney approves it or returns it. */
export type ReviewStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface ReviewState {
  status: ReviewStatus;
  /** The revision an attorney approved; any later save withdraws the approval. */
  approvedRev: number | null;
  /** The attorney's comment when returning the draft. */
  note: string | null;
  /** Who created the draft (a user or token id). */
  owner: string | null;
  rev: number;
}

export type ReviewChange = { action: 'submit' } | { action: 'approve'; rev: number } | { action: 'return'; note: string };

export interface DraftSummary {
  id: string;
  rev: number;
  /** When the latest revision was saved, ISO 8601 UTC. */
  updated: string;
  /** The respondent's name as the case gives it, or null when it has none yet. */
  name: string | null;
}

export interface Draft {
  id: string;
  rev: number;
  updated: string;
  /** The case as last saved: any JSON value (drafts may be partial or invalid). */
  case: unknown;
}

export interface StoredExhibit {
  id: string;
  bytes: number;
  sha256: string;
}

/**
 * A change sent with an `Idempotency-Key`: `fingerprint` is a hash of the request. The same key
 * and fingerprint get the first answer again without applying the change twice; the same key with
 * another fingerprint gets 'key_reused'.
 */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

export type Replayed<T> = T | { outcome: 'key_reused' };

export type CreateDraftOutcome = { outcome: 'created'; id: string; rev: number };
export type UpdateDraftOutcome =
  | { outcome: 'saved'; id: string; rev: number }
  | { outcome: 'conflict'; id: string; rev: number }
  | { outcome: 'not_found' };
export type DeleteDraftOutcome = { outcome: 'deleted' } | { outcome: 'not_found' };
export type AddExhibitOutcome = ({ outcome: 'stored' } & StoredExhibit) | { outcome: 'not_found' };

export interface AuditEntry {
  actor: string;
  orgId: string;
  /** What was done: 'draft.read', 'draft.create', 'draft.update', 'draft.delete', 'draft.list', 'exhibit.add', 'packet.generate', 'packet.preview', 'case.check'... */
  action: string;
  draftId: string | null;
  requestId: string;
  /** 'ok', or the reason it was refused ('not_found', 'conflict', 'refused', 'problems'). */
  outcome: string;
}

export interface AuditRecord extends AuditEntry {
  at: string;
}

/** A person who signs in to the web interview. */
export interface User {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  /** May invite users and set roles in the organization. */
  admin: boolean;
}

export interface Session {
  user: User;
  /** The CSRF token of this session, for the hidden `_csrf` field of every form. */
  csrf: string;
  expires: string;
}

/** A one-time link: an invitation to join, or a password reset. */
export interface Invitation {
  kind: 'invite' | 'reset';
  orgId: string;
  email: string;
  role: Role;
  admin: boolean;
  /** For a reset, the user whose password it sets. */
  userId: string | null;
}

export interface Store {
  /** The organization of this name, created when there is none; `created` says which. */
  ensureOrganization(name: string): Promise<{ id: string; name: string; created: boolean }>;
  /** A new bearer token for the organization: the token is returned once and stored only as a hash. */
  createToken(orgId: string, role: Role): Promise<{ id: string; token: string }>;
  /** The principal a token stands for, or null for an unknown or revoked token. */
  authenticate(token: string): Promise<Principal | null>;

  createDraft(p: Principal, value: unknown, idem?: Idempotency): Promise<Replayed<CreateDraftOutcome>>;
  getDraft(p: Principal, id: string): Promise<Draft | null>;
  /** Saves `value` as revision `rev + 1` if the draft is still at `rev`. */
  updateDraft(p: Principal, id: string, rev: number, value: unknown, idem?: Idempotency): Promise<Replayed<UpdateDraftOutcome>>;
  /** Erases the draft, every revision and exhibit, and its data key. */
  deleteDraft(p: Principal, id: string, idem?: Idempotency): Promise<Replayed<DeleteDraftOutcome>>;
  /** The organization's drafts, most recently saved first; `after` is the `next` of the page before. */
  listDrafts(p: Principal, page: { limit: number; after?: string }): Promise<{ drafts: DraftSummary[]; next: string | null } | { outcome: 'bad_cursor' }>;
  /** A stored revision, for checking what was saved; null when the draft or revision is not there. */
  getRevision(p: Principal, id: string, rev: number): Promise<unknown | null>;

  addExhibit(p: Principal, draftId: string, bytes: Uint8Array, idem?: Idempotency): Promise<Replayed<AddExhibitOutcome>>;
  /** The exhibit's bytes, or null when the draft has no exhibit of that id. */
  readExhibit(p: Principal, draftId: string, exhibitId: string): Promise<Uint8Array | null>;
  /** The ids of the draft's exhibits. */
  listExhibits(p: Principal, draftId: string): Promise<StoredExhibit[] | null>;

  /** Where the draft stands in review, or null when it is not the caller's organization's. */
  review(p: Principal, id: string): Promise<ReviewState | null>;
  /**
   * Submits, approves (the revision the attorney read: `rev`) or returns a draft, with its audit
   * entry. Who may do which is the caller's to decide (server/web); the store keeps the state.
   */
  setReview(p: Principal, id: string, change: ReviewChange): Promise<{ outcome: 'ok'; state: ReviewState } | { outcome: 'not_found' } | { outcome: 'conflict'; rev: number }>;
  /** The organization's drafts submitted for review, oldest first. */
  reviewQueue(p: Principal): Promise<DraftSummary[]>;

  /** A new user; null when the email is taken. `passwordHash` is an argon2id hash (server/auth). */
  createUser(orgId: string, email: string, passwordHash: string, role: Role, admin: boolean): Promise<User | null>;
  /** The user of an email (case-insensitive) with the password hash to verify, or null. */
  findUser(email: string): Promise<(User & { passwordHash: string }) | null>;
  listUsers(orgId: string): Promise<User[]>;
  setPassword(userId: string, passwordHash: string): Promise<void>;
  /** Ends every session of the user (after a password change). */
  endSessions(userId: string): Promise<void>;
  /** A new session for the user: the cookie value is returned once and stored only as a hash. */
  createSession(userId: string, hours: number): Promise<{ token: string; session: Session }>;
  /** The live session of a cookie value, or null (unknown, ended or expired). */
  session(token: string): Promise<Session | null>;
  endSession(token: string): Promise<void>;
  /** A one-time link's token, valid for `hours`; stored only as a hash. */
  createInvitation(inv: Invitation, hours: number): Promise<string>;
  /** The invitation of a token, if unused and unexpired; `use` marks it used in the same step. */
  invitation(token: string, use: boolean): Promise<Invitation | null>;
  /** Whether any user exists (for the first administrator). */
  hasUsers(): Promise<boolean>;

  audit(entry: AuditEntry): Promise<void>;
  /** The organization's audit log, newest first (for administrators and tests). */
  auditLog(orgId: string, limit: number): Promise<AuditRecord[]>;

  /** Finishes pending writes and closes; later calls fail. */
  close(): Promise<void>;
}

/** An exhibit id as a draft's `motion.evidence[].file` names it. */
export const EXHIBIT_ID = /^exhibit-[0-9a-f]{32}$/;
