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
        label: `${labelOf('custody.facility')} (custody.facility)`,
        when: 'because custody.status says the respondent is detained: the filings must say where, and the court and DHS serve papers there',
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

  issues.push(...placeholderChecks(input));
  if (proceedings) issues.push(...proceedingsChecks(proceedings));
  if (motion) issues.push(...evidenceChecks(motion));
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
  const inAbsentia = orderObj?.['inAbsentia'];
  if (orderObj && inAbsentia === false && orderObj['appeal'] === undefined) {
    issues.push(
      makeIssue('required_when', 'proceedings.order.appeal', 'error', {
        label: labelOf('proceedings.order.appeal'),
        when: 'when the order was not entered in absentia (proceedings.order.inAbsentia is false)',
      }),
    );
  }
  if (inAbsentia === true && (appeal === 'waived' || appeal === 'reserved')) {
    // An absent respondent neither waived nor reserved appeal; the order was final when entered.
    issues.push(
      makeIssue('conflicting_facts', 'proceedings.order.appeal', 'warning', {
        label: labelOf('proceedings.order.appeal'),
        path: 'proceedings.order.appeal',
        otherLabel: labelOf('proceedings.order.inAbsentia'),
        otherPath: 'proceedings.order.inAbsentia',
        detail: `a respondent who was not at the hearing cannot have ${appeal} appeal, and an in absentia order is final when entered (8 C.F.R. 1241.1(e)). Leave proceedings.order.appeal out; the filings never say the respondent ${appeal} appeal.`,
      }),
    );
  }
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

/** An evidence item is a file, or a document Reopen generates, not both; a document is filed at one tab. */
function evidenceChecks(motion: Json): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  arr(motion['evidence']).forEach((e, i) => {
    const item = obj(e);
    const document = str(item?.['document']);
    if (document === undefined) return;
    if (item?.['file'] !== undefined) {
      issues.push(
        makeIssue('conflicting_facts', `motion.evidence.${i}.document`, 'error', {
          label: labelOf(`motion.evidence.${i}.document`),
          path: `motion.evidence.${i}.document`,
          otherLabel: labelOf(`motion.evidence.${i}.file`),
          otherPath: `motion.evidence.${i}.file`,
          detail: 'a tab holds either a file or a document Reopen writes, not both; remove one of them.',
        }),
      );
    }
    const first = seen.get(document);
    if (first !== undefined) {
      issues.push(
        makeIssue('conflicting_facts', `motion.evidence.${i}.document`, 'error', {
          label: labelOf(`motion.evidence.${i}.document`),
          path: `motion.evidence.${i}.document`,
          otherLabel: labelOf(`motion.evidence.${first}.document`),
          otherPath: `motion.evidence.${first}.document`,
          detail: `"${document}" is filed at one tab only; remove one of the two items.`,
        }),
      );
    } else seen.set(document, i);
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

/** Words people type where an identifier is not known yet. */
const PLACEHOLDER_WORDS = /^(?:n\/?a|none|null|tbd|tba|tbc|pending|unknown|unk|same|x+|0+|9+|\?+|-+|_+|\.+)$/i;
/** A-numbers that are examples or fillers, never a person's: one digit repeated, counting runs. */
const PLACEHOLDER_A_NUMBERS = new Set(['123456789', '012345678', '987654321', ...Array.from({ length: 10 }, (_, d) => String(d).repeat(9))]);
/** "First name unknown" and its kin: how forms fill a name no one knows, never a real name. */
const PLACEHOLDER_NAMES = /^(?:fnu|lnu|nfn|nmn|nln|unknown|n\/?a|none|x+)$/i;

/**
 * Placeholders where a real identifier must be: an A-number such as 000-000-000 or 123-456-789,
 * an EOIR ID or bar number "N/A" or "TBD", a name "FNU". A filing with one of them would be
 * refused by a clerk or misfiled, so each is an error naming the field.
 */
function placeholderChecks(input: Json): Issue[] {
  const issues: Issue[] = [];
  const flag = (path: string, value: unknown, what: string, test: (v: string) => boolean) => {
    if (typeof value === 'string' && test(value.trim())) issues.push(makeIssue('placeholder_value', path, 'error', { label: labelOf(path), found: value, what }));
  };
  const aNumberPlaceholder = (v: string) => {
    const digits = v.replace(/\D/g, '');
    return digits.length >= 7 && digits.length <= 9 && PLACEHOLDER_A_NUMBERS.has(digits.padStart(9, '0'));
  };
  const respondent = obj(input['respondent']);
  const checkName = (name: unknown, path: string) => {
    for (const part of ['given', 'middle', 'family']) {
      flag(`${path}.${part}`, obj(name)?.[part], 'a name (for a person with one name, give it as the family name and leave the given name out)', (v) => PLACEHOLDER_NAMES.test(v));
    }
  };
  flag('respondent.aNumber', respondent?.['aNumber'], "the respondent's A-number", aNumberPlaceholder);
  if (typeof respondent?.['aNumber'] === 'number') flag('respondent.aNumber', String(respondent['aNumber']), "the respondent's A-number", aNumberPlaceholder);
  checkName(respondent?.['name'], 'respondent.name');
  arr(respondent?.['familyMembers']).forEach((m, i) => {
    flag(`respondent.familyMembers.${i}.aNumber`, obj(m)?.['aNumber'], "a family member's A-number", aNumberPlaceholder);
    checkName(obj(m)?.['name'], `respondent.familyMembers.${i}.name`);
  });
  const counsel = obj(input['counsel']);
  flag('counsel.eoirId', counsel?.['eoirId'], 'an EOIR ID (leave it out until eRegistry issues one)', (v) => PLACEHOLDER_WORDS.test(v));
  flag('counsel.phone', counsel?.['phone'], 'a telephone number', (v) => PLACEHOLDER_WORDS.test(v) || /^(\d)\1+$/.test(v.replace(/\D/g, '')));
  arr(counsel?.['bar']).forEach((b, i) => flag(`counsel.bar.${i}.number`, obj(b)?.['number'], 'a bar number', (v) => PLACEHOLDER_WORDS.test(v)));
  flag('motion.fee.receipt', obj(obj(input['motion'])?.['fee'])?.['receipt'], 'a receipt number (leave it out: it prints as a blank to fill in)', (v) => PLACEHOLDER_WORDS.test(v));
  arr(obj(input['records'])?.['requests']).forEach((r, i) =>
    flag(`records.requests.${i}.trackingNumber`, obj(r)?.['trackingNumber'], 'a tracking number', (v) => PLACEHOLDER_WORDS.test(v)),
  );
  flag('proceedings.court.code', obj(obj(input['proceedings'])?.['court'])?.['code'], "the court's code", (v) => /^(x{3}|n\/a|tbd)$/i.test(v));
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
