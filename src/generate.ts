/**
 * The `generate` use case: a case and a date in, the documents' bytes out, or the full list of
 * why not. Nothing here touches the disk: writing files is the caller's (see io/write-output.ts).
 *
 * case -> check -> plan -> view model -> template -> markup -> tree -> DOCX and PDF
 */
import { labelOf, makeIssue, sortIssues, type Case, type Issue } from './case/index.js';
import { checkCase, type CheckReport } from './check.js';
import { composeBlocks, getTemplate, loadTemplates } from './compose/templates.js';
import type { DocumentTree } from './compose/tree.js';
import type { DocumentId } from './documents/catalogue.js';
import { buildView, isBuildable } from './documents/registry.js';
import { renderDocx } from './render/docx/index.js';
import { renderPdf, uncoveredCharacters } from './render/pdf/index.js';

export type Format = 'docx' | 'pdf';

export interface GenerateOptions {
  asOf: string;
  /** Only these documents; default: every document the case asks for that Reopen can write. */
  documents?: readonly string[];
  formats?: readonly Format[];
  /** Render visible [MISSING: path] markers instead of refusing a document that lacks facts. */
  preview?: boolean;
}

export interface GeneratedFile {
  name: string;
  document: DocumentId;
  format: Format;
  bytes: Uint8Array;
  template: { id: string; version: string };
}

export interface GenerateResult {
  ok: boolean;
  issues: Issue[];
  files: GeneratedFile[];
  /** Documents the case asks for that this version cannot write yet. */
  notYetAvailable: DocumentId[];
  /** The document trees the files were rendered from, for inspection and tests. */
  trees: { id: DocumentId; tree: DocumentTree }[];
  report: CheckReport;
}

/** Thrown for a request that cannot be carried out as asked (an unknown document id). */
export class GenerateUsageError extends Error {}

export async function generateDocuments(input: unknown, opts: GenerateOptions): Promise<GenerateResult> {
  const formats = opts.formats ?? ['docx', 'pdf'];
  const checked = checkCase(input, opts.asOf);
  const { report } = checked;
  const refuse = (issues: Issue[]): GenerateResult => ({ ok: false, issues: sortIssues(issues), files: [], notYetAvailable: [], trees: [], report });
  if (!checked.case || !checked.evaluation || !checked.documents || !report.ok) return refuse(report.issues);
  const c = checked.case;
  const ev = checked.evaluation;

  const planned = checked.documents.map((d) => d.id);
  const wanted = selectDocuments(planned, opts.documents);
  const notYetAvailable = wanted.filter((id) => !isBuildable(id));
  const buildable = wanted.filter(isBuildable);

  const issues: Issue[] = [...report.issues.filter((i) => i.code !== 'missing_fact')];
  const coverage = coverageIssues(c);
  if (coverage.length > 0) return refuse([...issues, ...coverage]);

  const store = loadTemplates();
  const trees: { id: DocumentId; tree: DocumentTree }[] = [];
  for (const id of buildable) {
    const built = buildView(id, c, ev);
    if (built.missing.length > 0) {
      const title = checked.documents.find((d) => d.id === id)?.title ?? id;
      for (const path of built.missing) {
        issues.push(
          makeIssue('missing_fact', path, opts.preview ? 'warning' : 'error', { document: title, label: labelOf(path) }),
        );
      }
      if (!opts.preview) continue;
    }
    const { blocks } = composeBlocks(id, built.view, store);
    const { furniture } = built.view;
    trees.push({
      id,
      tree: {
        title: built.view.title,
        asOf: opts.asOf,
        furniture: {
          pageNumbers: furniture.pageNumbers,
          ...(furniture.headerRight ? { headerRight: furniture.headerRight } : {}),
          footerLeft: furniture.footerLeft,
        },
        blocks,
      },
    });
  }
  if (issues.some((i) => i.severity === 'error')) return refuse(issues);

  const prefix = c.respondent.aNumber;
  const files: GeneratedFile[] = [];
  for (const { id, tree } of trees) {
    const meta = getTemplate(id, store).meta;
    const template = { id: meta.id, version: meta.version };
    if (formats.includes('docx')) files.push({ name: `${prefix}-${id}.docx`, document: id, format: 'docx', bytes: renderDocx(tree), template });
    if (formats.includes('pdf')) files.push({ name: `${prefix}-${id}.pdf`, document: id, format: 'pdf', bytes: await renderPdf(tree), template });
  }
  return { ok: true, issues: sortIssues(issues), files, notYetAvailable, trees, report };
}

function selectDocuments(planned: DocumentId[], asked: readonly string[] | undefined): DocumentId[] {
  if (!asked || asked.length === 0) return planned;
  const unknown = asked.filter((id) => !planned.includes(id as DocumentId));
  if (unknown.length > 0) {
    throw new GenerateUsageError(
      `this case does not ask for ${unknown.map((u) => `"${u}"`).join(', ')}; it asks for: ${planned.join(', ') || 'no documents'}.`,
    );
  }
  return planned.filter((id) => asked.includes(id));
}

/**
 * Every text of the case must be printable with the bundled fonts. A character none covers is
 * refused here, naming the field, rather than dropped or shown as a box in the PDF.
 */
function coverageIssues(c: Case): Issue[] {
  const issues: Issue[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const bad = uncoveredCharacters(value);
      if (bad.length > 0) {
        const shown = bad.map((ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
        issues.push(makeIssue('unprintable_character', path, 'error', { label: labelOf(path), characters: shown }));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i)));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(c, '');
  return issues;
}
