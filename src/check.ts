/**
 * The `check` use case: a case (any JSON value) and a date in, the report of
 * shared/spec/case-format.md out. Every other way in (CLI, API, interview, batch) calls this.
 */
import { hasErrors, makeIssue, parseCase, sortIssues, type Case, type Issue } from './case/index.js';
import { planDocuments, type PlannedDocument } from './documents/catalogue.js';
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
  court: Venue;
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

export function checkCase(input: unknown, asOf: string): CheckResult {
  const parsed = parseCase(input);
  if (!parsed.ok) {
    return {
      report: { ok: false, asOf, issues: parsed.issues, forum: null, automaticStay: null, deadlines: [], records: [], documents: [] },
    };
  }
  const c = parsed.case;
  const ev = evaluate(c, asOf);
  const docs = planDocuments(c, ev);
  const missing: Issue[] = docs.flatMap((d) =>
    d.missing.map((m) => makeIssue('missing_fact', m.path, 'warning', { document: d.title, label: m.label })),
  );
  const issues = sortIssues([...parsed.issues, ...ev.issues, ...missing]);
  const report: CheckReport = {
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
    documents: docs.map((d) => d.id),
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
      documents: docs,
    },
  };
  return { report, case: c, evaluation: ev, documents: docs };
}
