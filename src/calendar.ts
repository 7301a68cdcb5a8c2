/**
 * The `calendar` use case: every deadline of a case as an iCalendar file (RFC 5545) that common
 * calendar programs import: the motion's due date (and the regulation's own date when later), the
 * day to send a paper filing, each records response, DHS's response period once the motion is
 * filed, the scheduled removal, and the 30 days for a petition for review after each decision the
 * case records. Each event carries its citation and the court or agency.
 *
 * Deterministic: the same case and asOf give the same bytes (UIDs from the A-number and the
 * event, DTSTAMP from asOf).
 */
import ICAL from 'ical.js';
import { formatANumber, formatLong, formatTime, makeIssue, type Case, type Issue } from './case/index.js';
import { checkCase } from './check.js';
import { fullName } from './documents/common.js';
import { addEoirDays } from './rules/calendar.js';
import { AGENCY_OFFICES } from './rules/data/agencies.js';
import { PETITION_FOR_REVIEW, RESPONSE_PERIODS } from './rules/data/filing.js';
import type { Evaluation } from './rules/evaluate.js';

export interface CalendarEvent {
  id: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description: string;
  location: string;
  citation: string;
}

export interface CalendarResult {
  ok: boolean;
  issues: Issue[];
  events: CalendarEvent[];
  /** The .ics text, CRLF line ends; null when the case has errors. */
  ics: string | null;
}

const PFR = PETITION_FOR_REVIEW;

