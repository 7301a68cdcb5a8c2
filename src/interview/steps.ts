/**
 * The guided interview, as data: its steps in order, each one question group (one page), with
 * fields bound to paths of the case format and conditions saying when a step or field applies.
 * Labels and help text come from case/labels.ts, the one place they are written; a field here
 * adds only how it is asked (its kind, options, a question worded for the page).
 *
 * The filings the user chooses (goals) are read from the case itself: a motion object means a
 * motion to reopen, `stay.immigrationCourt`/`bia`/`ice` the stay requests, `records.agencies` the
 * records requests. So a step that no chosen filing needs is never asked (logic.ts nextStep).
 *
 * No law lives here: whether a deadline has passed or a basis fits is for rules/, shown on the
 * "check your answers" page from `checkCase`.
 */
import { ENUMS } from '../case/schema.js';

export const GOALS = ['motion', 'stay-immigration-court', 'stay-bia', 'stay-ice', 'records'] as const;
export type Goal = (typeof GOALS)[number];

export const GOAL_LABELS: Readonly<Record<Goal, string>> = {
  motion: 'Motion to reopen',
  'stay-immigration-court': 'Motion to stay removal, to the immigration judge',
  'stay-bia': 'Motion to stay removal, to the Board of Immigration Appeals',
  'stay-ice': 'Application to ICE for a stay of removal (Form I-246)',
  records: 'Records requests (FOIA, record of proceedings, FBI)',
};

/** When a step or field applies. Plain data, so the interview can be read and tested as a table. */
export type Condition =
  | { goal: Goal }
  | { anyGoal: readonly Goal[] }
  | { path: string; equals: string | boolean | number }
  | { path: string; in: readonly (string | boolean | number)[] }
  | { path: string; present: boolean }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export type FieldKind =
  | 'text'
  | 'date'
  | 'partial-date'
  | 'time'
  | 'a-number'
  | 'country'
  | 'state'
  | 'email'
  | 'number'
  | 'yes-no'
  | 'choice'
  | 'checkboxes'
  | 'paragraphs'
  | 'lines'
  | 'prose'
  /** The exhibits list: a table of the items with a form to add one (a PDF upload) and remove buttons. */
  | 'exhibits';

export interface Option {
  value: string;
  label: string;
}

export interface Field {
  /** The case-format path the answer is stored at (dot path, no list indices). */
  path: string;
  kind: FieldKind;
  /** The question as the page asks it; default: the label of case/labels.ts, capitalized. */
  question?: string;
  /** More help than labels.ts gives, for this page. */
  hint?: string;
  options?: readonly Option[];
  /** Must be answered before the step is complete (when it applies). */
  required?: boolean;
  showIf?: Condition;
}

export interface Step {
  id: string;
  title: string;
  /** What the page is for, in a sentence or two, for an intern on the phone with a detained client. */
  intro?: string;
  /** The step applies when any of these goals is chosen; 'always' for every draft. */
  goals: readonly Goal[] | 'always';
  showIf?: Condition;
  fields: readonly Field[];
}

const options = (values: readonly string[], labels: Readonly<Record<string, string>>): Option[] => values.map((v) => ({ value: v, label: labels[v] ?? v }));

