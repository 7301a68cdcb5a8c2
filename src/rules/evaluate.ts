/**
 * evaluate(case, asOf): every rule applied to one case on one date. Pure: the same case and asOf
 * always give the same evaluation; nothing here reads the clock.
 *
 * Each rule runs under a guard. On a valid case the guard just runs it; on a case repaired from an
 * invalid one (case/repair.ts) it drops any answer that read a field that was wrong, so an invalid
 * case still gets its forum, deadline and every issue that does not depend on the bad field.
 */
import { formatLong, labelOf, makeIssue, type Case, type Forum, type Issue } from '../case/index.js';
import { trusting, type Guard } from '../case/taint.js';
import { barIssues, reliefBarIssues } from './bars.js';
import { compareDates, partialDateSpan } from '../case/civil-date.js';
import { motionDeadline, type Deadline } from './deadlines.js';
import { motionFee, usd, type FeeRuling } from './fees.js';
import { motionForum } from './forum.js';
import { recordsConfidenceIssues, recordsRouting, type RecordsRuling } from './records.js';
import type { Ruling } from './ruling.js';
import { automaticStay, stayIssues } from './stays.js';
import { countsInaugurationDay, filingVenue, immigrationCourt, type Venue } from './venue.js';
import { delivery, type Delivery } from './delivery.js';
import { ECAS } from './data/filing.js';

export interface Evaluation {
  asOf: string;
  /** Where a motion to reopen goes; null without a motion (or when it cannot be known). */
  forum: Ruling<Forum> | null;
  /** Whether filing the motion itself stops removal; null without a motion. */
  automaticStay: Ruling<boolean> | null;
  deadlines: Deadline[];
  fee: FeeRuling | null;
  records: RecordsRuling[];
  /** The immigration court of the proceedings, completed from the reference list. */
  court: Venue | null;
  /** Where the motion is filed; null without a motion. */
  venue: Venue | null;
  /** ECAS or paper, and when to send a paper filing; null without a motion. */
  delivery: Delivery | null;
  issues: Issue[];
}

/**
 * Every rule on `c` as of `asOf` (YYYY-MM-DD). `guard` decides which answers to keep; the default
 * keeps all (a valid case). Throws nothing on a valid case.
 */
export function evaluate(c: Case, asOf: string, guard: Guard = trusting): Evaluation {
  const issues: Issue[] = [...pastDateIssues(c, asOf, guard)];
  const motion = guard(() => c.motion !== undefined, false) ? c.motion! : undefined;
  let forum: Ruling<Forum> | null = null;
  let stay: Ruling<boolean> | null = null;
  let fee: FeeRuling | null = null;
  let venue: Venue | null = null;
  let plan: Delivery | null = null;
  const deadlines: Deadline[] = [];

  if (motion) {
    const basis = guard(() => motion.basis, null);
    forum = basis === null ? null : guard(() => motionForum(c, basis), null);
    if (forum?.confidence === 'low') {
      issues.push(makeIssue('forum_uncertain', 'proceedings.appealDecision', 'warning', { detail: forum.explanation }, forum.citation));
    }
    const where = forum?.value ?? null;
    if (basis !== null) {
      stay = guard(() => automaticStay(c, basis), null);
      fee = where === null ? null : guard(() => motionFee(c, basis, where, asOf), null);
      if (fee) issues.push(...feeIssues(fee));
      issues.push(...guard(() => reliefBarIssues(c), []));
    }
    if (basis !== null && where !== null) {
      venue = guard(() => filingVenue(c, where), null);
      const place = { forum: where, inauguration: venue !== null && countsInaugurationDay(venue) };
      const deadline = guard(() => motionDeadline(c, basis, place), null);
      if (deadline) {
        deadlines.push(deadline);
        issues.push(...guard(() => deadlineIssues(c, deadline, asOf), []));
      }
      issues.push(...guard(() => barIssues(c, basis, where, immigrationCourt(c).address?.state), []));
      plan = guard(() => delivery(c, deadline ?? undefined, asOf, where), null);
      if (plan) issues.push(...guard(() => deliveryIssues(c, plan!, asOf), []));
    }
  }
  issues.push(...guard(() => stayIssues(c, forum?.value ?? null, asOf), []));
  const records = guard(() => recordsRouting(c), []);
  issues.push(...guard(() => recordsConfidenceIssues(c), []));
  issues.push(...guard(() => triggerIssues(c), []));
  const court = guard(() => immigrationCourt(c), null);
  return { asOf, forum, automaticStay: stay, deadlines, fee, records, court, venue, delivery: plan, issues };
}

