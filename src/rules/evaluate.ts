/**
 * evaluate(case, asOf): every rule applied to one case on one date. Pure: the same case and asOf
 * always give the same evaluation; nothing here reads the clock.
 */
import { labelOf, makeIssue, type Case, type Forum, type Issue } from '../case/index.js';
import { barIssues } from './bars.js';
import { compareDates } from '../case/civil-date.js';
import { motionDeadline, type Deadline } from './deadlines.js';
import { motionFee, usd, type FeeRuling } from './fees.js';
import { motionForum } from './forum.js';
import { recordsRouting, type RecordsRuling } from './records.js';
import type { Ruling } from './ruling.js';
import { automaticStay, stayIssues } from './stays.js';
import { filingVenue, immigrationCourt, type Venue } from './venue.js';
import { delivery, type Delivery } from './delivery.js';

export interface Evaluation {
  asOf: string;
  /** Where a motion to reopen goes; null without a motion. */
  forum: Ruling<Forum> | null;
  /** Whether filing the motion itself stops removal; null without a motion. */
  automaticStay: Ruling<boolean> | null;
  deadlines: Deadline[];
  fee: FeeRuling | null;
  records: RecordsRuling[];
  /** The immigration court of the proceedings, completed from the reference list. */
  court: Venue;
  /** Where the motion is filed; null without a motion. */
  venue: Venue | null;
  /** ECAS or paper, and when to send a paper filing; null without a motion. */
  delivery: Delivery | null;
  issues: Issue[];
}

export function evaluate(c: Case, asOf: string): Evaluation {
  const issues: Issue[] = [...pastDateIssues(c, asOf)];
  const motion = c.motion;
  let forum: Ruling<Forum> | null = null;
  let stay: Ruling<boolean> | null = null;
  let fee: FeeRuling | null = null;
  const deadlines: Deadline[] = [];

  if (motion) {
    const basis = motion.basis;
    forum = motionForum(c, basis);
    if (forum.confidence === 'low') {
      issues.push(makeIssue('forum_uncertain', 'proceedings.appealDecision', 'warning', { detail: forum.explanation }, forum.citation));
    }
    stay = automaticStay(c, basis);
    const deadline = motionDeadline(c, basis);
    deadlines.push(deadline);
    issues.push(...deadlineIssues(c, deadline, asOf));
    issues.push(...barIssues(c, basis, forum.value, immigrationCourt(c).address?.state));
    fee = motionFee(c, basis, asOf);
    issues.push(...feeIssues(fee));
    if (c.proceedings.recordFormat === 'paper' && c.filing?.method === 'ecas') {
      issues.push(makeIssue('paper_record', 'filing.method', 'warning', {}, 'ECAS User Manual (1)(c); ICPM 3.1(a)(3)'));
    }
  }
  issues.push(...stayIssues(c, forum?.value ?? null, asOf));
  const records = recordsRouting(c);
  issues.push(...triggerIssues(c));

  const court = immigrationCourt(c);
  const venue = forum ? filingVenue(c, forum.value) : null;
  const plan = motion ? delivery(c, deadlines[0], asOf) : null;
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
        { filed, due: d.due, ...(d.legalDue ? { legalDue: d.legalDue } : {}), hint },
        d.citation,
      ),
    );
  } else if (filed === undefined && compareDates(asOf, d.due) > 0 && !argued) {
    issues.push(makeIssue('deadline_passed', 'motion.basis', 'warning', { due: d.due, asOf }, d.citation));
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
      { triggerDate: clock.triggerDate, produced: latest.produced!, agency: latest.agency.toUpperCase() },
      `${clock.caption}, ${clock.citation}`,
    ),
  ];
}

/** Events the case says have happened cannot be later than the date it is checked on (V28). */
function pastDateIssues(c: Case, asOf: string): Issue[] {
  const issues: Issue[] = [];
  const past = (path: string, date: string | undefined) => {
    if (date !== undefined && compareDates(date, asOf) > 0) {
      issues.push(makeIssue('date_in_future', path, 'error', { label: labelOf(path), date, asOf }));
    }
  };
  past('respondent.dateOfBirth', c.respondent.dateOfBirth);
  past('proceedings.order.date', c.proceedings.order.date);
  past('proceedings.appealDecision.date', c.proceedings.appealDecision?.date);
  past('proceedings.priorHearingDate', c.proceedings.priorHearingDate);
  past('custody.since', c.custody.since);
  c.proceedings.priorMotions?.forEach((m, i) => {
    past(`proceedings.priorMotions.${i}.filed`, m.filed);
    past(`proceedings.priorMotions.${i}.decided`, m.decided);
  });
  c.records?.requests?.forEach((r, i) => {
    past(`records.requests.${i}.submitted`, r.submitted);
    past(`records.requests.${i}.received`, r.received);
    past(`records.requests.${i}.produced`, r.produced);
  });
  const removal = c.custody.scheduledRemoval;
  if (removal && c.custody.status !== 'removed' && compareDates(removal.date, asOf) < 0) {
    issues.push(makeIssue('removal_date_past', 'custody.scheduledRemoval.date', 'warning', { date: removal.date, asOf }));
  }
  return issues;
}