const CUSTODY = { detained: 'Detained by ICE', supervision: 'Released on an order of supervision', bond: 'Released on bond', alternatives: 'Released on alternatives to detention', 'at-large': 'Not in custody', removed: 'Already removed' };
const PROCEEDING = { removal: 'Removal (after April 1, 1997)', deportation: 'Deportation', exclusion: 'Exclusion' };
const APPEAL = { waived: 'Appeal waived', reserved: 'Appeal reserved, none filed', filed: 'Appeal filed with the Board' };
const OUTCOME = { dismissed: 'Dismissed', sustained: 'Sustained', remanded: 'Remanded', rejected: 'Rejected' };
const BASIS = {
  'changed-country-conditions': 'Changed country conditions (asylum, withholding, CAT)',
  'new-evidence': 'New, material evidence not available before',
  'in-absentia-exceptional': 'Ordered removed in absentia: exceptional circumstances',
  'in-absentia-no-notice': 'Ordered removed in absentia: no notice of the hearing',
  'in-absentia-in-custody': 'Ordered removed in absentia: in custody at the time',
  joint: 'Joint motion with DHS',
  'ineffective-assistance': 'Ineffective assistance of prior counsel',
  'change-in-law': 'A change in the law',
  'sua-sponte': 'Sua sponte (the court’s own power)',
  'court-order': 'A federal court order set the filing period (such as Hamama v. Adducci)',
};
const RELIEF = { asylum: 'Asylum', withholding: 'Withholding of removal', cat: 'Protection under the Convention Against Torture', adjustment: 'Adjustment of status', cancellation: 'Cancellation of removal', other: 'Other relief' };
const GROUND = { race: 'Race', religion: 'Religion', nationality: 'Nationality', 'political-opinion': 'Political opinion', 'particular-social-group': 'Particular social group' };
const AGENCY = { uscis: 'USCIS (A-file)', ice: 'ICE', cbp: 'CBP', obim: 'OBIM (fingerprint records)', eoir: 'EOIR (record of proceedings)', state: 'Department of State', fbi: 'FBI (identity history)' };
const COUNSEL = { attorney: 'Attorney', 'accredited-representative': 'Accredited representative', 'law-student': 'Law student' };
const SERVICE = { ecas: 'Through ECAS', mail: 'By mail', hand: 'By hand delivery', email: 'By email (where DHS agrees)' };
const FEE_MODE = { paid: 'Paid (or to be paid) with the motion', 'waiver-requested': 'A fee waiver is requested (Form EOIR-26A)', exempt: 'No fee is owed (an exemption applies)' };
const MOTION_KIND = { reopen: 'Motion to reopen', reconsider: 'Motion to reconsider' };
const FORUM = { 'immigration-court': 'The immigration court', bia: 'The Board of Immigration Appeals' };
const MOTION_OUTCOME = { granted: 'Granted', denied: 'Denied', pending: 'Still pending' };
const NOTICE = { personal: 'In person', 'certified-mail': 'Certified mail', 'regular-mail': 'Regular mail', none: 'Never sent' };

const motionIn = (bases: readonly string[]): Condition => ({ path: 'motion.basis', in: bases });
const IN_ABSENTIA_BASES = ['in-absentia-exceptional', 'in-absentia-no-notice', 'in-absentia-in-custody'] as const;
const STAYS: readonly Goal[] = ['stay-immigration-court', 'stay-bia', 'stay-ice'];
const COURT_FILINGS: readonly Goal[] = ['motion', 'stay-immigration-court', 'stay-bia'];