function deadlineIssues(c: Case, d: Deadline, asOf: string): Issue[] {
  const issues: Issue[] = [];
  if (d.confidence === 'low') {
    issues.push(makeIssue('low_confidence', 'motion.basis', 'warning', { what: `The deadline (${d.basis})` }, d.citation));
  }
  if (d.due === null) return issues;
  const filed = c.filing?.date;
  const argued = c.motion?.timelinessArgument !== undefined;
  if (filed !== undefined && compareDates(filed, d.due) > 0) {
    const clockOnly = c.motion?.courtOrderClock !== undefined && d.legalDue === null;
    const hint = argued
      ? 'The motion relies on the argument in motion.timelinessArgument; the tribunal decides whether it is enough (equitable tolling needs due diligence: Reyes Mata v. Lynch, 576 U.S. 143 (2015)).'
      : clockOnly
        ? 'The period the court order set has passed. The basis has no regulatory time limit, so the motion can still be filed without relying on the order: remove motion.courtOrderClock, or explain in motion.timelinessArgument.'
        : 'A late motion needs an exception to the time limit or equitable tolling: give the reason in motion.timelinessArgument.';
    issues.push(
      makeIssue(
        'filed_after_deadline',
        'filing.date',
        argued ? 'warning' : 'error',
        { filed: formatLong(filed), due: formatLong(d.due), ...(d.legalDue ? { legalDue: formatLong(d.legalDue) } : {}), hint },
        d.citation,
      ),
    );
  } else if (filed === undefined && compareDates(asOf, d.due) > 0 && !argued) {
    issues.push(makeIssue('deadline_passed', 'motion.basis', 'warning', { due: formatLong(d.due), asOf: formatLong(asOf) }, d.citation));
  }
  return issues;
}

/**
 * How the filing reaches the court, against the facts: an electronic record that counsel means to
 * file on paper, and advice to send a paper filing by a day already past.
 */
function deliveryIssues(c: Case, plan: Delivery, asOf: string): Issue[] {
  const issues: Issue[] = [];
  const on = c.filing?.date ?? asOf;
  if (c.proceedings.recordFormat === 'paper' && c.filing?.method === 'ecas') {
    issues.push(makeIssue('paper_record', 'filing.method', 'warning', {}, 'ECAS User Manual (1)(c); ICPM 3.1(a)(3)'));
  }
  const practitioner = c.counsel.type === 'attorney' || c.counsel.type === 'accredited-representative';
  if (c.proceedings.recordFormat === 'electronic' && c.filing?.method === 'paper' && practitioner && compareDates(on, ECAS.mandatorySince) >= 0) {
    issues.push(
      makeIssue(
        'conflicting_facts',
        'filing.method',
        'warning',
        {
          label: labelOf('filing.method'),
          path: 'filing.method',
          otherLabel: labelOf('proceedings.recordFormat'),
          otherPath: 'proceedings.recordFormat',
          detail: `the record of proceedings is electronic, and since ${formatLong(ECAS.mandatorySince)} attorneys and accredited representatives must e-file in such cases; file through ECAS unless the immigration judge has allowed paper.`,
        },
        ECAS.mandatoryCitation,
      ),
    );
  }
  if (plan.sendBy !== null && c.filing?.date === undefined && compareDates(asOf, plan.sendBy) > 0 && plan.arriveBy !== null && compareDates(asOf, plan.arriveBy) <= 0) {
    issues.push(
      makeIssue(
        'advice_date_past',
        'filing.method',
        'warning',
        {
          what: 'the last day to send the paper filing so that it arrives in time',
          date: formatLong(plan.sendBy),
          asOf: formatLong(asOf),
          instead: `The court must receive it by ${formatLong(plan.arriveBy)}: deliver it by hand or by overnight courier now.`,
        },
        plan.citation,
      ),
    );
  }
  return issues;
}

