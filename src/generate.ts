/**
 * The `generate` use case: a case and a date in, the documents' bytes out, or the full list of
 * why not. Nothing here touches the disk: writing files is the caller's (see io/write-output.ts).
 *
 * case -> check -> plan -> view model -> template -> markup -> tree -> DOCX and PDF
 */
import { hasErrors, makeIssue, sortIssues, type Case, type Issue } from './case/index.js';
import { checkCase, type CheckReport } from './check.js';
import { composeBlocks, getTemplate, loadTemplates } from './compose/templates.js';
import type { Block, DocumentTree } from './compose/tree.js';
import type { DocumentId } from './documents/catalogue.js';
import { buildView, isBuildable, templateOf, type BuiltView } from './documents/registry.js';
import { buildMotionFiling, loadExhibits, type MotionFiling } from './filing.js';
import type { ExhibitReader } from './io/exhibit-files.js';
import type { ExhibitLimits } from './packet/exhibit-limits.js';
import { packageVersion } from './io/package-root.js';
import { buildManifest, canonicalJson, sha256 } from './packet/manifest.js';
import { ECAS } from './rules/data/filing.js';
import { renderDocx } from './render/docx/index.js';
import { renderPdf } from './render/pdf/index.js';
import { unprintableIssues } from './printable.js';

export type Format = 'docx' | 'pdf';

/** The header of every page of a preview. */
export const PREVIEW_MARK = 'PREVIEW \u2014 NOT FOR FILING';

export interface GenerateOptions {
  asOf: string;
  /** Only these documents; default: every document the case asks for that Reopen can write. */
  documents?: readonly string[];
  formats?: readonly Format[];
  /** Render visible [MISSING: path] markers instead of refusing a document that lacks facts. */
  preview?: boolean;
  /** Reads an exhibit file named in the case (relative to the case file); absent: none can be read. */
  readExhibit?: ExhibitReader;
  /** The largest combined-filing file before it is split (default: the ECAS limit, 25 MB). */
  maxFilingBytes?: number;
  /** Lower limits for reading exhibit PDFs than packet/exhibit-limits.ts's (tests use this). */
  exhibitLimits?: Partial<ExhibitLimits>;
  /** Problems of the text the case was read from (io/case-file.ts: a key given twice). */
  sourceIssues?: readonly Issue[];
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
  /** manifest.json: every file above with its SHA-256; null when nothing was generated. */
  manifest: { name: string; bytes: Uint8Array } | null;
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
  const checked = checkCase(input, opts.asOf, opts.sourceIssues);
  const { report } = checked;
  const refuse = (issues: Issue[]): GenerateResult => ({ ok: false, issues: sortIssues(issues), files: [], manifest: null, notYetAvailable: [], trees: [], report });
  // Characters no font prints are judged below, on the documents actually asked for.
  const blocking = report.issues.some((i) => i.severity === 'error' && i.code !== 'unprintable_character');
  if (!checked.case || !checked.evaluation || !checked.documents || blocking) return refuse(report.issues);
  const c = checked.case;
  const ev = checked.evaluation;

  const planned = checked.documents.map((d) => d.id);
  const wanted = selectDocuments(planned, opts.documents);
  const notYetAvailable = wanted.filter((id) => !isBuildable(id));
  const buildable = wanted.filter(isBuildable);
  // The motion's filing holds the documents its exhibits name (the declaration at its tab): they
  // are built with it, and what they lack blocks it, even when they are not asked for on their own.
  const needsFiling = buildable.includes('motion-to-reopen') || buildable.includes('filing-checklist');
  const atTabs = needsFiling ? tabDocumentIds(c).filter((id) => planned.includes(id) && !buildable.includes(id)) : [];

  const issues: Issue[] = [...report.issues.filter((i) => i.code !== 'missing_fact' && i.code !== 'unprintable_character')];
  const store = loadTemplates();
  const views = new Map<DocumentId, BuiltView>();
  for (const id of [...buildable, ...atTabs]) {
    const built = buildView(id, c, ev);
    const title = checked.documents.find((d) => d.id === id)?.title ?? id;
    for (const m of built.missing) {
      issues.push(makeIssue('missing_fact', m.path, opts.preview ? 'warning' : 'error', { document: title, label: m.label }));
    }
    views.set(id, built);
  }
  issues.push(...unprintableIssues(c, [...views.values()].map((v) => v.view)));
  if (hasErrors(issues)) return refuse(issues);

  // The combined filing, when the motion is asked for: its exhibits must be sound first.
  const loaded = needsFiling && c.motion ? await loadExhibits(c, opts.readExhibit, opts.exhibitLimits) : { exhibits: [], issues: [] };
  issues.push(...loaded.issues);
  if (hasErrors(issues)) return refuse(issues);

