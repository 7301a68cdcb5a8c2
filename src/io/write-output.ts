/**
 * Writing a generate run's files into an output folder without losing anything that is not
 * Reopen's to change, and so that a run killed at any moment is finished by running it again.
 *
 * The rules (see output-folder.ts for what counts as Reopen's):
 * - an output folder belongs to one case. A folder holding files Reopen did not write, or Reopen's
 *   files for another A-number, is refused unless allowOtherFiles is set; then they are left alone
 *   (and this case's manifest is `<A-number>-manifest.json` when manifest.json is someone else's);
 * - an earlier file is replaced or removed only when Reopen's own manifest (or an interrupted
 *   run's journal) for this A-number lists it with the SHA-256 it still has. A file changed since
 *   (an attorney's edits to a DOCX) stops the run, named, and is left alone; so does anything that
 *   is not Reopen's at a name this run writes;
 * - everything that could stop the run is checked before anything in the folder changes;
 * - one run at a time (output-lock.ts).
 *
 * Crash safety. Files are written and fsynced in a staging folder inside the output folder (same
 * file system), with a journal listing what the run puts in place and what it replaces. Only when
 * the journal is on disk does the folder change: each file is renamed into place (an atomic
 * replace), then files of earlier runs that this run does not write are removed, then the manifest
 * is renamed into place: the commit point. Until then the folder's files are each either an
 * earlier run's (listed by the old manifest, still there) or this run's (listed by the journal,
 * still there), so a rerun can prove every one of them is Reopen's; stale staging folders are
 * removed only after the rerun's own manifest is in place.
 */
import { mkdir, mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode, fsProblem, isFsError, type FsDoing } from './fs-words.js';
import {
  fileSha256,
  JOURNAL,
  JOURNAL_FORMAT,
  kindOf,
  MANIFEST,
  ownManifestName,
  parseManifest,
  readFolder,
  SAFE_NAME,
  sha256,
  STAGING_PREFIX,
  type FolderState,
  type Journal,
} from './output-folder.js';
import { acquireLock, LOCK_NAME, type HeldLock, type LockBusy } from './output-lock.js';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface WriteOptions {
  /** Write beside files Reopen did not write (other programs', other people's), leaving them alone. */
  allowOtherFiles?: boolean;
  /** How long to wait for another run writing into the folder (default 3 seconds). */
  lockWaitMs?: number;
  /** Called after each step that changes the disk, with its name; crash tests stop the process there. */
  onStep?: (step: string) => void;
}

export class OutputError extends Error {
  /** The folder was changed before the run stopped: running again finishes the job. */
  readonly partial: boolean;
  constructor(message: string, opts: { partial?: boolean } = {}) {
    super(message);
    this.name = 'OutputError';
    this.partial = opts.partial === true;
  }
}

interface Staged {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

interface Plan {
  docs: Staged[];
  manifest: Staged;
  /** Files of earlier runs this run replaces (name -> SHA-256 they have now). */
  replaces: Map<string, string>;
  /** Files of earlier runs this run does not write. */
  removes: Map<string, string>;
  /** Whether the manifest's name already holds this case's manifest (else it is free). */
  manifestReplaces: boolean;
  /** This case's manifests under another name than the one this run writes. */
  oldManifests: string[];
  staleStaging: string[];
}

/** Runs a file-system step; a failure becomes a sentence about `where`, the path the user knows. */
async function step<T>(where: string, doing: FsDoing, partial: boolean, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isFsError(err)) throw new OutputError(fsProblem(err, where, doing), { partial });
    throw err;
  }
}

export async function writeOutput(out: string, files: readonly OutputFile[], opts: WriteOptions = {}): Promise<string[]> {
  for (const f of files) if (!SAFE_NAME.test(f.name)) throw new OutputError(`refusing to write the unsafe file name "${f.name}".`);
  const manifestFile = files.find((f) => f.name === MANIFEST);
  const aNumber = manifestFile ? ownerOf(manifestFile.bytes) : null;
  if (!manifestFile || !aNumber) throw new Error('writeOutput: the files must include the run\'s manifest.json, naming the A-number');
  const dir = resolve(out);
  await ensureFolder(dir, out);
  const lock: HeldLock | LockBusy = await step(out, 'lock', false, () => acquireLock(dir, opts.lockWaitMs ?? 3_000));
  if ('busy' in lock) throw new OutputError(busyMessage(out, lock));
  try {
    opts.onStep?.('locked');
    const state = await step(out, 'read', false, () => readFolder(dir, aNumber));
    const plan = planRun(out, state, files, aNumber, opts.allowOtherFiles === true);
    return await commit(dir, out, plan, aNumber, lock, opts.onStep ?? (() => undefined));
  } finally {
    await lock.release().catch(() => undefined);
  }
}

function ownerOf(bytes: Uint8Array): string | null {
  try {
    return parseManifest(JSON.parse(Buffer.from(bytes).toString('utf8')))?.aNumber || null;
  } catch {
    return null;
  }
}