export const STEPS: readonly Step[] = [
  {
    id: 'filings',
    title: 'What are you preparing?',
    intro: 'Choose every filing this client needs now. The interview then asks only what those filings need; you can come back and add one later.',
    goals: 'always',
    fields: [{ path: 'goals', kind: 'checkboxes', question: 'Filings to prepare', options: GOALS.map((g) => ({ value: g, label: GOAL_LABELS[g] })), required: true }],
  },
  {
    id: 'respondent',
    title: 'The client',
    intro: 'Write the name and A-number exactly as they appear on the removal order.',
    goals: 'always',
    fields: [
      { path: 'respondent.name.given', kind: 'text', question: 'Given name' },
      { path: 'respondent.name.middle', kind: 'text', question: 'Middle name' },
      { path: 'respondent.name.family', kind: 'text', question: 'Family name (surname)', required: true },
      { path: 'respondent.aNumber', kind: 'a-number', required: true },
      { path: 'respondent.dateOfBirth', kind: 'partial-date', required: true },
      { path: 'respondent.nationality', kind: 'country', required: true },
      { path: 'respondent.placeOfBirth.city', kind: 'text', showIf: { goal: 'records' } },
      { path: 'respondent.placeOfBirth.country', kind: 'country', showIf: { goal: 'records' }, required: true },
      { path: 'respondent.arrivalDate', kind: 'date', showIf: { goal: 'motion' } },
      { path: 'respondent.sex', kind: 'choice', options: options(ENUMS.sex, { female: 'Female', male: 'Male', x: 'Another or not given' }) },
    ],
  },
  {
    id: 'language',
    title: 'Language and interpreter',
    intro: 'The declaration and every letter the client signs are read to the client in this language.',
    goals: ['motion', 'stay-ice', 'records'],
    fields: [
      { path: 'respondent.languages.0.name', kind: 'text', question: 'The language the client understands best' },
      { path: 'respondent.languages.0.interpreterNeeded', kind: 'yes-no', question: 'Does the client need an interpreter to read English?' },
    ],
  },
  {
    id: 'custody',
    title: 'Custody',
    goals: 'always',
    fields: [
      { path: 'custody.status', kind: 'choice', options: options(ENUMS.custodyStatus, CUSTODY), required: true },
      { path: 'custody.facility.name', kind: 'text', question: 'The detention facility', showIf: { path: 'custody.status', equals: 'detained' }, required: true },
      { path: 'custody.facility.address.street', kind: 'text', question: 'The facility’s address: street', showIf: { path: 'custody.status', equals: 'detained' }, required: true },
      { path: 'custody.facility.address.city', kind: 'text', question: 'City', showIf: { path: 'custody.status', equals: 'detained' }, required: true },
      { path: 'custody.facility.address.state', kind: 'state', question: 'State', showIf: { path: 'custody.status', equals: 'detained' }, required: true },
      { path: 'custody.facility.address.zip', kind: 'text', question: 'ZIP code', showIf: { path: 'custody.status', equals: 'detained' }, required: true },
      { path: 'custody.facility.eroFieldOffice', kind: 'text', question: 'The ICE field office responsible', showIf: { path: 'custody.status', equals: 'detained' } },
      { path: 'respondent.mailingAddress.street', kind: 'text', question: 'The client’s mailing address: street', showIf: { not: { path: 'custody.status', in: ['detained', 'removed'] } } },
      { path: 'respondent.mailingAddress.city', kind: 'text', question: 'City', showIf: { not: { path: 'custody.status', in: ['detained', 'removed'] } } },
      { path: 'respondent.mailingAddress.state', kind: 'state', question: 'State', showIf: { not: { path: 'custody.status', in: ['detained', 'removed'] } } },
      { path: 'respondent.mailingAddress.zip', kind: 'text', question: 'ZIP code', showIf: { not: { path: 'custody.status', in: ['detained', 'removed'] } } },
    ],
  },
  {
    id: 'removal-date',
    title: 'Scheduled removal',
    intro: 'If ICE has told the client or you a date for removal, the stay requests must be filed before it.',
    goals: STAYS,
    showIf: { path: 'custody.status', equals: 'detained' },
    fields: [
      { path: 'custody.scheduledRemoval.date', kind: 'date', question: 'The date removal is scheduled for, if any' },
      { path: 'custody.scheduledRemoval.time', kind: 'time', question: 'The time, if known', showIf: { path: 'custody.scheduledRemoval.date', present: true } },
      { path: 'custody.scheduledRemoval.confirmedByDhs', kind: 'yes-no', question: 'Has DHS confirmed this date and time?', showIf: { path: 'custody.scheduledRemoval.date', present: true }, required: true },
    ],
  },
  {
    id: 'order',
    title: 'The removal order',
    intro: 'From the immigration judge’s order. The court is the one that entered it.',
    // Every filing names the order (records requests identify the proceedings by it).
    goals: 'always',
    fields: [
      { path: 'proceedings.type', kind: 'choice', options: options(ENUMS.proceedingType, PROCEEDING), required: true },
      { path: 'proceedings.court.name', kind: 'text', question: 'The immigration court that entered the order', hint: 'Such as Detroit Immigration Court.', required: true },
      { path: 'proceedings.order.date', kind: 'date', required: true },
      { path: 'proceedings.order.inAbsentia', kind: 'yes-no', question: 'Was the client ordered removed in absentia (not at the hearing)?', required: true },
      { path: 'proceedings.order.appeal', kind: 'choice', options: options(ENUMS.appeal, APPEAL), showIf: { path: 'proceedings.order.inAbsentia', equals: false }, required: true },
    ],
  },
  {
    id: 'appeal',
    title: 'The Board’s decision',
    goals: COURT_FILINGS,
    showIf: { path: 'proceedings.order.appeal', equals: 'filed' },
    fields: [
      { path: 'proceedings.appealDecision.date', kind: 'date', required: true },
      { path: 'proceedings.appealDecision.outcome', kind: 'choice', options: options(ENUMS.appealOutcome, OUTCOME), required: true },
    ],
  },
  {
    id: 'history',
    title: 'Earlier motions, court cases and criminal record',
    intro:
      'Earlier motions to reopen or reconsider count against the one-motion limit, and a conviction may bar relief: the attorney needs both. Leave a slot empty when there is nothing to write; ask the attorney where there are more.',
    goals: [...COURT_FILINGS, 'stay-ice'],
    fields: [
      ...[0, 1].flatMap((i): Field[] => {
        const filled: Condition = i === 0 ? { all: [] } : { path: `proceedings.priorMotions.${i - 1}.filed`, present: true };
        return [
          { path: `proceedings.priorMotions.${i}.kind`, kind: 'choice', question: i === 0 ? 'An earlier motion, if any: reopen or reconsider?' : 'Another earlier motion: reopen or reconsider?', options: options(ENUMS.motionKind, MOTION_KIND), showIf: filled },
          { path: `proceedings.priorMotions.${i}.forum`, kind: 'choice', question: 'Where it was filed', options: options(ENUMS.forum, FORUM), showIf: { path: `proceedings.priorMotions.${i}.kind`, present: true } },
          { path: `proceedings.priorMotions.${i}.filed`, kind: 'date', question: 'When it was filed', showIf: { path: `proceedings.priorMotions.${i}.kind`, present: true } },
          { path: `proceedings.priorMotions.${i}.outcome`, kind: 'choice', question: 'What became of it', options: options(ENUMS.motionOutcome, MOTION_OUTCOME), showIf: { path: `proceedings.priorMotions.${i}.kind`, present: true } },
        ];
      }),
      ...[0, 1, 2].flatMap((i): Field[] => {
        const shown: Condition = i === 0 ? { all: [] } : { path: `criminalHistory.${i - 1}.offense`, present: true };
        return [
          { path: `criminalHistory.${i}.offense`, kind: 'text', question: i === 0 ? 'A criminal conviction, if any: the offense' : 'Another conviction: the offense', showIf: shown },
          { path: `criminalHistory.${i}.jurisdiction`, kind: 'text', question: 'The court and state (or country)', showIf: { path: `criminalHistory.${i}.offense`, present: true } },
          { path: `criminalHistory.${i}.convictionDate`, kind: 'date', question: 'The date of conviction', showIf: { path: `criminalHistory.${i}.offense`, present: true } },
          { path: `criminalHistory.${i}.sentence`, kind: 'text', question: 'The sentence', showIf: { path: `criminalHistory.${i}.offense`, present: true } },
        ];
      }),
      { path: 'motion.barsResponse', kind: 'prose', showIf: { all: [{ goal: 'motion' }, { path: 'criminalHistory.0.offense', present: true }] } },
      { path: 'proceedings.judicialProceedings.0.court', kind: 'text', question: 'A federal court case about the order, if any: the court', hint: 'Such as the U.S. District Court for the Eastern District of Michigan (Hamama v. Adducci, a class habeas case). The motion says no court case exists only when this is empty.' },
      { path: 'proceedings.judicialProceedings.0.caseNumber', kind: 'text', question: 'Its case number', showIf: { path: 'proceedings.judicialProceedings.0.court', present: true } },
      { path: 'proceedings.judicialProceedings.0.nature', kind: 'text', question: 'What it is', hint: 'Such as: class habeas petition challenging removal to Iraq.', showIf: { path: 'proceedings.judicialProceedings.0.court', present: true } },
      { path: 'proceedings.judicialProceedings.0.status', kind: 'text', question: 'Where it stands', hint: 'Such as: preliminary injunction in force.', showIf: { path: 'proceedings.judicialProceedings.0.court', present: true } },
      { path: 'proceedings.pendingCriminalProceedings.0.court', kind: 'text', question: 'A criminal case still pending, if any: the court', hint: 'The motion says none is pending only when this is empty.' },
      { path: 'proceedings.pendingCriminalProceedings.0.caseNumber', kind: 'text', question: 'Its case number', showIf: { path: 'proceedings.pendingCriminalProceedings.0.court', present: true } },
      { path: 'proceedings.pendingCriminalProceedings.0.status', kind: 'text', question: 'Where it stands', showIf: { path: 'proceedings.pendingCriminalProceedings.0.court', present: true } },
    ],
  },
  {
    id: 'basis',
    title: 'Why the case should be reopened',
    intro: 'Choose the ground the motion rests on. Reopen works out the forum, deadline and fee from it, with citations, on the “check your answers” page.',
    goals: ['motion'],
    fields: [
      { path: 'motion.basis', kind: 'choice', options: options(ENUMS.basis, BASIS), required: true },
      { path: 'motion.reliefSought', kind: 'checkboxes', options: options(ENUMS.relief, RELIEF), showIf: { not: motionIn(IN_ABSENTIA_BASES) } },
      { path: 'motion.protectedGrounds', kind: 'checkboxes', options: options(ENUMS.protectedGround, GROUND), showIf: motionIn(['changed-country-conditions', 'court-order']) },
      {
        path: 'motion.fee.mode',
        kind: 'choice',
        question: 'The filing fee',
        hint: 'Whether a fee is owed depends on the basis and the filing date: the check page says, with its source. Answer when it shows a fee owed.',
        options: options(ENUMS.feeMode, FEE_MODE),
      },
      { path: 'motion.fee.receipt', kind: 'text', question: 'The fee receipt number, if paid already', showIf: { path: 'motion.fee.mode', equals: 'paid' } },
      { path: 'motion.fee.exemption', kind: 'text', question: 'The exemption relied on', showIf: { path: 'motion.fee.mode', equals: 'exempt' } },
    ],
  },
  {
    id: 'in-absentia',
    title: 'The missed hearing',
    goals: ['motion'],
    showIf: motionIn(IN_ABSENTIA_BASES),
    fields: [
      { path: 'proceedings.inAbsentiaFacts.noticeReceived', kind: 'yes-no', question: 'Did the client receive notice of the hearing?', required: true },
      { path: 'proceedings.inAbsentiaFacts.noticeMethod', kind: 'choice', options: options(ENUMS.noticeMethod, NOTICE) },
      { path: 'proceedings.inAbsentiaFacts.inCustodyAtHearing', kind: 'yes-no', question: 'Was the client in custody on the day of the hearing?', required: true },
      { path: 'proceedings.inAbsentiaFacts.reason', kind: 'prose', question: 'Why the client was not at the hearing', showIf: motionIn(['in-absentia-exceptional']) },
    ],
  },
  {
    id: 'court-order',
    title: 'A filing period set by a federal court',
    intro:
      'In Hamama v. Adducci, the federal court gave each class member 90 days from the day the government produced the A-file and record of proceedings. If a court order like that sets this client’s filing period, give it here; Reopen then works the deadline out from it, with its citation. Otherwise leave this page empty.',
    goals: ['motion'],
    fields: [
      { path: 'motion.courtOrderClock.caption', kind: 'text', question: 'The case that set the filing period, if any', hint: 'Such as Hamama v. Adducci.' },
      { path: 'motion.courtOrderClock.citation', kind: 'text', question: 'Its citation', hint: 'Such as 261 F. Supp. 3d 820 (E.D. Mich. 2017).', showIf: { path: 'motion.courtOrderClock.caption', present: true }, required: true },
      { path: 'motion.courtOrderClock.trigger', kind: 'text', question: 'What starts the period', hint: 'Such as: the government’s production of the A-file and record of proceedings.', showIf: { path: 'motion.courtOrderClock.caption', present: true }, required: true },
      { path: 'motion.courtOrderClock.triggerDate', kind: 'date', question: 'The date it started', showIf: { path: 'motion.courtOrderClock.caption', present: true }, required: true },
      { path: 'motion.courtOrderClock.days', kind: 'number', question: 'How many days the order gives', hint: 'Hamama v. Adducci gives 90.', showIf: { path: 'motion.courtOrderClock.caption', present: true }, required: true },
    ],
  },
  {
    id: 'new-facts',
    title: 'What is new since the order',
    intro: 'The facts that arose or came to light after the removal order, each with why it could not have been presented at the earlier hearing.',
    goals: ['motion'],
    showIf: motionIn(['changed-country-conditions', 'new-evidence', 'court-order']),
    fields: [
      { path: 'motion.newFacts.0.statement', kind: 'prose', question: 'The first new fact', required: true },
      { path: 'motion.newFacts.0.arose', kind: 'date', question: 'When it arose' },
      { path: 'motion.newFacts.0.whyNotEarlier', kind: 'prose', question: 'Why it could not be presented earlier', required: true },
      { path: 'motion.newFacts.1.statement', kind: 'prose', question: 'A second new fact, if any' },
      { path: 'motion.newFacts.1.arose', kind: 'date', question: 'When it arose', showIf: { path: 'motion.newFacts.1.statement', present: true } },
      { path: 'motion.newFacts.1.whyNotEarlier', kind: 'prose', question: 'Why it could not be presented earlier', showIf: { path: 'motion.newFacts.1.statement', present: true } },
    ],
  },
  {
    id: 'declaration',
    title: 'The client’s own account',
    intro:
      'Write what the client tells you, in the first person (“I”), one paragraph at a time, in the client’s own words. A judge needs to read: what happened to the client; what the client fears now and why; why these facts could not be raised at the earlier hearing; and, after an in absentia order, how the client learned of it. Do not write about country conditions in general: the exhibits prove those. Reopen writes the opening (the client’s name and A-number) and the closing oath itself, so start with the client’s story.',
    goals: ['motion'],
    fields: [{ path: 'declaration.account', kind: 'paragraphs', question: 'The client’s account, paragraph by paragraph', required: true }],
  },
  {
    id: 'exhibits',
    title: 'Exhibits',
    intro:
      'The documents filed with the motion, in the order of their tabs: the application (such as Form I-589), the client’s declaration, then evidence of country conditions, newest first. Upload each as a PDF; one not in hand yet can be listed with its page count and inserted later.',
    goals: ['motion'],
    fields: [{ path: 'motion.evidence', kind: 'exhibits', question: 'Exhibits' }],
  },
  {
    id: 'stay',
    title: 'The stay request',
    intro: 'Why removal should be stopped while the motion is decided.',
    goals: STAYS,
    fields: [
      { path: 'stay.reasons', kind: 'prose', question: 'The harm the client would suffer if removed before the motion is decided', hint: 'In the client’s circumstances: what awaits them on return, their health, their family here. The motion argues the likelihood of success itself.', required: true },
      { path: 'stay.identityDocument', kind: 'text', question: 'The identity document enclosed for ICE (such as an Iraqi passport, number …)', showIf: { goal: 'stay-ice' } },
    ],
  },
  {
    id: 'records',
    title: 'Records requests',
    intro: 'Which offices to ask for the client’s records. The A-file (USCIS) and the record of proceedings (EOIR) are the usual first requests.',
    goals: ['records'],
    fields: [
      { path: 'records.agencies', kind: 'checkboxes', options: options(ENUMS.agency, AGENCY), required: true },
      { path: 'records.maxFee', kind: 'number', question: 'The most the client will pay in fees, in dollars', hint: 'Agencies charge nothing for the first 100 pages and two hours of search; 25 is usual.', required: true },
      { path: 'records.expedite', kind: 'yes-no', question: 'Ask for expedited processing?' },
      { path: 'records.purpose', kind: 'prose', question: 'What the records are needed for' },
    ],
  },
  {
    id: 'counsel',
    title: 'The attorney or representative',
    intro: 'Who signs the filings. The EOIR ID is required for anything filed with the court.',
    goals: 'always',
    fields: [
      { path: 'counsel.name', kind: 'text', required: true },
      { path: 'counsel.type', kind: 'choice', options: options(ENUMS.counselType, COUNSEL), required: true },
      { path: 'counsel.organization', kind: 'text' },
      { path: 'counsel.address.street', kind: 'text', question: 'Office address: street', required: true },
      { path: 'counsel.address.city', kind: 'text', question: 'City', required: true },
      { path: 'counsel.address.state', kind: 'state', question: 'State', required: true },
      { path: 'counsel.address.zip', kind: 'text', question: 'ZIP code', required: true },
      { path: 'counsel.phone', kind: 'text', required: true },
      { path: 'counsel.email', kind: 'email', required: true },
      { path: 'counsel.eoirId', kind: 'text', showIf: { anyGoal: COURT_FILINGS } },
      { path: 'counsel.ofRecord', kind: 'yes-no', question: 'Is this attorney already of record with the court (Form EOIR-28 filed)?', hint: 'Counsel of record asks the court for the record of proceedings directly, without a FOIA request.' },
    ],
  },
  {
    id: 'service',
    title: 'Serving DHS',
    intro: 'How the copy for DHS’s Office of the Principal Legal Advisor will be served.',
    goals: COURT_FILINGS,
    fields: [
      { path: 'service.method', kind: 'choice', options: options(ENUMS.serviceMethod, SERVICE), required: true },
      { path: 'service.dhsOffice', kind: 'text', question: 'The DHS office served (such as OPLA Detroit)' },
      { path: 'service.address.street', kind: 'text', question: 'The DHS office’s address: street', showIf: { path: 'service.method', in: ['mail', 'hand'] }, required: true },
      { path: 'service.address.city', kind: 'text', question: 'City', showIf: { path: 'service.method', in: ['mail', 'hand'] }, required: true },
      { path: 'service.address.state', kind: 'state', question: 'State', showIf: { path: 'service.method', in: ['mail', 'hand'] }, required: true },
      { path: 'service.address.zip', kind: 'text', question: 'ZIP code', showIf: { path: 'service.method', in: ['mail', 'hand'] }, required: true },
    ],
  },
];