function feeIssues(fee: FeeRuling): Issue[] {
  const issues: Issue[] = [];
  const owedLines = fee.lines.filter((l) => l.exemptBecause === undefined);
  if (fee.mode === 'exempt' && fee.owed > 0) {
    issues.push(
      makeIssue(
        'fee_rule',
        'motion.fee.mode',
        'warning',
        { detail: `The case says the motion is exempt from the fee, but on these facts it owes ${usd(fee.owed)}: ${fee.explanation}` },
        fee.citation,
      ),
    );
  }
  const unverified = owedLines.filter((l) => l.waivable === null);
  if (fee.mode === 'waiver-requested' && unverified.length > 0) {
    issues.push(
      makeIssue('low_confidence', 'motion.fee.mode', 'warning', { what: `Whether a fee waiver covers the ${unverified.map((l) => l.label).join(' and ')}` }, unverified.map((l) => l.citation).join('; ')),
    );
  }
  const notWaivable = owedLines.filter((l) => l.waivable === false);
  if (fee.mode === 'waiver-requested' && notWaivable.length > 0) {
    issues.push(
      makeIssue(
        'fee_rule',
        'motion.fee.mode',
        'warning',
        { detail: `A fee waiver cannot cover the ${notWaivable.map((l) => `${l.label} (${usd(l.amount)})`).join(' and ')}; it must be paid.` },
        notWaivable.map((l) => l.citation).join('; '),
      ),
    );
  }
  return issues;
}

/** A court-order clock that starts on a date other than the recorded production of records. */
function triggerIssues(c: Case): Issue[] {
  const clock = c.motion?.courtOrderClock;
  if (!clock) return [];
  const produced = (c.records?.requests ?? [])
    .filter((r) => r.produced !== undefined)
    .sort((a, b) => compareDates(a.produced!, b.produced!));
  const latest = produced.at(-1);
  if (!latest || latest.produced === clock.triggerDate) return [];
  return [
    makeIssue(
      'court_order_trigger_mismatch',
      'motion.courtOrderClock.triggerDate',
      'warning',
      { triggerDate: formatLong(clock.triggerDate), produced: formatLong(latest.produced!), agency: latest.agency.toUpperCase() },
      `${clock.caption}, ${clock.citation}`,
    ),
  ];
}

/** Events the case says have happened cannot be later than the date it is checked on (V28). */
function pastDateIssues(c: Case, asOf: string, guard: Guard): Issue[] {
  const issues: Issue[] = [];
  const past = (path: string, read: () => string | undefined) =>
    issues.push(
      ...guard(() => {
        const date = read();
        // A date known only by year or month is in the future only if all of it is.
        if (date === undefined || compareDates(partialDateSpan(date).first, asOf) <= 0) return [];
        return [makeIssue('date_in_future', path, 'error', { label: labelOf(path), date: formatDate(date), asOf: formatLong(asOf) })];
      }, []),
    );
  past('respondent.dateOfBirth', () => c.respondent.dateOfBirth);
  past('respondent.arrivalDate', () => c.respondent.arrivalDate);
  past('proceedings.order.date', () => c.proceedings.order.date);
  past('proceedings.appealDecision.date', () => c.proceedings.appealDecision?.date);
  past('proceedings.priorHearingDate', () => c.proceedings.priorHearingDate);
  past('custody.since', () => c.custody.since);
  past('motion.marriageDate', () => c.motion?.marriageDate);
  const motions = guard(() => c.proceedings.priorMotions?.length ?? 0, 0);
  for (let i = 0; i < motions; i++) {
    past(`proceedings.priorMotions.${i}.filed`, () => c.proceedings.priorMotions?.[i]?.filed);
    past(`proceedings.priorMotions.${i}.decided`, () => c.proceedings.priorMotions?.[i]?.decided);
  }
  const requests = guard(() => c.records?.requests?.length ?? 0, 0);
  for (let i = 0; i < requests; i++) {
    past(`records.requests.${i}.submitted`, () => c.records?.requests?.[i]?.submitted);
    past(`records.requests.${i}.received`, () => c.records?.requests?.[i]?.received);
    past(`records.requests.${i}.produced`, () => c.records?.requests?.[i]?.produced);
  }
  issues.push(
    ...guard(() => {
      const removal = c.custody.scheduledRemoval;
      if (!removal || c.custody.status === 'removed' || compareDates(removal.date, asOf) >= 0) return [];
      return [makeIssue('removal_date_past', 'custody.scheduledRemoval.date', 'warning', { date: formatLong(removal.date), asOf: formatLong(asOf) })];
    }, []),
  );
  return issues;
}

/** A full or partial date as messages print it. */
function formatDate(date: string): string {
  const span = partialDateSpan(date);
  return span.first === span.last ? formatLong(date) : date;
}
