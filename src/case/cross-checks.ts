/**
 * Checks that relate two or more fields. They read the raw input defensively, so they run (and
 * report) even when other fields are malformed: one run lists every problem.
 * Date checks here need no "today"; those that do (a date in the future) are in the rules.
 */
import { isCivilDate } from './civil-date.js';
import { makeIssue, type Issue } from './issues.js';
import { labelOf } from './labels.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const date = (v: unknown): string | undefined => (typeof v === 'string' && isCivilDate(v) ? v : undefined);

export function crossChecks(input: Json): Issue[] {
  const issues: Issue[] = [];
  const respondent = obj(input['respondent']);
  const custody = obj(input['custody']);
  const proceedings = obj(input['proceedings']);
  const motion = obj(input['motion']);
  const records = obj(input['records']);
  const status = str(custody?.['status']);

  if (respondent && status !== undefined && status !== 'detained' && respondent['mailingAddress'] === undefined) {
    issues.push(
      makeIssue('required_when', 'respondent.mailingAddress', 'error', {
        label: labelOf('respondent.mailingAddress'),
        when: 'unless the respondent is detained (the court and DHS must be able to reach the respondent)',
      }),
    );
  }
  if (custody && status === 'detained' && custody['facility'] === undefined) {
    issues.push(
      makeIssue('required_when', 'custody.facility', 'error', {
        label: labelOf('custody.facility'),
        when: 'when the respondent is detained',
      }),
    );
  }
  if (motion && motion['basis'] === 'court-order' && motion['courtOrderClock'] === undefined) {
    issues.push(
      makeIssue('required_when', 'motion.courtOrderClock', 'error', {
        label: labelOf('motion.courtOrderClock'),
        when: 'when the motion rests on a court order',
      }),
    );
  }

  if (proceedings) issues.push(...proceedingsChecks(proceedings));
  if (custody) issues.push(...transferChecks(custody));
  if (records) issues.push(...recordsChecks(records));

  const orderDate = date(obj(proceedings?.['order'])?.['date']);
  const filingDate = date(obj(input['filing'])?.['date']);
  if (orderDate && filingDate && filingDate < orderDate) {
    issues.push(order('filing.date', filingDate, 'proceedings.order.date', orderDate));
  }
  const serviceDate = date(obj(input['service'])?.['date']);
  if (orderDate && serviceDate && serviceDate < orderDate) {
    issues.push(order('service.date', serviceDate, 'proceedings.order.date', orderDate));
  }
  return issues;
}

function proceedingsChecks(p: Json): Issue[] {
  const issues: Issue[] = [];
  const orderObj = obj(p['order']);
  const orderDate = date(orderObj?.['date']);
  const appeal = str(orderObj?.['appeal']);
  const decision = obj(p['appealDecision']);
  if (decision && appeal !== undefined && appeal !== 'filed') {
    issues.push(
      makeIssue('contradiction', 'proceedings.appealDecision', 'error', {
        detail: `The case records a decision of the Board on an appeal, but says the appeal was ${appeal}; set proceedings.order.appeal to "filed" or remove the decision.`,
      }),
    );
  }
  const decisionDate = date(decision?.['date']);
  // After a remand the order recorded may be the judge's new decision, later than the Board's.
  if (orderDate && decisionDate && decisionDate < orderDate && decision?.['outcome'] !== 'remanded') {
    issues.push(order('proceedings.appealDecision.date', decisionDate, 'proceedings.order.date', orderDate));
  }
  arr(p['priorMotions']).forEach((m, i) => {
    const filed = date(obj(m)?.['filed']);
    const decided = date(obj(m)?.['decided']);
    if (orderDate && filed && filed < orderDate) {
      issues.push(order(`proceedings.priorMotions.${i}.filed`, filed, 'proceedings.order.date', orderDate));
    }
    if (filed && decided && decided < filed) {
      issues.push(order(`proceedings.priorMotions.${i}.decided`, decided, `proceedings.priorMotions.${i}.filed`, filed));
    }
  });
  return issues;
}

function transferChecks(custody: Json): Issue[] {
  const issues: Issue[] = [];
  const spans: { i: number; from: string; to: string }[] = [];
  arr(custody['transfers']).forEach((t, i) => {
    const from = date(obj(t)?.['from']);
    const to = date(obj(t)?.['to']);
    if (from && to && to < from) issues.push(order(`custody.transfers.${i}.to`, to, `custody.transfers.${i}.from`, from));
    if (from) spans.push({ i, from, to: to ?? '9999-12-31' });
  });
  // Stays are inclusive of both days except that a move-out day may equal the next move-in day.
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.i - b.i));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.from < prev.to) {
      issues.push(makeIssue('transfers_overlap', `custody.transfers.${cur.i}.from`, 'error', { first: prev.i + 1, second: cur.i + 1 }));
    }
  }
  return issues;
}

function recordsChecks(records: Json): Issue[] {
  const issues: Issue[] = [];
  const agencies = arr(records['agencies']).map(str);
  const seen = new Set<string>();
  agencies.forEach((a, i) => {
    if (a === undefined) return;
    if (seen.has(a)) {
      issues.push(makeIssue('duplicate_entry', `records.agencies.${i}`, 'error', { label: labelOf('records.agencies'), found: a }));
    }
    seen.add(a);
  });
  arr(records['requests']).forEach((r, i) => {
    const req = obj(r);
    const agency = str(req?.['agency']);
    if (agency !== undefined && Array.isArray(records['agencies']) && !seen.has(agency)) {
      issues.push(makeIssue('request_agency_not_listed', `records.requests.${i}.agency`, 'error', { agency }));
    }
    const submitted = date(req?.['submitted']);
    const received = date(req?.['received']);
    const produced = date(req?.['produced']);
    if (submitted && received && received < submitted) {
      issues.push(order(`records.requests.${i}.received`, received, `records.requests.${i}.submitted`, submitted));
    }
    const start = received ?? submitted;
    if (start && produced && produced < start) {
      issues.push(
        order(`records.requests.${i}.produced`, produced, `records.requests.${i}.${received ? 'received' : 'submitted'}`, start),
      );
    }
  });
  return issues;
}

function order(path: string, value: string, otherPath: string, otherValue: string): Issue {
  return makeIssue('date_order', path, 'error', {
    label: labelOf(path),
    date: value,
    otherLabel: labelOf(otherPath),
    otherDate: otherValue,
  });
}
