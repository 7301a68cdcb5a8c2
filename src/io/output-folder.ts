/**
 * What an output folder holds, and whose it is. Reopen may change a file only when it can prove it
 * wrote it for this case: a manifest of Reopen's own (format `reopen.manifest/1`) for the same
 * A-number lists the file's name with the SHA-256 the file still has. An interrupted run's journal
 * (in its staging folder) counts as such a manifest: it lists what that run was putting in place
 * and what it was replacing, so the files of a run killed half-way are still provably Reopen's.
 *
 * Everything else is someone else's: another program's files (a manifest.json without Reopen's
 * format id included), Reopen's files for another A-number, and files changed since Reopen wrote
 * them ("edited").
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_NAME } from './output-lock.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'reopen.manifest/1';
export const JOURNAL = '.reopen-journal.json';
export const JOURNAL_FORMAT = 'reopen.journal/1';
export const STAGING_PREFIX = '.reopen-staging-';
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Where a case's manifest goes when manifest.json is taken by someone else's. */
export const ownManifestName = (aNumber: string) => `${aNumber}-manifest.json`;
const MANIFEST_NAME = /^(?:manifest|\d{9}-manifest)\.json$/;
/** Files an operating system's file browser leaves in any folder it shows: nobody's data. */
const OS_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export type EntryKind = 'file' | 'folder' | 'other';

export interface Listed {
  name: string;
  sha256: string;
}

export interface Journal {
  format: typeof JOURNAL_FORMAT;
  aNumber: string;
  /** The name the run's manifest takes in the folder. */
  manifest: string;
  /** What the run puts in place. */
  files: Listed[];
  /** Files of earlier runs the run replaces or removes, as they were. */
  previous: Listed[];
}

export interface FolderState {
  kinds: Map<string, EntryKind>;
  /** Reopen's manifests for this A-number. */
  ownManifests: string[];
  /** Earlier files of this A-number still as Reopen wrote them: name -> SHA-256. */
  ours: Map<string, string>;
  /** Files an earlier run of this A-number wrote that have changed since. */
  edited: string[];
  /** Reopen's manifests and interrupted runs for other A-numbers, and the names they list. */
  otherPeople: { where: string; aNumber: string | null; lists: string[] }[];
  /** Everything else not Reopen's: other programs' files and folders, other people's files. */
  others: string[];
  /** Staging folders of runs that are gone, to remove once this run is in place. */
  staleStaging: string[];
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function kindOf(path: string): Promise<EntryKind | 'missing'> {
  try {
    const s = await lstat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    if (err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function listed(value: unknown): Listed[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f: { name?: unknown; sha256?: unknown }) =>
    f && typeof f.name === 'string' && SAFE_NAME.test(f.name) && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256)
      ? [{ name: f.name, sha256: f.sha256 }]
      : [],
  );
}

/** A manifest of Reopen's (null: not one) and the A-number it is for (null: cannot tell). */
export function parseManifest(value: unknown): { aNumber: string | null; files: Listed[] } | null {
  if (!value || typeof value !== 'object' || (value as { format?: unknown }).format !== MANIFEST_FORMAT) return null;
  const files = listed((value as { files?: unknown }).files);
  const field = (value as { aNumber?: unknown }).aNumber;
  if (typeof field === 'string' && /^\d{9}$/.test(field)) return { aNumber: field, files };
  // Manifests written before the aNumber field: every file name starts with the A-number.
  const prefixes = new Set(files.map((f) => /^(\d{9})-/.exec(f.name)?.[1] ?? ''));
  const only = prefixes.size === 1 ? [...prefixes][0]! : '';
  return { aNumber: only || (files.length === 0 ? '' : null), files };
}

function parseJournal(value: unknown): Journal | null {
  const v = value as Partial<Journal> | undefined;
  if (!v || v.format !== JOURNAL_FORMAT || typeof v.aNumber !== 'string' || typeof v.manifest !== 'string') return null;
  return { format: JOURNAL_FORMAT, aNumber: v.aNumber, manifest: v.manifest, files: listed(v.files), previous: listed(v.previous) };
}

export async function readFolder(dir: string, aNumber: string): Promise<FolderState> {
  const state: FolderState = { kinds: new Map(), ownManifests: [], ours: new Map(), edited: [], otherPeople: [], others: [], staleStaging: [] };
  const proofs = new Map<string, Set<string>>();
  const prove = (files: Listed[]) => {
    for (const f of files) proofs.set(f.name, (proofs.get(f.name) ?? new Set()).add(f.sha256));
  };
  const rest: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const kind = await kindOf(join(dir, name));
    if (kind === 'missing') continue;
    state.kinds.set(name, kind);
    if (name === LOCK_NAME || name.startsWith(`${LOCK_NAME}.`) || OS_LITTER.has(name)) continue;
    if (name.startsWith(STAGING_PREFIX) && kind === 'folder') {
      const journal = parseJournal(await readJson(join(dir, name, JOURNAL)));
      if (journal && journal.aNumber !== aNumber) {
        // Another person's interrupted run: its journal is what proves their files; leave it.
        state.otherPeople.push({ where: name, aNumber: journal.aNumber, lists: [...journal.files, ...journal.previous].map((f) => f.name) });
        continue;
      }
      if (journal) prove([...journal.files, ...journal.previous]);
      state.staleStaging.push(name);
      continue;
    }
    if (MANIFEST_NAME.test(name) && kind === 'file') {
      const m = parseManifest(await readJson(join(dir, name)));
      if (m && (m.aNumber === aNumber || m.aNumber === '')) {
        state.ownManifests.push(name);
        prove(m.files);
        continue;
      }
      if (m) {
        state.otherPeople.push({ where: name, aNumber: m.aNumber, lists: m.files.map((f) => f.name) });
        continue;
      }
    }
    rest.push(name);
  }
  for (const name of rest) {
    const hashes = proofs.get(name);
    if (hashes && state.kinds.get(name) === 'file') {
      const now = await fileSha256(join(dir, name));
      if (hashes.has(now)) state.ours.set(name, now);
      else state.edited.push(name);
    } else {
      state.others.push(name);
    }
  }
  return state;
}
