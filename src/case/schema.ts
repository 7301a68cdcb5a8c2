/**
 * `reopen.case/1` as a zod schema: the executable form of shared/spec/case-format.md.
 *
 * Every object is strict (an unknown field is an error, so a typo is never ignored). Field-level
 * checks are here; checks that relate two fields (an address required unless detained, a clock
 * required for a court-order basis) are in cross-checks.ts so that they run even when some other
 * field is malformed: every problem is reported in one run. Labels and help text for every field
 * are in labels.ts, keyed by the same paths.
 */
import { z } from 'zod';
import { normalizeANumber } from './a-number.js';
import { hasDateShape, hasPartialDateShape, isCivilDate, isPartialDate } from './civil-date.js';
import { COUNTRY_CODES, US_STATES } from './codes.js';
import { describeDirectionControls, DIRECTION_CONTROL } from './direction.js';

/** Characters that never belong in a filing: C0 and C1 controls (tab and newlines excepted in prose), noncharacters, lone surrogates. */
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const FORBIDDEN_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

export const LIMITS = { line: 2_000, prose: 20_000, namePart: 300 } as const;

/**
 * Text schemas whose direction controls are removed before validation (parse.ts), with a warning;
 * identity text (names, aliases, addresses, identifiers) is not in the set and refuses them
 * (direction.ts states the rule).
 */
export const STRIPS_DIRECTION_CONTROLS = new WeakSet<z.ZodType>();

/** A direction control in an identifier, a date or an address: an error naming the field. */
function refuseDirectionControls(value: string, ctx: z.core.$RefinementCtx<string>): boolean {
  if (!DIRECTION_CONTROL.test(value)) return false;
  ctx.addIssue({ code: 'custom', params: { reopen: 'direction_control', controls: describeDirectionControls(value) }, input: value });
  return true;
}

