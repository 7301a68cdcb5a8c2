/**
 * How to ask each agency for its records, and when the answer is owed (domain reference 4.1-4.7;
 * validation rules V23-V26).
 */
import { makeIssue, type Agency, type Case, type Issue } from '../case/index.js';
import { AGENCY_OFFICES, EXPEDITE } from './data/agencies.js';
import { addBusinessDays } from './calendar.js';
import { compareDates } from '../case/civil-date.js';
import type { Confidence } from './ruling.js';

export type RecordsRoute = 'foia' | 'rop-request' | 'identity-history';

/**
 * Where the case stands with an agency: nothing asked yet (`request`: write the request), asked and
 * not yet answered (`follow-up`: write a status inquiry, never a second request, which an agency
 * would close as a duplicate and which would start its clock again), or answered (`produced`:
 * write nothing).
 */
export type RecordsStage = 'request' | 'follow-up' | 'produced';

export interface RecordsRuling {
  agency: Agency;
  route: RecordsRoute;
  stage: RecordsStage;
  /** When the agency's answer is owed: 20 business days after receipt for FOIA; null otherwise. */
  due: string | null;
  submitted: string | null;
  received: string | null;
  produced: string | null;
  trackingNumber: string | null;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

const FOIA_RESPONSE_DAYS = 20;

const ROUTES: Record<Agency, { route: RecordsRoute; citation: string; what: string; confidence: Confidence }> = {
  uscis: {
    route: 'foia',
    citation: '5 U.S.C. 552; 6 C.F.R. pt. 5',
    what: 'USCIS holds the A-file; ask its National Records Center under FOIA (Form G-639 is optional).',
    confidence: 'high',
  },
  ice: {
    route: 'foia',
    citation: '5 U.S.C. 552; 6 C.F.R. pt. 5',
    what: 'ICE holds the detention and removal records (ENFORCE/EARM); ask its FOIA office.',
    confidence: 'high',
  },
  cbp: {
    route: 'foia',
    citation: '5 U.S.C. 552; 6 C.F.R. pt. 5',
    what: 'CBP holds entry and exit records and border encounters; ask through the DHS FOIA portal.',
    confidence: 'medium',
  },
  obim: {
    route: 'foia',
    citation: '5 U.S.C. 552; 6 C.F.R. pt. 5',
    what: 'OBIM holds the IDENT biometric encounter history; ask its FOIA office (whether fingerprints are needed is unverified).',
    confidence: 'low',
  },
  eoir: {
    route: 'foia',
    citation: '5 U.S.C. 552; 28 C.F.R. 16.3',
    what: 'EOIR holds the record of proceedings; without counsel of record, ask under FOIA (never on Form G-639).',
    confidence: 'high',
  },
  state: {
    route: 'foia',
    citation: '5 U.S.C. 552; INA 222(f)',
    what: 'The State Department holds visa and consular records; expect heavy withholding of visa records.',
    confidence: 'medium',
  },
  fbi: {
    route: 'identity-history',
    citation: 'DOJ Order 556-73; 28 C.F.R. 16.30-16.34',
    what: 'The FBI criminal history is not a FOIA request: ask for an Identity History Summary with fingerprints and the fee.',
    confidence: 'high',
  },
};

export function recordsRouting(c: Case): RecordsRuling[] {
  const records = c.records;
  if (!records) return [];
  return records.agencies.map((agency) => {
    const base = ROUTES[agency];
    const route: RecordsRoute = agency === 'eoir' && c.counsel.ofRecord === true ? 'rop-request' : base.route;
    // The latest request sent to the agency is the one whose answer is awaited.
    const sent = (records.requests ?? [])
      .filter((r) => r.agency === agency)
      .sort((a, b) => compareDates(a.submitted ?? a.received ?? '1900-01-01', b.submitted ?? b.received ?? '1900-01-01'))
      .at(-1);
    const received = sent?.received ?? sent?.submitted ?? null;
    const stage: RecordsStage = sent?.produced ? 'produced' : sent?.submitted || sent?.received ? 'follow-up' : 'request';
    let due: string | null = null;
    let explanation: string;
    let citation = base.citation;
    if (route === 'rop-request') {
      citation = 'ICPM 12.2(a)(1); BIA PM 13.2(a)(1)';
      explanation =
        'Counsel of record can ask the court for a copy of the record of proceedings by email, without FOIA; no response period is set.';
    } else if (route === 'identity-history') {
      explanation = `${base.what} No response period is set by law.`;
    } else if (received === null) {
      explanation = `${base.what} The response period starts when the request is received.`;
    } else {
      const d = addBusinessDays(received, FOIA_RESPONSE_DAYS);
      due = d.due;
      citation = `${base.citation}; ${d.citation}`;
      explanation = `${base.what} ${d.explanation}`;
    }
    if (stage === 'produced') explanation = `${explanation} The records were produced on ${sent!.produced}: no new request is written.`;
    else if (stage === 'follow-up') explanation = `${explanation} A request was sent${sent!.submitted ? ` on ${sent!.submitted}` : ''}: Reopen writes a status inquiry, not a second request.`;
    return {
      agency,
      route,
      stage,
      due,
      submitted: sent?.submitted ?? null,
      received,
      produced: sent?.produced ?? null,
      trackingNumber: sent?.trackingNumber ?? null,
      citation,
      explanation,
      confidence: base.confidence,
    };
  });
}

/**
 * Warnings for what a records request rests on that Reopen holds at low confidence: an agency
 * address not confirmed from the agency's own source, and the State Department's expedite grounds
 * (reference 4.1, 4.3). Each names the source, so the filer knows what to confirm before mailing.
 * Shape: `low_confidence` warnings at `records.agencies.<i>` (or `records.expedite`).
 */
export function recordsConfidenceIssues(c: Case): Issue[] {
  const issues: Issue[] = [];
  (c.records?.agencies ?? []).forEach((agency, i) => {
    const office = AGENCY_OFFICES[agency];
    if (office.confidence === 'low') {
      issues.push(makeIssue('low_confidence', `records.agencies.${i}`, 'warning', { what: `The mailing address of the ${office.short} records office` }, office.source));
    }
    const expedite = EXPEDITE[office.department];
    if (c.records?.expedite === true && office.department === 'State' && expedite.confidence === 'low') {
      issues.push(makeIssue('low_confidence', 'records.expedite', 'warning', { what: `What the ${office.short} accepts as grounds for expedited processing` }, expedite.citation));
    }
  });
  return issues;
}