/** The deadlines of a valid case as events, in date order. */
export function calendarEvents(c: Case, ev: Evaluation): CalendarEvent[] {
  const who = `${fullName(c.respondent.name)}, ${formatANumber(c.respondent.aNumber)}`;
  const events: CalendarEvent[] = [];
  const venue = ev.venue?.name ?? c.proceedings.court.name;
  const deadline = ev.deadlines.find((d) => d.id === 'motion-to-reopen');
  if (deadline?.due) {
    events.push({
      id: 'motion-due',
      date: deadline.due,
      summary: `Motion to reopen must be received: ${who}`,
      description: `${deadline.explanation} If the motion is denied, a petition for review is due within ${PFR.days} days of the denial (${PFR.citation}).`,
      location: venue,
      citation: deadline.citation,
    });
  }
  if (deadline?.legalDue && deadline.legalDue !== deadline.due) {
    events.push({
      id: 'motion-legal-due',
      date: deadline.legalDue,
      summary: `Regulation's last day for the motion to reopen (the safe date is earlier): ${who}`,
      description: `Counted from the date the order became final. File by the earlier date, ${formatLong(deadline.due ?? deadline.legalDue)}.`,
      location: venue,
      citation: deadline.citation,
    });
  }
  const plan = ev.delivery;
  if (plan?.sendBy) {
    events.push({
      id: 'send-by',
      date: plan.sendBy,
      summary: `Send the paper motion to the court today: ${who}`,
      description: `A filing counts only when the court receives it. This date allows ${plan.sendByBasis ?? 'time for delivery'}.`,
      location: venue,
      citation: plan.citation,
    });
  }
  for (const r of ev.records) {
    if (!r.due) continue;
    const office = AGENCY_OFFICES[r.agency];
    events.push({
      id: `records-${r.agency}`,
      date: r.due,
      summary: `${office.short} owes its answer to the records request: ${who}`,
      description: `${r.explanation}${r.trackingNumber ? ` Tracking number ${r.trackingNumber}.` : ''} If no answer comes, ask about the request and consider an appeal.`,
      location: office.name,
      citation: r.citation,
    });
  }
  const forum = ev.forum?.value;
  if (forum && c.filing?.date) {
    const rule = RESPONSE_PERIODS[forum];
    const due = addEoirDays(c.filing.date, rule.days, { citation: rule.citation });
    events.push({
      id: 'dhs-response',
      date: due.due,
      summary: `DHS response to the motion to reopen due: ${who}`,
      description: `DHS has ${rule.days} days after ${rule.from} to respond${forum === 'immigration-court' ? ', unless the judge sets another date' : ''}; counted here from the filing date, ${formatLong(c.filing.date)}. ${due.explanation} A motion with no timely response may be treated as unopposed.`,
      location: venue,
      citation: rule.citation,
    });
  }
  const removal = c.custody.scheduledRemoval;
  if (removal && c.custody.status !== 'removed') {
    events.push({
      id: 'scheduled-removal',
      date: removal.date,
      summary: `Removal scheduled${removal.time ? ` at ${formatTime(removal.time)}` : ''}${removal.confirmedByDhs ? ' (confirmed by DHS)' : ''}: ${who}`,
      description: 'A stay granted or communicated after the person is aboard the aircraft has no effect: seek any stay well before this date.',
      location: c.custody.facility?.name ?? 'U.S. Immigration and Customs Enforcement',
      citation: '8 C.F.R. 1241.6; BIA PM 6.1',
    });
  }
  const decisions: { id: string; date: string; what: string }[] = [];
  if (c.proceedings.appealDecision) decisions.push({ id: 'pfr-appeal', date: c.proceedings.appealDecision.date, what: "the Board's decision on the appeal" });
  (c.proceedings.priorMotions ?? []).forEach((m, i) => {
    if (m.decided && m.forum === 'bia') decisions.push({ id: `pfr-motion-${i + 1}`, date: m.decided, what: `the Board's decision on the motion filed ${formatLong(m.filed)}` });
  });
  for (const d of decisions) {
    const due = addEoirDays(d.date, PFR.days, { citation: PFR.citation });
    events.push({
      id: d.id,
      date: due.due,
      summary: `Petition for review due (30 days after ${d.what}): ${who}`,
      description: `${due.explanation} The deadline is a mandatory claim-processing rule (Riley v. Bondi, 2025): treat it as strict. Filing a motion to reopen does not extend it (Stone v. INS, 514 U.S. 386 (1995)).`,
      location: 'The court of appeals for the circuit where the immigration judge completed the proceedings',
      citation: PFR.citation,
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** The events as iCalendar text: all-day events, stable UIDs, CRLF line ends (RFC 5545). */
export function toICalendar(c: Case, events: readonly CalendarEvent[], asOf: string): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Reopen//Deadlines//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromDateTimeString(`${asOf}T00:00:00Z`);
  for (const e of events) {
    const vevent = new ICAL.Component('vevent');
    vevent.updatePropertyWithValue('uid', `${c.respondent.aNumber}-${e.id}@reopen`);
    vevent.updatePropertyWithValue('dtstamp', stamp);
    const start = ICAL.Time.fromDateString(e.date);
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    vevent.updatePropertyWithValue('dtstart', start);
    vevent.updatePropertyWithValue('dtend', end);
    vevent.updatePropertyWithValue('summary', e.summary);
    vevent.updatePropertyWithValue('description', `${e.description} Authority: ${e.citation}.`);
    vevent.updatePropertyWithValue('location', e.location);
    vevent.updatePropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(vevent);
  }
  // RFC 5545 3.1: lines of at most 75 octets. ical.js counts 75 after the space that starts a
  // continuation line, so continuation lines would be 76; folding at 74 keeps every line within.
  ICAL.foldLength = 74;
  return `${calendar.toString()}\r\n`;
}

/** Any JSON value and a date in; the events and the .ics text out, or the issues. */
export function calendarOf(input: unknown, asOf: string, sourceIssues: readonly Issue[] = []): CalendarResult {
  const checked = checkCase(input, asOf, sourceIssues);
  if (!checked.case || !checked.evaluation || !checked.report.ok) {
    return { ok: false, issues: checked.report.issues, events: [], ics: null };
  }
  const events = calendarEvents(checked.case, checked.evaluation);
  const issues = [...checked.report.issues];
  if (events.length === 0) issues.push(makeIssue('usage', '', 'warning', { detail: 'The case has no deadline to put in a calendar yet.' }));
  return { ok: true, issues, events, ics: toICalendar(checked.case, events, asOf) };
}