function textOf(max: number, forbidden: RegExp, identity: boolean) {
  const schema = z.string().superRefine((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({ code: 'custom', params: { reopen: 'empty_text' }, input: value });
      return;
    }
    if (identity && refuseDirectionControls(value, ctx)) return;
    const bad = forbidden.exec(value);
    if (bad) {
      const cp = bad[0].codePointAt(0) ?? 0;
      ctx.addIssue({
        code: 'custom',
        params: { reopen: 'control_character', codepoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` },
        input: value,
      });
    }
    if (value.length > max) {
      ctx.addIssue({ code: 'custom', params: { reopen: 'text_too_long', length: value.length, max }, input: value });
    }
  });
  if (!identity) STRIPS_DIRECTION_CONTROLS.add(schema);
  return schema;
}

/** A single line of text: a title, a publisher, an offense. */
export const line = () => textOf(LIMITS.line, FORBIDDEN_IN_LINE, false);
/** Paragraphs the filer writes: newlines and tabs allowed. */
export const prose = () => textOf(LIMITS.prose, FORBIDDEN_IN_PROSE, false);
/** A name, an alias, an address line or an identifier: direction controls refused. */
export const identityLine = () => textOf(LIMITS.line, FORBIDDEN_IN_LINE, true);
const namePart = () => textOf(LIMITS.namePart, FORBIDDEN_IN_LINE, true);

export const civilDateField = () =>
  z.string().superRefine((value, ctx) => {
    if (refuseDirectionControls(value, ctx)) return;
    if (!hasDateShape(value)) ctx.addIssue({ code: 'custom', params: { reopen: 'date_format' }, input: value });
    else if (!isCivilDate(value)) ctx.addIssue({ code: 'custom', params: { reopen: 'date_not_real' }, input: value });
  });

/**
 * A date that may be known only by year or year and month (`1984`, `1984-07`), as a birth date
 * often is: accepted as written and never turned into an exact day.
 */
export const partialDateField = () =>
  z.string().superRefine((value, ctx) => {
    if (refuseDirectionControls(value, ctx)) return;
    if (!hasPartialDateShape(value)) ctx.addIssue({ code: 'custom', params: { reopen: 'partial_date_format' }, input: value });
    else if (!isPartialDate(value)) ctx.addIssue({ code: 'custom', params: { reopen: 'date_not_real' }, input: value });
  });

export const aNumber = () =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    if (typeof value === 'string' && DIRECTION_CONTROL.test(value)) {
      ctx.addIssue({ code: 'custom', params: { reopen: 'direction_control', controls: describeDirectionControls(value) }, input: value });
      return z.NEVER;
    }
    const result = normalizeANumber(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', params: { reopen: result.problem.code, ...result.problem }, input: value });
    return z.NEVER;
  });

export const country = () =>
  z.string().superRefine((value, ctx) => {
    if (refuseDirectionControls(value, ctx)) return;
    if (!COUNTRY_CODES.has(value)) ctx.addIssue({ code: 'custom', params: { reopen: 'country_code' }, input: value });
  });

const email = () =>
  z.string().superRefine((value, ctx) => {
    if (refuseDirectionControls(value, ctx)) return;
    if (!/^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[A-Za-z]{2,}$/.test(value)) {
      ctx.addIssue({ code: 'custom', params: { reopen: 'email_invalid' }, input: value });
    }
  });

const time = () =>
  z.string().superRefine((value, ctx) => {
    if (refuseDirectionControls(value, ctx)) return;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) ctx.addIssue({ code: 'custom', params: { reopen: 'time_format' }, input: value });
  });

const courtCode = () =>
  z.string().superRefine((value, ctx) => {
    if (refuseDirectionControls(value, ctx)) return;
    if (!/^[A-Za-z]{3}$/.test(value)) {
      ctx.addIssue({ code: 'custom', params: { reopen: 'wrong_format', rule: 'the three-letter code EOIR gives the court, such as DET' }, input: value });
    }
  });

const wholeNumber = (min: number, max: number, rule: string) =>
  z.number().superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', params: { reopen: 'number_range', rule }, input: value });
    }
  });

/**
 * An address. For a U.S. address (country absent or "US") the state must be a postal code and the
 * ZIP five digits or ZIP+4; a foreign address takes its region and postal code as written.
 */
export const address = () =>
  z
    .strictObject({
      street: identityLine(),
      street2: identityLine().optional(),
      city: identityLine(),
      state: identityLine(),
      zip: identityLine(),
      country: country().optional(),
    })
    .superRefine((a, ctx) => {
      if (a.country !== undefined && a.country !== 'US') return;
      if (!US_STATES.has(a.state)) ctx.addIssue({ code: 'custom', path: ['state'], params: { reopen: 'state_invalid' }, input: a.state });
      if (!/^\d{5}(-\d{4})?$/.test(a.zip)) ctx.addIssue({ code: 'custom', path: ['zip'], params: { reopen: 'zip_invalid' }, input: a.zip });
    });

/**
 * A person's name. A person with one name (a mononym) gives it as `family` alone, the convention
 * of USCIS forms; it then prints as that one name, never with "FNU" or an empty slot.
 */
export const personName = () => z.strictObject({ given: namePart().optional(), middle: namePart().optional(), family: namePart() });

export const ENUMS = {
  sex: ['female', 'male', 'x'],
  custodyStatus: ['detained', 'supervision', 'bond', 'alternatives', 'at-large', 'removed'],
  proceedingType: ['removal', 'deportation', 'exclusion'],
  appeal: ['waived', 'reserved', 'filed'],
  noticeMethod: ['personal', 'certified-mail', 'regular-mail', 'none'],
  protectedGround: ['race', 'religion', 'nationality', 'political-opinion', 'particular-social-group'],
  /** Generated documents an evidence item may name to be filed at its tab. */
  tabDocument: ['respondent-declaration'],
  appealOutcome: ['dismissed', 'sustained', 'remanded', 'rejected'],
  recordFormat: ['paper', 'electronic'],
  motionKind: ['reopen', 'reconsider'],
  forum: ['immigration-court', 'bia'],
  motionOutcome: ['granted', 'denied', 'pending'],
  basis: [
    'changed-country-conditions',
    'new-evidence',
    'in-absentia-exceptional',
    'in-absentia-no-notice',
    'in-absentia-in-custody',
    'joint',
    'ineffective-assistance',
    'change-in-law',
    'sua-sponte',
    'court-order',
  ],
  relief: ['asylum', 'withholding', 'cat', 'adjustment', 'cancellation', 'other'],
  evidenceKind: ['application', 'declaration', 'country-conditions', 'identity', 'court-record', 'other'],
  dhsPosition: ['not-asked', 'opposes', 'unopposed', 'joins'],
  feeMode: ['paid', 'waiver-requested', 'exempt'],
  agency: ['uscis', 'ice', 'cbp', 'obim', 'eoir', 'state', 'fbi'],
  counselType: ['attorney', 'accredited-representative', 'law-student'],
  serviceMethod: ['ecas', 'mail', 'hand', 'email'],
  filingMethod: ['ecas', 'paper'],
} as const;

const list = <T extends z.ZodType>(item: T) => z.array(item);

const facility = () => z.strictObject({ name: identityLine(), address: address(), eroFieldOffice: line().optional() });

const certifier = () =>
  z.strictObject({ name: identityLine(), address: address(), phone: identityLine(), languages: list(line()) });

export const caseSchema = z.strictObject({
  format: z.string(),
  ref: line().optional(),
  respondent: z.strictObject({
    name: personName(),
    nameOnOrder: identityLine().optional(),
    aliases: list(identityLine()).optional(),
    aliasesInCaption: z.boolean().optional(),
    arrivalDate: civilDateField().optional(),
    aNumber: aNumber(),
    dateOfBirth: partialDateField(),
    placeOfBirth: z.strictObject({ city: line().optional(), country: country() }).optional(),
    nationality: country(),
    removalCountry: country().optional(),
    sex: z.enum(ENUMS.sex).optional(),
    languages: list(z.strictObject({ name: line(), interpreterNeeded: z.boolean().optional() })).optional(),
    mailingAddress: address().optional(),
    signingCountry: country().optional(),
    familyMembers: list(z.strictObject({ name: personName(), aNumber: aNumber() })).optional(),
  }),
  custody: z.strictObject({
    status: z.enum(ENUMS.custodyStatus),
    facility: facility().optional(),
    since: civilDateField().optional(),
    transfers: list(
      z.strictObject({
        facility: z.strictObject({ name: identityLine(), address: address() }),
        from: civilDateField(),
        to: civilDateField().optional(),
      }),
    ).optional(),
    scheduledRemoval: z
      .strictObject({ date: civilDateField(), time: time().optional(), confirmedByDhs: z.boolean() })
      .optional(),
  }),
  proceedings: z.strictObject({
    type: z.enum(ENUMS.proceedingType),
    court: z.strictObject({
      name: identityLine(),
      code: courtCode().optional(),
      address: address().optional(),
      timeZone: line().optional(),
    }),
    judge: line().optional(),
    nextHearing: civilDateField().optional(),
    // `appeal` is required unless the order was entered in absentia (cross-checks.ts): an absent
    // respondent waived and reserved nothing, and an in absentia order is final when entered.
    order: z.strictObject({ date: civilDateField(), inAbsentia: z.boolean(), appeal: z.enum(ENUMS.appeal).optional() }),
    appealDecision: z.strictObject({ date: civilDateField(), outcome: z.enum(ENUMS.appealOutcome) }).optional(),
    recordFormat: z.enum(ENUMS.recordFormat).optional(),
    priorHearingDate: civilDateField().optional(),
    inAbsentiaFacts: z
      .strictObject({
        noticeReceived: z.boolean(),
        inCustodyAtHearing: z.boolean(),
        reason: prose().optional(),
        noticeMethod: z.enum(ENUMS.noticeMethod).optional(),
      })
      .optional(),
    priorMotions: list(
      z.strictObject({
        kind: z.enum(ENUMS.motionKind),
        forum: z.enum(ENUMS.forum),
        filed: civilDateField(),
        decided: civilDateField().optional(),
        outcome: z.enum(ENUMS.motionOutcome).optional(),
        // Extension: what the earlier motion rested on (the in absentia one-motion rule counts only rescission motions).
        basis: z.enum(ENUMS.basis).optional(),
      }),
    ).optional(),
    judicialProceedings: list(
      z.strictObject({ court: line(), caseNumber: line(), nature: line(), status: line() }),
    ).optional(),
    pendingCriminalProceedings: list(z.strictObject({ court: line(), caseNumber: line(), status: line() })).optional(),
    frivolousFinding: z.boolean().optional(),
    departedSinceOrder: z.boolean().optional(),
  }),
  criminalHistory: list(
    z.strictObject({
      offense: line(),
      statute: line().optional(),
      jurisdiction: line(),
      convictionDate: civilDateField().optional(),
      sentence: line().optional(),
    }),
  ).optional(),
  motion: z
    .strictObject({
      basis: z.enum(ENUMS.basis),
      courtOrderClock: z
        .strictObject({
          caption: line(),
          citation: line(),
          trigger: line(),
          triggerDate: civilDateField(),
          days: wholeNumber(1, 3650, 'a whole number of days from 1 to 3650'),
        })
        .optional(),
      reliefSought: list(z.enum(ENUMS.relief)).optional(),
      protectedGrounds: list(z.enum(ENUMS.protectedGround)).optional(),
      marriageDate: civilDateField().optional(),
      priorCounsel: z
        .strictObject({
          name: identityLine(),
          barState: line().optional(),
          retainedDate: civilDateField().optional(),
          scope: prose().optional(),
          notifiedDate: civilDateField().optional(),
          response: prose().optional(),
          barComplaintDate: civilDateField().optional(),
          barComplaintReasonIfNot: prose().optional(),
          discoveryDate: civilDateField().optional(),
        })
        .optional(),
      barsResponse: prose().optional(),
      newFacts: list(
        z.strictObject({ statement: prose(), arose: civilDateField().optional(), whyNotEarlier: prose().optional() }),
      ).optional(),
      summary: prose().optional(),
      // Extension: why the motion may be filed after the deadline Reopen computes (equitable tolling, finality, an order).
      timelinessArgument: prose().optional(),
      evidence: list(
        z.strictObject({
          title: line(),
          publisher: line().optional(),
          date: civilDateField().optional(),
          pages: wholeNumber(1, 100_000, 'a whole number of pages, at least 1').optional(),
          kind: z.enum(ENUMS.evidenceKind),
          language: line().optional(),
          translated: z.boolean().optional(),
          file: line().optional(),
          document: z.enum(ENUMS.tabDocument).optional(),
        }),
      ).optional(),
      dhsPosition: z.enum(ENUMS.dhsPosition).optional(),
      fee: z
        .strictObject({ mode: z.enum(ENUMS.feeMode), receipt: line().optional(), exemption: line().optional() })
        .optional(),
    })
    .optional(),
  declaration: z.strictObject({ account: list(prose()) }).optional(),
  stay: z
    .strictObject({
      immigrationCourt: z.boolean().optional(),
      bia: z.boolean().optional(),
      ice: z.boolean().optional(),
      emergency: z.boolean().optional(),
      reasons: prose().optional(),
      // Extension: the identity document enclosed with the ICE stay application (Form I-246 requires one).
      identityDocument: line().optional(),
    })
    .optional(),
  records: z
    .strictObject({
      agencies: list(z.enum(ENUMS.agency)),
      expedite: z.boolean().optional(),
      maxFee: wholeNumber(0, 100_000, 'a whole number of dollars, 0 or more').optional(),
      purpose: prose().optional(),
      requests: list(
        z.strictObject({
          agency: z.enum(ENUMS.agency),
          submitted: civilDateField().optional(),
          received: civilDateField().optional(),
          trackingNumber: line().optional(),
          produced: civilDateField().optional(),
        }),
      ).optional(),
    })
    .optional(),
  translation: z.strictObject({ translator: certifier().optional(), interpreter: certifier().optional() }).optional(),
  counsel: z.strictObject({
    name: identityLine(),
    organization: line().optional(),
    address: address(),
    phone: identityLine(),
    email: email(),
    eoirId: identityLine().optional(),
    bar: list(z.strictObject({ jurisdiction: line(), number: identityLine() })).optional(),
    type: z.enum(ENUMS.counselType),
    ofRecord: z.boolean().optional(),
  }),
  service: z
    .strictObject({
      method: z.enum(ENUMS.serviceMethod),
      dhsOffice: line().optional(),
      address: address().optional(),
      date: civilDateField().optional(),
    })
    .optional(),
  filing: z.strictObject({ date: civilDateField().optional(), method: z.enum(ENUMS.filingMethod).optional() }).optional(),
});

/** A parsed, valid case: A-numbers are 9 digits. */
export type Case = z.output<typeof caseSchema>;
export type Address = NonNullable<Case['respondent']['mailingAddress']>;
export type PersonName = Case['respondent']['name'];
export type Basis = (typeof ENUMS.basis)[number];
export type Agency = (typeof ENUMS.agency)[number];
export type Forum = (typeof ENUMS.forum)[number];
export type Motion = NonNullable<Case['motion']>;
export type EvidenceItem = NonNullable<Motion['evidence']>[number];

export const CASE_FORMAT = 'reopen.case/1';
