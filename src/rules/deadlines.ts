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
import type { Basis, Case, Forum } from '../case/index.js';
import { addEoirDays, BIA_APPEAL_CITATION, businessDaysBefore, type DeadlineOptions, type EoirDeadline } from './calendar.js';
import { compareDates, formatLong, formatLongWithWeekday } from '../case/civil-date.js';
import { motionAuthorities } from './authorities.js';
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

/**
 * Where the motion is filed, which decides the provisions a deadline cites (the Board's rules and
 * Practice Manual for the Board, the immigration court's for a court) and whether Inauguration Day
 * is a holiday there (5 U.S.C. 6103(c): offices in the D.C. area, the Board among them).
 */
export interface FilingPlace {
  forum: Forum;
  /** Count Inauguration Day as a holiday (the office is in the D.C. area). */
  inauguration: boolean;
}

/** The time limit and day-counting provisions of each forum (reference 1.4, 6.1; BIA PM 5.6(c), 3.1(c)). */
const FORUM_TIME: Record<Forum, { limit: string; counting: string }> = {
  'immigration-court': { limit: '8 C.F.R. 1003.23(b)(1)', counting: 'ICPM 3.1(c)' },
  bia: { limit: '8 C.F.R. 1003.2(c)(2); BIA PM 5.6(c)', counting: 'BIA PM 3.1(c)' },
};

function counting(place: FilingPlace, citation: string): DeadlineOptions {
  return { citation, inauguration: place.inauguration };
}

