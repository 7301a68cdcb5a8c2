/**
 * `reopen generate <case.json> --out <dir> [--as-of YYYY-MM-DD] [--documents ids] [--format docx,pdf] [--preview]
 *  [--allow-other-files] [--json]`
 *
 * Writes `<dir>/<9-digit A-number>-<document id>.docx` and `.pdf`. A case with errors, or a final
 * document lacking a fact it cannot be filed without, writes nothing and lists every problem.
 * The output folder belongs to one case (io/write-output.ts); --allow-other-files writes beside
 * files Reopen did not write there, leaving them alone.
 */
import { parseArgs } from 'node:util';
import {
  exhibitReader,
  generateDocuments,
  GenerateUsageError,
  isCivilDate,
  readCaseFile,
  writeOutput,
  type Format,
  type Issue,
} from '../index.js';
import { dirname, resolve } from 'node:path';
import { EXIT, UsageError, type CliIo } from './io.js';

/** Files are dated from asOf, and a zip file can only hold dates from 1980 to 2107. */
const AS_OF_RANGE = { from: '1980-01-01', to: '2107-12-31' } as const;

interface GenerateArgs {
  file: string;
  out: string;
  asOf: string;
  documents: string[] | undefined;
  formats: Format[];
  preview: boolean;
  json: boolean;
  allowOtherFiles: boolean;
}

export async function runGenerate(args: string[], io: CliIo): Promise<number> {
  const a = parseGenerateArgs(args, io);
  const read = await readCaseFile(a.file);
  if (!read.ok) {
    if (a.json) io.out(`${JSON.stringify({ ok: false, issues: [read.issue] }, null, 2)}\n`);
    else io.err(`reopen generate: ${read.issue.message}\n`);
    return EXIT.usage;
  }
  let result;
  try {
    result = await generateDocuments(read.value, {
      asOf: a.asOf,
      formats: a.formats,
      preview: a.preview,
      ...(a.documents ? { documents: a.documents } : {}),
      readExhibit: exhibitReader(dirname(resolve(a.file))),
      sourceIssues: read.issues,
    });
  } catch (err) {
    if (err instanceof GenerateUsageError) throw new UsageError(err.message);
    throw err;
  }
  if (!result.ok) {
    if (a.json) io.out(`${JSON.stringify({ ok: false, issues: result.issues, written: [] }, null, 2)}\n`);
    else {
      io.err(`reopen generate: nothing was written. ${countWords(result.issues)}\n`);
      for (const i of result.issues) io.err(`  ${i.severity === 'error' ? '✗' : '!'} ${i.path || '(whole case)'}: ${i.message}\n`);
      if (result.issues.some((i) => i.code === 'missing_fact')) {
        io.err('Fill in the missing facts, or add --preview to see drafts with [MISSING: ...] markers.\n');
      }
    }
    return EXIT.problems;
  }
  const written = await writeOutput(a.out, [
    ...result.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    ...(result.manifest ? [result.manifest] : []),
  ], { allowOtherFiles: a.allowOtherFiles });
  if (a.json) {
    io.out(`${JSON.stringify({ ok: true, issues: result.issues, written, notYetAvailable: result.notYetAvailable, preview: a.preview }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(`${a.preview ? 'Preview drafts' : 'Drafts'} written to ${a.out} (law applied as of ${a.asOf}):\n`);
  for (const w of written) io.out(`  ${w}\n`);
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  if (warnings.length > 0) {
    io.out(`\nWarnings to review (${warnings.length}):\n`);
    for (const i of warnings) io.out(`  ! ${i.path || '(whole case)'}: ${i.message}\n`);
  }
  if (result.notYetAvailable.length > 0) {
    io.out(`\nThis case also needs documents this version cannot write yet: ${result.notYetAvailable.join(', ')}.\n`);
  }
  io.out('\nThese are drafts for an attorney to review, sign and file.\n');
  return EXIT.ok;
}

function countWords(issues: readonly Issue[]): string {
  const e = issues.filter((i) => i.severity === 'error').length;
  return `${e} problem${e === 1 ? '' : 's'} to fix:`;
}

function parseGenerateArgs(args: string[], io: CliIo): GenerateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'as-of': { type: 'string' },
        documents: { type: 'string' },
        format: { type: 'string' },
        preview: { type: 'boolean' },
        json: { type: 'boolean' },
        'allow-other-files': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('name the case file to generate from.');
  if (extra.length > 0) throw new UsageError(`one case file at a time; also given: ${extra.join(' ')}.`);
  const out = parsed.values.out;
  if (!out) throw new UsageError('say where to write the files with --out <folder>.');
  const asOf = parsed.values['as-of'] ?? io.today();
  if (!isCivilDate(asOf) || asOf < AS_OF_RANGE.from || asOf > AS_OF_RANGE.to) {
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD between ${AS_OF_RANGE.from} and ${AS_OF_RANGE.to}; "${asOf}" is not.`);
  }
  const formats = (parsed.values.format ?? 'docx,pdf').split(',').map((f) => f.trim());
  const bad = formats.filter((f) => f !== 'docx' && f !== 'pdf');
  if (bad.length > 0 || formats.length === 0) throw new UsageError(`--format takes docx, pdf or docx,pdf; not "${bad.join(',')}".`);
  const documents = parsed.values.documents?.split(',').map((d) => d.trim()).filter(Boolean);
  return {
    file,
    out,
    asOf,
    documents,
    formats: formats as Format[],
    preview: parsed.values.preview === true,
    json: parsed.values.json === true,
    allowOtherFiles: parsed.values['allow-other-files'] === true,
  };
}
