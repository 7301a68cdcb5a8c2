/**
 * The `check` use case: a case (any JSON value) and a date in, the report of
 * shared/spec/case-format.md out. Every other way in (CLI, API, interview, batch) calls this.
 */
import { hasErrors, makeIssue, parseCase, sortIssues, type Case, type Issue } from './case/index.js';
import { tainting } from './case/taint.js';
import { planDocuments, type PlannedDocument } from './documents/catalogue.js';
import { buildView, isBuildable } from './documents/registry.js';
import { suggestedOrder, tabLetter } from './documents/exhibits.js';
import { unprintableIssues } from './printable.js';
import { evaluate, type Evaluation } from './rules/evaluate.js';
import type { FeeRuling } from './rules/fees.js';
import type { RecordsRoute } from './rules/records.js';
import type { Confidence } from './rules/ruling.js';
import type { Venue } from './rules/venue.js';

export interface ReportDeadline {
  id: string;
  due: string | null;
  legalDue: string | null;
  basis: string;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

export interface ReportRecords {
  agency: string;
  route: RecordsRoute;
  due: string | null;
  citation: string;
  explanation: string;
}

/** Why the report says what it says, for people and the interview; not needed by tools. */
export interface ReportDetails {
  forum: { citation: string; explanation: string; confidence: Confidence } | null;
  automaticStay: { citation: string; explanation: string; confidence: Confidence } | null;
  fee: FeeRuling | null;
  court: Venue | null;
  venue: Venue | null;
  documents: PlannedDocument[];
}

export interface CheckReport {
  ok: boolean;
  asOf: string;
  issues: Issue[];
  forum: 'immigration-court' | 'bia' | null;
  automaticStay: boolean | null;
  deadlines: ReportDeadline[];
  records: ReportRecords[];
  documents: string[];
  details?: ReportDetails;
}

export interface CheckResult {
  report: CheckReport;
  /** Present when the case is valid: what later stages build on. */
  case?: Case;
  evaluation?: Evaluation;
  documents?: PlannedDocument[];
}

/**
 * The report of shared/spec/case-format.md for any JSON value, as of `asOf` (YYYY-MM-DD): every
 * issue at once, and the forum, deadlines, records routing and documents. An invalid case still
 * gets every answer that does not depend on a field that is wrong (case/repair.ts); only a valid
 * case comes back with `case`, `evaluation` and `documents` for generate to build on.
 */
export function checkCase(input: unknown, asOf: string, sourceIssues: readonly Issue[] = []): CheckResult {
  const parsed = withSourceIssues(parseCase(input), sourceIssues);
  if (!parsed.ok) {
    if (!parsed.partial) {
      return {
        report: { ok: false, asOf, issues: parsed.issues, forum: null, automaticStay: null, deadlines: [], records: [], documents: [] },
      };
    }
    const { view, guard } = tainting(parsed.partial.case, parsed.partial.tainted);
    const ev = evaluate(view, asOf, guard);
    const docs = planDocuments(view, ev, guard);
    const documentIssues = guard(() => planIssues(view, docs), []);
    return { report: buildReport(asOf, [...parsed.issues, ...ev.issues, ...documentIssues], ev, docs) };
  }
  const c = parsed.case;
  const ev = evaluate(c, asOf);
  const docs = planDocuments(c, ev);
  const printed = docs.filter((d) => isBuildable(d.id)).map((d) => buildView(d.id, c, ev).view);
  const report = buildReport(asOf, [...parsed.issues, ...ev.issues, ...planIssues(c, docs), ...unprintableIssues(c, printed)], ev, docs);
  return { report, case: c, evaluation: ev, documents: docs };
}

/**
 * Problems of the text the case came from (a key given twice) make the case invalid like any
 * schema problem; the rules still answer what they can.
 */
function withSourceIssues(parsed: ReturnType<typeof parseCase>, extra: readonly Issue[]): ReturnType<typeof parseCase> {
  if (extra.length === 0) return parsed;
  const issues = sortIssues([...parsed.issues, ...extra]);
  if (!parsed.ok) return { ...parsed, issues };
  return hasErrors(extra) ? { ok: false, issues, partial: { case: parsed.case, tainted: [] } } : { ...parsed, issues };
}

/** What the plan itself says: missing facts per document, characters no font prints, a declaration filed nowhere. */
function planIssues(c: Case, docs: readonly PlannedDocument[]): Issue[] {
  const missing = docs.flatMap((d) => d.missing.map((m) => makeIssue('missing_fact', m.path, 'warning', { document: d.title, label: m.label })));
  const declared = (c.motion?.evidence ?? []).some((e) => e.document === 'respondent-declaration');
  const unfiled = docs.some((d) => d.id === 'respondent-declaration') && !declared ? [makeIssue('declaration_not_filed', 'motion.evidence', 'warning', {})] : [];
  const evidence = c.motion?.evidence ?? [];
  const order = suggestedOrder(evidence);
  const shorten = (t: string) => (t.length > 48 ? `${t.slice(0, 45)}...` : t);
  const suggestion = order
    ? [makeIssue('exhibit_order', 'motion.evidence', 'warning', { suggested: order.map((i, n) => `${tabLetter(n)}. ${shorten(evidence[i]!.title)}`).join('; ') }, 'ICPM 3.3; BIA PM 3.3 (practice)')]
    : [];
  return [...missing, ...unfiled, ...suggestion];
}

function buildReport(asOf: string, all: readonly Issue[], ev: Evaluation, docs: readonly PlannedDocument[]): CheckReport {
  const issues = sortIssues(dedupeIssues(all));
  return {
    ok: !hasErrors(issues),
    asOf,
    issues,
    forum: ev.forum?.value ?? null,
    automaticStay: ev.automaticStay?.value ?? null,
    deadlines: ev.deadlines.map((d) => ({
      id: d.id,
      due: d.due,
      legalDue: d.legalDue,
      basis: d.basis,
      citation: d.citation,
      explanation: d.explanation,
      confidence: d.confidence,
    })),
    records: ev.records.map((r) => ({ agency: r.agency, route: r.route, due: r.due, citation: r.citation, explanation: r.explanation })),
    // Only what generate can write: a document this version cannot write yet is never listed as one it produces.
    documents: docs.filter((d) => isBuildable(d.id)).map((d) => d.id),
    details: {
      forum: ev.forum && { citation: ev.forum.citation, explanation: ev.forum.explanation, confidence: ev.forum.confidence },
      automaticStay: ev.automaticStay && {
        citation: ev.automaticStay.citation,
        explanation: ev.automaticStay.explanation,
        confidence: ev.automaticStay.confidence,
      },
      fee: ev.fee,
      court: ev.court,
      venue: ev.venue,
      documents: [...docs],
    },
  };
}

/** One issue per code and path: a rule and a cross-field check may find the same problem. */
function dedupeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}\u0000${i.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