/** The period to rescind an in absentia order for exceptional circumstances (INA 240(b)(5)(C)(i)). */
export const IN_ABSENTIA_EXCEPTIONAL_DAYS = 180;

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
function ninetyDays(c: Case, place: FilingPlace): RegulatoryAnswer {
  const { order, appealDecision } = c.proceedings;
  const time = FORUM_TIME[place.forum];
  const courtCite = `${FORUM_TIME['immigration-court'].limit}; ${FORUM_TIME['immigration-court'].counting}`;
  if (appealDecision && (appealDecision.outcome === 'dismissed' || appealDecision.outcome === 'sustained')) {
    const d = addEoirDays(appealDecision.date, 90, counting(place, `${time.limit}; ${time.counting}`));
    return {
      safe: d,
      legal: d,
      basis: `90 days from the Board's decision of ${formatLong(appealDecision.date)}`,
      citation: `${time.limit}; 8 C.F.R. 1241.1(a)`,
      explanation: `A Board decision is final the day it is issued. ${d.explanation}`,
      confidence: 'high',
    };
  }
  if (appealDecision?.outcome === 'rejected') {
    // The judge's order stays the operative order (reference 1.2, [L]): count as if no appeal was
    // filed, from the order (safe) and from the end of the 30-day appeal period (regulation).
    const safe = addEoirDays(order.date, 90, counting(place, courtCite));
    const appealEnds = addEoirDays(order.date, 30, counting(place, BIA_APPEAL_CITATION));
    const legal = addEoirDays(appealEnds.due, 90, counting(place, courtCite));
    return {
      safe,
      legal,
      basis: `90 days from the immigration judge's order of ${formatLong(order.date)}, the operative order after the Board rejected the appeal`,
      citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.39',
      explanation: `The Board rejected the appeal on ${formatLong(appealDecision.date)}, so the judge's order is the operative final order. Counted from the order the safe date is ${formatLongWithWeekday(safe.due)}; counted from the end of the appeal period the regulation gives ${formatLongWithWeekday(legal.due)}. Verify which order is final before relying on either.`,
      confidence: 'low',
    };
  }
  if (appealDecision?.outcome === 'remanded' && compareDates(order.date, appealDecision.date) > 0) {
    // The order recorded is the judge's decision after the remand: count from it.
    const d = addEoirDays(order.date, 90, counting(place, courtCite));
    return {
      safe: d,
      legal: d,
      basis: `90 days from the immigration judge's decision of ${formatLong(order.date)}, after the Board's remand`,
      citation: '8 C.F.R. 1003.23(b)(1)',
      explanation: `The judge decided again on ${formatLong(order.date)} after the Board's remand; counting from that decision: ${d.explanation} If that decision was appealed or the appeal reserved, the date may be later.`,
      confidence: 'medium',
    };
  }
  if (appealDecision?.outcome === 'remanded') {
    // After a remand the judge decides again, on a date the case does not record; that decision is
    // later than the remand, so counting from the remand gives a date that is early, never late.
    const d = addEoirDays(appealDecision.date, 90, counting(place, courtCite));
    return {
      safe: d,
      legal: d,
      basis: `90 days from the Board's remand of ${formatLong(appealDecision.date)} (the judge's later decision is not recorded)`,
      citation: '8 C.F.R. 1003.23(b)(1)',
      explanation: `The Board remanded the case on ${formatLong(appealDecision.date)}; the deadline runs from the judge's decision after the remand, which the case does not record. Counting from the remand gives an early, safe date: ${d.explanation} Record the judge's decision as the order to get the real date.`,
      confidence: 'low',
    };
  }
  const safe = addEoirDays(order.date, 90, counting(place, courtCite));
  if (order.inAbsentia && order.appeal !== 'filed') {
    // An order entered in absentia is final when entered: no appeal lies from it (8 C.F.R. 1241.1(e)).
    return {
      safe,
      legal: safe,
      basis: `90 days from the in absentia order of ${formatLong(order.date)} (final when entered)`,
      citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1241.1(e)',
      explanation: `An order entered in absentia is final when it is entered. ${safe.explanation}`,
      confidence: 'high',
    };
  }
  if (order.appeal === 'waived') {
    return {
      safe,
      legal: safe,
      basis: `90 days from the immigration judge's order of ${formatLong(order.date)} (appeal waived, so final that day)`,
      citation: '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.39',
      explanation: `With appeal waived, the order was final when entered. ${safe.explanation}`,
      confidence: 'high',
    };
  }
  // Appeal reserved and not filed: final when the 30-day appeal period ran out.
  const appealEnds = addEoirDays(order.date, 30, counting(place, BIA_APPEAL_CITATION));
  const legal = addEoirDays(appealEnds.due, 90, counting(place, courtCite));
  const rolledNote = appealEnds.rolled ? ` (30 days from the order fell on ${formatLongWithWeekday(appealEnds.raw)} and moved to the next business day)` : '';
  return {
    safe,
    legal,
    basis: `90 days from the immigration judge's order of ${formatLong(order.date)}; counted from finality (${formatLong(appealEnds.due)}, when the appeal period ended) the regulation gives ${formatLong(legal.due)}`,
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
  explanation: string;
  confidence: Confidence;
}

const NO_LIMIT: Partial<Record<Basis, NoLimit>> = {
  'changed-country-conditions': {
    basis: 'no time limit: changed country conditions',
    explanation:
      'A motion to apply for asylum, withholding or CAT protection based on changed country conditions, with material evidence that could not have been presented earlier, has no time limit.',
    confidence: 'high',
  },
  'in-absentia-no-notice': {
    basis: 'no time limit: lack of notice of the hearing',
    explanation: 'A motion to rescind an in absentia order for lack of notice may be filed at any time.',
    confidence: 'high',
  },
  'in-absentia-in-custody': {
    basis: 'no time limit: in custody at the time of the hearing',
    explanation:
      'A motion to rescind an in absentia order because the respondent was in federal or state custody through no fault of their own may be filed at any time.',
    confidence: 'high',
  },
  joint: {
    basis: 'no time limit: joint motion with DHS',
    explanation: 'A motion DHS joins is not subject to the time or number limits.',
    confidence: 'high',
  },
  'sua-sponte': {
    basis: "no time limit: reopening on the court's own motion",
    explanation:
      'The immigration judge or the Board may reopen on its own motion at any time, in exceptional situations; the request is discretionary.',
    confidence: 'medium',
  },
};

/**
 * In absentia orders in deportation and exclusion proceedings (begun before April 1, 1997) follow
 * 8 C.F.R. 1003.23(b)(4)(iii), not INA 240(b)(5): deportation orders may be rescinded within 180
 * days for exceptional circumstances, or at any time for lack of notice or custody; for exclusion
 * orders the rule is "reasonable cause" with no period of its own, so Reopen counts the general 90
 * days, marked low confidence (reference 1.5, E4).
 */
function olderInAbsentiaDeadline(c: Case, basis: Basis, place: FilingPlace): Deadline {
  const order = c.proceedings.order.date;
  if (c.proceedings.type === 'deportation') {
    if (basis === 'in-absentia-exceptional') {
      const d = addEoirDays(order, IN_ABSENTIA_EXCEPTIONAL_DAYS, counting(place, '8 C.F.R. 1003.23(b)(4)(iii)(A)(1); former INA 242B(c)(3)(A)'));
      return {
        id: 'motion-to-reopen',
        due: d.due,
        legalDue: d.due,
        basis: `180 days from the in absentia deportation order of ${formatLong(order)} (exceptional circumstances)`,
        citation: d.citation,
        explanation: `An in absentia deportation order may be rescinded for exceptional circumstances on a motion filed within 180 days. ${d.explanation}`,
        confidence: 'medium',
      };
    }
    return {
      id: 'motion-to-reopen',
      due: null,
      legalDue: null,
      basis: 'no time limit: in absentia deportation order without notice, or while in custody',
      citation: '8 C.F.R. 1003.23(b)(4)(iii)(A)(2); former INA 242B(c)(3)(B)',
      explanation: 'An in absentia deportation order may be rescinded at any time if the respondent did not receive notice or was in federal or state custody.',
      confidence: 'medium',
    };
  }
  const d = addEoirDays(order, 90, counting(place, '8 C.F.R. 1003.23(b)(4)(iii)(B); 8 C.F.R. 1003.23(b)(1)'));
  return {
    id: 'motion-to-reopen',
    due: d.due,
    legalDue: d.due,
    basis: `90 days from the in absentia exclusion order of ${formatLong(order)} (general rule; exclusion orders are reopened for reasonable cause)`,
    citation: d.citation,
    explanation: `In absentia exclusion orders are reopened for "reasonable cause", with no period of their own; Reopen applies the general 90 days to be safe. ${d.explanation}`,
    confidence: 'low',
  };
}

/**
 * The motion-to-reopen deadline for the case's motion, with the provisions of the forum it is
 * filed in. Call only when the case has a motion.
 */
export function motionDeadline(c: Case, basis: Basis, place: FilingPlace): Deadline {
  const clock = c.motion?.courtOrderClock;
  const regulatory = regulatoryDeadline(c, basis, place);
  if (!clock) return regulatory;
  // The reference (6.2) rolls a court-ordered period forward as FRCP 6(a) would: an assumption it flags.
  const fromOrder = addEoirDays(clock.triggerDate, clock.days, counting(place, `Fed. R. Civ. P. 6(a)(1)(C); ${FORUM_TIME[place.forum].counting}`));
  // Whether an order's period rolls past a weekend as the civil rules would is the reference's
  // assumption (6.2); the day before the weekend is the date no one can dispute.
  const safer = fromOrder.rolled ? businessDaysBefore(fromOrder.raw, 1) : null;
  // The order sets the period; the basis's own rule (its limit, or that it has none) stays the law cited.
  const own = basis === 'court-order' ? (place.forum === 'immigration-court' ? 'ICPM 5.7(e)(vii)' : null) : regulatory.citation;
  return {
    id: 'motion-to-reopen',
    due: fromOrder.due,
    legalDue: regulatory.legalDue,
    basis: `${clock.days} days from ${clock.trigger} (${formatLong(clock.triggerDate)}), under ${clock.caption}`,
    citation: [`${clock.caption}, ${clock.citation}`, ...(own ? [own] : [])].join('; '),
    confidence: 'medium',
    explanation:
      `${clock.caption} set the filing period: ${fromOrder.explanation} ` +
      (safer ? `If the order's period does not roll forward as Fed. R. Civ. P. 6(a) would, it ends on ${formatLongWithWeekday(fromOrder.raw)}: file by ${formatLongWithWeekday(safer)} to be safe. ` : '') +
      (regulatory.legalDue
        ? `Without the order, the regulation's deadline would be ${formatLong(regulatory.legalDue)} (${regulatory.citation}).`
        : `Without the order, ${regulatory.explanation.charAt(0).toLowerCase()}${regulatory.explanation.slice(1)}`),
  };
}

function regulatoryDeadline(c: Case, basis: Basis, place: FilingPlace): Deadline {
  const type = c.proceedings.type;
  if (isInAbsentiaBasis(basis) && type !== 'removal') return olderInAbsentiaDeadline(c, basis, place);
  const noLimit = NO_LIMIT[basis];
  if (noLimit) {
    const citation = motionAuthorities(place.forum, basis, type).basis + (basis === 'sua-sponte' ? '; Matter of J-J-, 21 I&N Dec. 976 (BIA 1997)' : '');
    return { id: 'motion-to-reopen', due: null, legalDue: null, citation, ...noLimit };
  }
  if (basis === 'in-absentia-exceptional') {
    const d = addEoirDays(c.proceedings.order.date, IN_ABSENTIA_EXCEPTIONAL_DAYS, counting(place, 'INA 240(b)(5)(C)(i); 8 C.F.R. 1003.23(b)(4)(ii)'));
    return {
      id: 'motion-to-reopen',
      due: d.due,
      legalDue: d.due,
      basis: `180 days from the in absentia order of ${formatLong(c.proceedings.order.date)} (exceptional circumstances)`,
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
  const answer = ninetyDays(c, place);
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
