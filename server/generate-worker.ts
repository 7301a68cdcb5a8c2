/**
 * The packet worker: runs in a worker thread of the pool (generation.ts), so that rendering a
 * packet, which takes seconds of CPU, never holds up the server's thread and the saves it answers.
 * It gets the case, the date and the exhibit files of a draft, and returns the zip or the issues.
 */
import { setPriority } from 'node:os';
import { ExhibitFileError, generateDocuments, GenerateUsageError, zipPacket, type Issue } from '../src/index.js';

// Rendering yields the processor to the thread that answers requests: on Linux a thread's nice
// value is its own, and 0 names the calling thread, so this lowers this worker alone. A save then
// waits for a core no longer than it takes the scheduler to notice it.
try {
  setPriority(0, 10);
} catch {
  // not permitted here: rendering runs at normal priority
}

export interface PacketTask {
  value: Record<string, unknown>;
  /** Problems of the request text itself (a key given twice), reported with the case's own. */
  sourceIssues: Issue[];
  asOf: string;
  documents?: string[];
  preview: boolean;
  /**
   * The draft's exhibit files by id; null when the case came in a request body, which carries no
   * files: then an exhibit that names a file is refused, never looked for on the server's disk.
   */
  exhibits: Record<string, Uint8Array> | null;
}

export type PacketOutcome =
  | { ok: true; zip: Uint8Array; issues: Issue[]; notYetAvailable: string[] }
  | { ok: false; issues: Issue[]; usage?: string };

export default async function makePacket(task: PacketTask): Promise<PacketOutcome> {
  const exhibits = task.exhibits;
  const readExhibit = async (file: string): Promise<Uint8Array> => {
    if (exhibits === null) throw new ExhibitFileError('outside_case_folder', 'a case sent whole to the API has no files, and the server reads none from its disk; create a draft, upload the PDF to it, name the exhibit id it returns here, and make the packet with POST /api/v1/drafts/:id/packets');
    const bytes = Object.hasOwn(exhibits, file) ? exhibits[file] : undefined;
    if (bytes === undefined) throw new ExhibitFileError('not_found', 'this draft has no uploaded exhibit with that id; upload the PDF to the draft and give the exhibit id it returns here');
    return bytes;
  };
  let result;
  try {
    result = await generateDocuments(task.value, {
      asOf: task.asOf,
      preview: task.preview,
      ...(task.documents ? { documents: task.documents } : {}),
      readExhibit,
      sourceIssues: task.sourceIssues,
    });
  } catch (err) {
    if (err instanceof GenerateUsageError) return { ok: false, issues: [], usage: err.message };
    throw err;
  }
  if (!result.ok) return { ok: false, issues: result.issues };
  const files = [...result.files.map((f) => ({ name: f.name, bytes: f.bytes })), ...(result.manifest ? [result.manifest] : [])];
  return {
    ok: true,
    zip: zipPacket(files, task.asOf),
    issues: result.issues,
    notYetAvailable: result.notYetAvailable,
  };
}