/** Makes the output folder (and the folders above it) without following it into /proc-like loops. */
async function ensureFolder(dir: string, out: string): Promise<void> {
  let found;
  try {
    found = await stat(dir);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw isFsError(err) ? new OutputError(fsProblem(err, out, 'create the folder')) : err;
  }
  if (found) {
    if (found.isDirectory()) return;
    throw new OutputError(
      found.isFile()
        ? `the output folder ${out} is a file, not a folder; choose another --out.`
        : `the output folder ${out} is not a folder (it is a device or another special file); choose another --out.`,
    );
  }
  if ((await kindOf(dir).catch(() => 'missing')) === 'other') {
    throw new OutputError(`the output folder ${out} is a link to a folder that does not exist; create that folder or choose another --out.`);
  }
  const parent = dirname(dir);
  if (parent !== dir) await ensureFolder(parent, out);
  // Not mkdir({ recursive: true }): under /proc it fails with "not found" for ever (Node 20).
  try {
    await mkdir(dir);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST' && (await stat(dir).catch(() => null))?.isDirectory()) return;
    throw isFsError(err) ? new OutputError(fsProblem(err, out, 'create the folder')) : err;
  }
}

function busyMessage(out: string, { busy }: LockBusy): string {
  const wait = 'wait for it to finish and run again';
  if (!busy) return `another Reopen run is starting to write into ${out}; ${wait}.`;
  if (busy.sameHost) return `another Reopen run (process ${busy.pid}) is writing into ${out}; ${wait}.`;
  return `another Reopen run, on another computer, is writing into ${out} (or was stopped there); ${wait}. If no run is going on, delete ${join(out, LOCK_NAME)}.`;
}

const few = (names: string[]) => (names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);
const both = (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);