  const treeOf = (view: { furniture: DocumentTree['furniture']; title: string }, blocks: Block[]): DocumentTree => ({
    title: view.title,
    asOf: opts.asOf,
    furniture: {
      pageNumbers: view.furniture.pageNumbers,
      // A preview is never mistaken for a filing: every page says so (and an intern's preview of a
      // complete case would otherwise be the final documents).
      ...(opts.preview ? { headerLeft: PREVIEW_MARK } : {}),
      ...(view.furniture.headerRight ? { headerRight: view.furniture.headerRight } : {}),
      ...(view.furniture.footerLeft ? { footerLeft: view.furniture.footerLeft } : {}),
    },
    blocks,
  });
  const treeOfView = (built: BuiltView) => treeOf(built.view, composeBlocks(templateOf(built), built.view, store).blocks);
  let filing: MotionFiling | undefined;
  if (needsFiling && c.motion) {
    const tabDocuments = new Map(tabDocumentIds(c).flatMap((id) => {
      const built = views.get(id);
      return built ? [[id, treeOfView(built)] as const] : [];
    }));
    const built = await buildMotionFiling({
      c,
      ev,
      asOf: opts.asOf,
      store,
      exhibits: loaded.exhibits,
      tabDocuments,
      maxBytes: opts.maxFilingBytes ?? ev.delivery?.maxFileBytes ?? ECAS.maxFileBytes,
      treeOf,
    });
    if ('issue' in built) return refuse([...issues, built.issue]);
    filing = built;
  }

  const filingWritten = filing !== undefined && formats.includes('pdf') && views.has('motion-to-reopen');
  const trees: { id: DocumentId; template: string; tree: DocumentTree }[] = [];
  for (const [id, built] of views) {
    if (atTabs.includes(id)) continue; // built for the filing only
    if (id === 'motion-to-reopen' && filing) {
      trees.push({ id, template: id, tree: filing.tree });
      continue;
    }
    // The checklist names the combined filing only when it is written.
    const final = id === 'filing-checklist' && filing && filingWritten ? buildView(id, c, ev, filing.facts) : built;
    trees.push({ id, template: templateOf(final), tree: treeOfView(final) });
  }

  const prefix = c.respondent.aNumber;
  const files: GeneratedFile[] = [];
  for (const { id, template: templateId, tree } of trees) {
    const meta = getTemplate(templateId, store).meta;
    const template = { id: meta.id, version: meta.version };
    if (formats.includes('docx')) files.push({ name: `${prefix}-${id}.docx`, document: id, format: 'docx', bytes: renderDocx(tree), template });
    if (formats.includes('pdf')) files.push({ name: `${prefix}-${id}.pdf`, document: id, format: 'pdf', bytes: await renderPdf(tree), template });
  }
  if (filing && filingWritten) {
    const meta = getTemplate('motion-to-reopen', store).meta;
    for (const f of filing.files) {
      files.push({ name: f.name, document: 'motion-to-reopen', format: 'pdf', bytes: f.bytes, template: { id: meta.id, version: meta.version } });
    }
  }
  const manifest = buildManifest({
    generator: { name: 'reopen', version: packageVersion() },
    asOf: opts.asOf,
    aNumber: prefix,
    caseSha256: sha256(canonicalJson(c)),
    preview: opts.preview === true,
    files,
    partTemplates: filingWritten
      ? filing!.parts.map((id) => ({ id, version: getTemplate(id, store).meta.version }))
      : [],
    ...(filing && filingWritten
      ? {
          filing: {
            files: filing.files.map((f) => f.name),
            pageCount: filing.facts.pageCount,
            exhibits: loaded.exhibits.map((e) => {
              const at = filing!.facts.exhibitPages.get(e.exhibit.index)!;
              // What was taken out of the file before filing (actions, scripts, forms, attachments).
              const removed = e.exhibit.item.file === undefined ? {} : { removed: e.removed.map(({ kind, what, count, pages }) => ({ kind, what, count, pages })) };
              return { tab: e.exhibit.tab, file: e.exhibit.item.file ?? null, sha256: e.sha256, pages: `${at.first}-${at.last}`, ...removed };
            }),
          },
        }
      : {}),
  });
  return {
    ok: true,
    issues: sortIssues(issues),
    files,
    manifest: { name: 'manifest.json', bytes: Buffer.from(manifest, 'utf8') },
    notYetAvailable,
    trees: trees.map(({ id, tree }) => ({ id, tree })),
    report,
  };
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

/** The generated documents the case's exhibits file at their tabs (`motion.evidence[].document`). */
function tabDocumentIds(c: Case): DocumentId[] {
  return [...new Set((c.motion?.evidence ?? []).flatMap((e) => (e.document ? [e.document] : [])))];
}
