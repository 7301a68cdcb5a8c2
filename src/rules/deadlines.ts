/**
 * The deadline to file a motion to reopen (domain reference 1.4, 1.5, 6.1; case format
 * "What `reopen check --json` reports").
 *
 * `due` is the date to file by: the earliest safe date, counted from the decision (not from
 * finality), or from a court order's trigger when the case has a court-order clock; null when no
 * time limit applies. `legalDue` is the regulation's date, counted from finality; null when no
 * regulatory limit applies. Both are rolled forward past weekends and observed federal holidays;
 * closures never make either later.
 */
import type { Basis, Case } from '../case/index.js';
import { addEoirDays, BIA_APPEAL_CITATION, type EoirDeadline } from './calendar.js';
import { compareDates, formatLongWithWeekday } from '../case/civil-date.js';
import { appealPending, isInAbsentiaBasis } from './forum.js';
import type { Confidence } from './ruling.js';

export interface Deadline {
  id: string;
  due: string | null;
  legalDue: string | null;
  /** What the period is counted from, in words. */
  basis: string;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

/** For final orders issued before the 1996 rules took effect, motions were due by this date. */
const TRANSITION_FINAL_BEFORE = '1996-07-01';
const TRANSITION_DUE = '1996-09-30';
const TRANSITION_CITATION = '8 C.F.R. 1003.2(c)(2); 8 C.F.R. 1003.23(b)(1)';

interface RegulatoryAnswer {
  /** The conservative date, counted from the decision. */
  safe: EoirDeadline;
  /** The regulation's date, counted from finality. */
  legal: EoirDeadline;
  basis: string;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

/** The general 90-day rule, counted from the decision and from finality. */
function ninetyDays(c: Case): RegulatoryAnswer {
  const { order, appealDecision } = c.proceedings;
  if (appealDecision && (appealDecision.outcome === 'dismissed' || appealDecision.outcome === 'sustained')) {
    const d = addEoirDays(appealDecision.date, 90);
    return {
      safe: d,
      legal: d,
      basis: `90 days from the Board's decision of ${appealDecision.date}`,
      citation: '8 C.F.R. 1003.2(c)(2); 8 C.F.R. 1241.1(a)',
      explanation: `A Board decision is final the day it is issued. ${d.explanation}`,
      confidence: 'high',
    };
  }
  if (appealDecision) {
    // Rejected or remanded: the reference supports no firm rule (reference 1.2, [L]); count from
    // the Board's action, the later and so the less surprising of the dates on record, and warn.
    const from = compareDates(appealDecision.date, order.date) > 0 ? appealDecision.date : order.date;
    const d = addEoirDays(from, 90);
    return {
      safe: d,
      legal: d,
      basis: `90 days from the Board's ${appealDecision.outcome === 'rejected' ? 'rejection of the appeal' : 'remand'} on ${from}`,
      citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.39',
      explanation: `When the Board ${appealDecision.outcome} the appeal, which order is final must be confirmed; Reopen counts 90 days from ${from}. ${d.explanation}`,
      confidence: 'low',
    };
  }
  const safe = addEoirDays(order.date, 90, { citation: '8 C.F.R. 1003.23(b)(1); ICPM 3.1(c)' });
  if (order.appeal === 'waived') {
    return {
      safe,
      legal: safe,
      basis: `90 days from the immigration judge's order of ${order.date} (appeal waived, so final that day)`,
      citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.39',
      explanation: `With appeal waived, the order was final when entered. ${safe.explanation}`,
      confidence: 'high',
    };
  }
  // Appeal reserved and not filed: final when the 30-day appeal period ran out.
  const appealEnds = addEoirDays(order.date, 30, { citation: BIA_APPEAL_CITATION });
  const legal = addEoirDays(appealEnds.due, 90, { citation: '8 C.F.R. 1003.23(b)(1); ICPM 3.1(c)' });
  const rolledNote = appealEnds.rolled ? ` (30 days from the order fell on ${formatLongWithWeekday(appealEnds.raw)} and moved to the next business day)` : '';
  return {
    safe,
    legal,
    basis: `90 days from the immigration judge's order of ${order.date}; counted from finality (${appealEnds.due}, when the appeal period ended) the regulation gives ${legal.due}`,
    citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.39; 8 C.F.R. 1003.38(b)',
    explanation:
      `The appeal was reserved and not filed, so the order became final when the 30-day appeal period ended on ${formatLongWithWeekday(appealEnds.due)}${rolledNote}, ` +
      `and the regulation's deadline is 90 days after that: ${formatLongWithWeekday(legal.due)}. ` +
      `The safe date counts 90 days from the order itself: ${formatLongWithWeekday(safe.due)}.`,
    confidence: 'high',
  };
}

function withTransition(a: RegulatoryAnswer): { safe: string; legal: string; note: string } {
  // Orders final before July 1, 1996 had until September 30, 1996.
  const finalBefore = compareDates(a.legal.trigger, TRANSITION_FINAL_BEFORE) < 0;
  if (!finalBefore) return { safe: a.safe.due, legal: a.legal.due, note: '' };
  const later = (d: string) => (compareDates(d, TRANSITION_DUE) < 0 ? TRANSITION_DUE : d);
  return {
    safe: later(a.safe.due),
    legal: later(a.legal.due),
    note: ` The order was final before July 1, 1996, so the motion was due by September 30, 1996 (${TRANSITION_CITATION}).`,
  };
}

interface NoLimit {
  basis: string;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

const NO_LIMIT: Partial<Record<Basis, NoLimit>> = {
  'changed-country-conditions': {
    basis: 'no time limit: changed country conditions',
    citation: 'INA 240(c)(7)(C)(ii); 8 C.F.R. 1003.23(b)(4)(i); 8 C.F.R. 1003.2(c)(3)(ii)',
    explanation:
      'A motion to apply for asylum, withholding or CAT protection based on changed country conditions, with material evidence that could not have been presented earlier, has no time limit.',
    confidence: 'high',
  },
  'in-absentia-no-notice': {
    basis: 'no time limit: lack of notice of the hearing',
    citation: 'INA 240(b)(5)(C)(ii); 8 C.F.R. 1003.23(b)(4)(ii)',
    explanation: 'A motion to rescind an in absentia order for lack of notice may be filed at any time.',
    confidence: 'high',
  },
  'in-absentia-in-custody': {
    basis: 'no time limit: in custody at the time of the hearing',
    citation: 'INA 240(b)(5)(C)(ii); 8 C.F.R. 1003.23(b)(4)(ii)',
    explanation:
      'A motion to rescind an in absentia order because the respondent was in federal or state custody through no fault of their own may be filed at any time.',
    confidence: 'high',
  },
  joint: {
    basis: 'no time limit: joint motion with DHS',
    citation: '8 C.F.R. 1003.23(b)(4)(iv); 8 C.F.R. 1003.2(c)(3)(iii)',
    explanation: 'A motion DHS joins is not subject to the time or number limits.',
    confidence: 'high',
  },
  'sua-sponte': {
    basis: 'no time limit: reopening on the court\'s own motion',
    citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.2(a); Matter of J-J-, 21 I&N Dec. 976 (BIA 1997)',
    explanation:
      'The immigration judge or the Board may reopen on its own motion at any time, in exceptional situations; the request is discretionary.',
    confidence: 'medium',
  },
};

/** The motion-to-reopen deadline for the case's motion. Call only when the case has a motion. */
export function motionDeadline(c: Case, basis: Basis): Deadline {
  const clock = c.motion?.courtOrderClock;
  const regulatory = regulatoryDeadline(c, basis);
  if (!clock) return regulatory;
  // The reference (6.2) rolls a court-ordered period forward as FRCP 6(a) would: an assumption it flags.
  const fromOrder = addEoirDays(clock.triggerDate, clock.days, { citation: 'Fed. R. Civ. P. 6(a)(1)(C); ICPM 3.1(c)' });
  return {
    id: 'motion-to-reopen',
    due: fromOrder.due,
    legalDue: regulatory.legalDue,
    basis: `${clock.days} days from ${clock.trigger} (${clock.triggerDate}), under ${clock.caption}`,
    citation: `${clock.caption}, ${clock.citation}; ICPM 5.7(e)(vii)`,
    confidence: 'medium',
    explanation:
      `${clock.caption} set the filing period: ${fromOrder.explanation} ` +
      (regulatory.legalDue
        ? `Without the order, the regulation's deadline would be ${regulatory.legalDue} (${regulatory.citation}).`
        : `Without the order, ${regulatory.explanation.charAt(0).toLowerCase()}${regulatory.explanation.slice(1)}`),
  };
}

function regulatoryDeadline(c: Case, basis: Basis): Deadline {
  const noLimit = NO_LIMIT[basis];
  if (noLimit) return { id: 'motion-to-reopen', due: null, legalDue: null, ...noLimit };
  if (basis === 'in-absentia-exceptional') {
    const d = addEoirDays(c.proceedings.order.date, 180, { citation: 'INA 240(b)(5)(C)(i); 8 C.F.R. 1003.23(b)(4)(ii)' });
    return {
      id: 'motion-to-reopen',
      due: d.due,
      legalDue: d.due,
      basis: `180 days from the in absentia order of ${c.proceedings.order.date} (exceptional circumstances)`,
      citation: d.citation,
      explanation: `A motion to rescind an in absentia order for exceptional circumstances is due within 180 days of the order. ${d.explanation}`,
      confidence: 'high',
    };
  }
  if (!isInAbsentiaBasis(basis) && appealPending(c)) {
    return {
      id: 'motion-to-reopen',
      due: null,
      legalDue: null,
      basis: 'no deadline runs while the appeal is pending',
      citation: '8 C.F.R. 1003.2(c)(4); 8 C.F.R. 1003.39',
      explanation:
        'The order is not final while the appeal is pending before the Board; a motion filed now is treated as a motion to remand, and the 90-day period starts when the Board decides.',
      confidence: 'medium',
    };
  }
  // new-evidence, ineffective-assistance, change-in-law, court-order (regulatory answer).
  const answer = ninetyDays(c);
  const t = withTransition(answer);
  const tolling =
    basis === 'ineffective-assistance'
      ? ' Equitable tolling may extend it where the respondent acted with due diligence; the law varies by circuit (Reyes Mata v. Lynch, 576 U.S. 143 (2015)).'
      : '';
  return {
    id: 'motion-to-reopen',
    due: t.safe,
    legalDue: t.legal,
    basis: answer.basis,
    citation: answer.citation,
    explanation: answer.explanation + t.note + tolling,
    confidence: answer.confidence,
  };
}