/** What this run replaces and removes, or every reason it may not touch the folder. */
function planRun(out: string, state: FolderState, files: readonly OutputFile[], aNumber: string, allowOtherFiles: boolean): Plan {
  const at = (name: string) => join(out, name);
  const manifestName = state.ownManifests.includes(MANIFEST) || !state.kinds.has(MANIFEST)
    ? MANIFEST
    : (state.ownManifests[0] ?? ownManifestName(aNumber));
  const staged = (f: OutputFile, name = f.name): Staged => ({ name, bytes: f.bytes, sha256: sha256(f.bytes) });
  const docs = files.filter((f) => f.name !== MANIFEST).map((f) => staged(f));
  const manifest = staged(files.find((f) => f.name === MANIFEST)!, manifestName);

  const problems: string[] = [];
  const blocked: string[] = [];
  const replaces = new Map<string, string>();
  for (const name of [...docs.map((d) => d.name), manifestName]) {
    const kind = state.kinds.get(name);
    if (kind === undefined || state.edited.includes(name)) continue; // free, or reported below
    if (name === manifestName && state.ownManifests.includes(name)) continue;
    const sha = state.ours.get(name);
    if (sha !== undefined) {
      replaces.set(name, sha);
      continue;
    }
    blocked.push(name);
    problems.push(
      kind === 'file'
        ? `${at(name)} is in the way: Reopen cannot prove it wrote it (no manifest of Reopen's for this case lists it as it is), so it will not replace it; move it away and run again.`
        : `${at(name)} exists and is not a file, so it cannot be replaced; move it away and run again.`,
    );
  }
  if (state.edited.length > 0) {
    const them = state.edited.length === 1 ? 'it' : 'them';
    problems.push(
      `${both(state.edited.map(at))} changed after Reopen wrote ${them}, so Reopen will neither replace nor remove ${them}; ` +
        `to keep the changes, move or rename ${them}, then run again.`,
    );
  }
  if (!allowOtherFiles) {
    const holds: string[] = [];
    const theirs = new Set(state.otherPeople.flatMap((p) => p.lists));
    for (const p of state.otherPeople) {
      const whose = p.aNumber ? `another A-number, ${p.aNumber}` : 'another case';
      holds.push(`Reopen's files for ${whose} (${p.where.startsWith(STAGING_PREFIX) ? 'an interrupted run' : p.where})`);
    }
    const others = state.others.filter((n) => !blocked.includes(n) && !theirs.has(n));
    if (others.length > 0) holds.push(`files Reopen did not write (${few(others)})`);
    if (holds.length > 0) {
      const word = others.some((n) => n.startsWith('~$')) ? ' (a name starting with ~$ means a document is open in Word: close it first)' : '';
      problems.push(
        `the output folder ${out} holds ${both(holds)}${word}; an output folder belongs to one case. ` +
          'Choose another --out (a new or empty folder), or add --allow-other-files to write beside them and leave them alone.',
      );
    }
  }
  if (problems.length > 0) throw new OutputError(problems.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join(' '));

  const removes = new Map([...state.ours].filter(([name]) => !docs.some((d) => d.name === name)));
  const oldManifests = state.ownManifests.filter((n) => n !== manifestName);
  const manifestReplaces = state.ownManifests.includes(manifestName);
  return { docs, manifest, replaces, removes, manifestReplaces, oldManifests, staleStaging: state.staleStaging };
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(path, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes renames and removals in a folder durable. Some systems (Windows) cannot sync a folder. */
async function syncFolder(path: string): Promise<void> {
  let fh;
  try {
    fh = await open(path, 'r');
    await fh.sync();
  } catch (err) {
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF'].includes(errnoCode(err) ?? '')) throw err;
  } finally {
    await fh?.close();
  }
}

async function commit(dir: string, out: string, plan: Plan, aNumber: string, lock: HeldLock, onStep: (s: string) => void): Promise<string[]> {
  let changed = false;
  const staging = await step(out, 'write in', false, () => mkdtemp(join(dir, `${STAGING_PREFIX}${process.pid}-`)));
  try {
    for (const f of [...plan.docs, plan.manifest]) await step(out, 'write in', false, () => writeDurably(join(staging, f.name), f.bytes));
    const journal: Journal = {
      format: JOURNAL_FORMAT,
      aNumber,
      manifest: plan.manifest.name,
      files: [...plan.docs, plan.manifest].map(({ name, sha256 }) => ({ name, sha256 })),
      previous: [...plan.replaces, ...plan.removes].map(([name, sha]) => ({ name, sha256: sha })),
    };
    await step(out, 'write in', false, async () => {
      await writeDurably(join(staging, JOURNAL), Buffer.from(`${JSON.stringify(journal, null, 2)}\n`));
      await syncFolder(staging);
    });
    onStep('staged');
    if (!(await lock.stillHeld())) throw new OutputError(`another Reopen run took over ${out} while this one was preparing its files; run again when it is done.`);

    for (const f of plan.docs) {
      await unchanged(dir, out, f.name, plan.replaces.get(f.name), changed);
      await step(join(out, f.name), 'replace', changed, () => rename(join(staging, f.name), join(dir, f.name)));
      changed = true;
      onStep(`placed ${f.name}`);
    }
    for (const [name, sha] of plan.removes) {
      await unchanged(dir, out, name, sha, changed);
      await step(join(out, name), 'remove', changed, () => rm(join(dir, name)));
      changed = true;
      onStep(`removed ${name}`);
    }
    // The commit point: from here the folder holds exactly this run's files and its manifest.
    await manifestSlot(dir, out, plan, aNumber, changed);
    await step(join(out, plan.manifest.name), 'replace', changed, () => rename(join(staging, plan.manifest.name), join(dir, plan.manifest.name)));
    changed = true;
    onStep('manifest');
    for (const name of plan.oldManifests) {
      await step(join(out, name), 'remove', true, () => rm(join(dir, name), { force: true }));
      onStep(`removed ${name}`);
    }
    await step(out, 'write in', true, () => syncFolder(dir));
    for (const name of [basename(staging), ...plan.staleStaging]) {
      await step(out, 'remove', true, () => rm(join(dir, name), { recursive: true, force: true }));
      onStep(`swept ${name}`);
    }
    await step(out, 'write in', true, () => syncFolder(dir));
    return [...plan.docs, plan.manifest].map((f) => join(out, f.name));
  } catch (err) {
    // Before the folder changed, the staging folder is only a copy; after, its journal is what
    // lets the next run prove which files are Reopen's, so it stays.
    if (!changed) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Checks, right before replacing or removing, that a file is still as the plan found it: an
 * earlier run's file with the same SHA-256 (sha given), or nothing (no sha). An attorney saving a
 * DOCX while the run writes stops it there, and the file is left alone.
 */
async function unchanged(dir: string, out: string, name: string, sha: string | undefined, partial: boolean): Promise<void> {
  const path = join(dir, name);
  const kind = await step(join(out, name), 'read', partial, () => kindOf(path));
  if (sha === undefined) {
    if (kind === 'missing') return;
    throw appeared(out, name, partial);
  }
  if (kind === 'file' && (await step(join(out, name), 'read', partial, () => fileSha256(path))) === sha) return;
  throw new OutputError(
    `${join(out, name)} changed while Reopen was writing, so Reopen left it alone and stopped; to keep the changes move or rename it, then run the same command again.`,
    { partial },
  );
}

/** The manifest's name still holds this case's manifest, or still nothing. */
async function manifestSlot(dir: string, out: string, plan: Plan, aNumber: string, partial: boolean): Promise<void> {
  const name = plan.manifest.name;
  if (!plan.manifestReplaces) return unchanged(dir, out, name, undefined, partial);
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return; // removed meanwhile: the name is free
    throw isFsError(err) ? new OutputError(fsProblem(err, join(out, name), 'read'), { partial }) : err;
  }
  let owner: string | null = null;
  try {
    owner = parseManifest(JSON.parse(text))?.aNumber ?? null;
  } catch {
    owner = null;
  }
  if (owner !== aNumber && owner !== '') throw appeared(out, name, partial);
}

function appeared(out: string, name: string, partial: boolean): OutputError {
  return new OutputError(
    `${join(out, name)} was put there by another program while Reopen was writing, so Reopen left it alone and stopped; move it away and run the same command again.`,
    { partial },
  );
}
