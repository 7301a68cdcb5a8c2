/**
 * The view model of the motion to reopen: cover page and motion (domain reference 1.6, 3.2, 8).
 * Everything the template prints is decided here from the case and the rules; the template only
 * words it.
 */
import { compareDates, countryName, formatLong, RELIEF_LABELS, type Case } from '../case/index.js';
import type { Deadline } from '../rules/deadlines.js';
import { LOZADA, motionAuthorities, PRIMA_FACIE } from '../rules/authorities.js';
import { IN_ABSENTIA_EXCEPTIONAL_DAYS } from '../rules/deadlines.js';
import { usd, type FeeRuling } from '../rules/fees.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { isPending } from '../rules/stays.js';
import { APPLICATION_FORM, PROTECTION_RELIEF } from '../rules/forms.js';
import { FEE_WAIVER } from '../rules/data/fees.js';
import { addressLines, caption, courtHeading, filerBlock, filingCite, fullName, furniture, series } from './common.js';
import { orBlank, type BuildContext, type Text } from './context.js';
import { orderExhibits } from './exhibits.js';


function reliefView(c: Case) {
  const relief = c.motion?.reliefSought ?? [];
  const forms = [...new Set(relief.map((r) => APPLICATION_FORM[r]).filter((f): f is string => f !== undefined))];
  return {
    any: relief.length > 0,
    list: series(relief.map((r) => RELIEF_LABELS[r])),
    protection: relief.some((r) => PROTECTION_RELIEF.has(r)),
    persecution: relief.includes('asylum') || relief.includes('withholding'),
    torture: relief.includes('cat'),
    forms: series(forms),
    hasForms: forms.length > 0,
  };
}

/** The argument's sections are lettered in the order they appear, whichever are present. */
function sectionLetters(basis: string, relief: boolean) {
  const hasBasisSection = ['changed-country-conditions', 'new-evidence', 'change-in-law', 'court-order', 'ineffective-assistance'].includes(basis);
  let n = 0;
  const next = () => String.fromCharCode(65 + n++);
  const first = next();
  const basisLetter = hasBasisSection ? next() : null;
  return { first, basis: basisLetter, relief: relief ? next() : null };
}

const ORDER_WORDS: Record<Case['proceedings']['type'], { verb: string; noun: string }> = {
  removal: { verb: 'removed', noun: 'removal' },
  deportation: { verb: 'deported', noun: 'deportation' },
  exclusion: { verb: 'excluded and deported', noun: 'exclusion' },
};

function appealView(c: Case) {
  const { order, appealDecision } = c.proceedings;
  const outcome: Record<string, string> = {
    dismissed: 'dismissed the appeal',
    sustained: 'sustained the appeal',
    remanded: 'remanded the record to the Immigration Judge',
    rejected: 'rejected the appeal',
  };
  return {
    waived: order.appeal === 'waived',
    reserved: order.appeal === 'reserved',
    pending: order.appeal === 'filed' && !appealDecision,
    decided: appealDecision ? { date: formatLong(appealDecision.date), outcome: outcome[appealDecision.outcome]! } : null,
  };
}

function custodyView(c: Case) {
  const k = c.custody;
  if (k.status !== 'detained') return null;
  return {
    since: k.since ? formatLong(k.since) : null,
    facility: k.facility?.name ?? null,
    place: k.facility ? `${k.facility.address.city}, ${k.facility.address.state}` : null,
    transferred: (k.transfers ?? []).length > 1,
    removal: k.scheduledRemoval
      ? { date: formatLong(k.scheduledRemoval.date), time: k.scheduledRemoval.time ?? null }
      : null,
  };
}

function feeView(ctx: BuildContext, fee: FeeRuling) {
  const given = ctx.case.motion?.fee;
  const owedLines = fee.lines.filter((l) => l.exemptBecause === undefined);
  const exemptLines = fee.lines.filter((l) => l.exemptBecause !== undefined);
  // A fee is owed and the filer has not said how it is handled: the motion cannot say it either.
  const mode = fee.owed === 0 ? null : given?.mode === 'exempt' ? 'exempt' : ctx.need('motion.fee.mode', given?.mode);
  const worded = (lines: typeof owedLines) => series(lines.map((l) => `the ${l.label} of ${usd(l.amount)}`));
  // A waiver cannot cover a fee the law makes unwaivable (the asylum application fee): that one is paid.
  const waivable = owedLines.filter((l) => l.waivable !== false);
  const unwaivable = owedLines.filter((l) => l.waivable === false);
  return {
    exemptions: exemptLines.map((l) => ({ label: l.label, reason: l.exemptBecause!, citation: filingCite(l.citation) })),
    /** The filer relies on an exemption the rules did not find (check warns about it); the motion states it. */
    claimed: mode === 'exempt' ? ctx.need('motion.fee.exemption', given?.exemption) : null,
    paid: mode === 'paid' ? worded(owedLines) : null,
    waiver: mode === 'waiver-requested' && waivable.length > 0 ? worded(waivable) : null,
    mustPay: mode === 'waiver-requested' && unwaivable.length > 0 ? worded(unwaivable) : null,
    unknown: typeof mode === 'object' && mode !== null ? mode : null,
    receipt: orBlank(given?.receipt, 'fee receipt number'),
  };
}

/**
 * What the motion says about time. A motion that will be filed after the deadline (by its filing
 * date, or by the check date when none is set) never claims to be timely: it needs the filer's
 * reason, or it cannot be filed.
 */
function timelinessView(ctx: BuildContext, deadline: Deadline) {
  const c = ctx.case;
  const clock = c.motion?.courtOrderClock;
  const when = c.filing?.date ?? ctx.asOf;
  const late = deadline.due !== null && compareDates(when, deadline.due) > 0;
  return {
    late,
    argument: late ? ctx.need('motion.timelinessArgument', c.motion?.timelinessArgument) : null,
    courtOrder:
      clock && !late
        ? { caption: clock.caption, citation: clock.citation, trigger: clock.trigger, triggerDate: formatLong(clock.triggerDate), days: String(clock.days), due: formatLong(deadline.due!) }
        : null,
    due: deadline.due ? formatLong(deadline.due) : null,
    noLimit: deadline.due === null,
    pendingAppeal: appealView(c).pending,
    citation: filingCite(deadline.citation),
  };
}

/** The pages of the combined filing an exhibit occupies, as the index prints them. */
function pagesOf(ctx: BuildContext, index: number): string {
  const at = ctx.filing?.exhibitPages.get(index);
  if (!at) return 'see filing';
  return at.first === at.last ? String(at.first) : `${at.first}–${at.last}`;
}

const SERVICE_WORDS: Record<string, string> = {
  mail: 'by first-class mail, postage prepaid',
  hand: 'by hand delivery',
  email: 'by electronic mail',
};

/** The certificate of service (ICPM 3.2, Appendix F; BIA PM 3.2; V14). None for a joint motion. */
export function certificateView(ctx: BuildContext, documentName: string) {
  const c = ctx.case;
  if (c.motion?.basis === 'joint') return null;
  const method = ctx.need('service.method', c.service?.method);
  const s = c.service;
  const mailed = s?.method === 'mail' || s?.method === 'hand';
  return {
    documentName,
    ecas: s?.method === 'ecas',
    missing: typeof method === 'object' ? method : null,
    how: s && s.method !== 'ecas' ? (SERVICE_WORDS[s.method] ?? s.method) : null,
    office: s && s.method !== 'ecas' ? ctx.need('service.dhsOffice', s.dhsOffice) : null,
    address: mailed ? (() => {
      const a = ctx.need('service.address', s?.address);
      return 'street' in a ? addressLines(a) : [a];
    })() : null,
    date: s?.date ? formatLong(s.date) : orBlank(undefined, 'date of service'),
    signer: c.counsel.name,
  };
}

export function motionToReopenView(ctx: BuildContext) {
  const c = ctx.case;
  const ev = ctx.evaluation;
  const motion = c.motion!;
  const forum = ev.forum!.value;
  const basis = motion.basis;
  const auth = motionAuthorities(forum, basis, c.proceedings.type);
  const deadline = ev.deadlines.find((d) => d.id === 'motion-to-reopen')!;
  const inAbsentia = isInAbsentiaBasis(basis);
  const exhibits = orderExhibits(motion.evidence ?? []);
  const tabOf = (kind: string) => exhibits.find((e) => e.item.kind === kind)?.tab ?? null;
  const removalCountry = countryName(c.respondent.removalCountry ?? c.respondent.nationality);
  const clock = motion.courtOrderClock;
  const newFacts = motion.newFacts ?? [];

  return {
    furniture: furniture(c),
    detained: c.custody.status === 'detained',
    filer: filerBlock(ctx, c.counsel.type !== 'law-student'),
    heading: courtHeading(ctx, forum, ev.venue),
    caption: caption(c),
    title: inAbsentia ? 'MOTION TO REOPEN AN IN ABSENTIA ORDER' : "RESPONDENT'S MOTION TO REOPEN",
    respondent: {
      name: fullName(c.respondent.name),
      nativeOf:
        c.respondent.placeOfBirth && c.respondent.placeOfBirth.country !== c.respondent.nationality
          ? `a native of ${countryName(c.respondent.placeOfBirth.country)} and a citizen of ${countryName(c.respondent.nationality)}`
          : `a native and citizen of ${countryName(c.respondent.nationality)}`,
      nationality: countryName(c.respondent.nationality),
      removalCountry,
      born: formatLong(c.respondent.dateOfBirth),
      birthplace: c.respondent.placeOfBirth
        ? [c.respondent.placeOfBirth.city, countryName(c.respondent.placeOfBirth.country)].filter(Boolean).join(', ')
        : null,
    },
    forum: {
      isBia: forum === 'bia',
      body: forum === 'bia' ? 'the Board' : 'the Court',
      Body: forum === 'bia' ? 'The Board' : 'The Court',
      court: c.proceedings.court.name,
    },
    cite: {
      motion: filingCite(auth.motion),
      basis: filingCite(auth.basis),
      contents: filingCite(auth.contents),
      judicial: filingCite(auth.judicialStatement),
      feeWaiver: filingCite(FEE_WAIVER.citation),
      lozada: LOZADA.citation,
      inAbsentiaDays: String(IN_ABSENTIA_EXCEPTIONAL_DAYS),
      automaticStay: filingCite(ev.automaticStay!.citation),
      primaFacie: PRIMA_FACIE.citation,
      primaFacieStandard: PRIMA_FACIE.standard,
    },
    basis: {
      changedConditions: basis === 'changed-country-conditions',
      newEvidence: basis === 'new-evidence' || basis === 'change-in-law' || basis === 'court-order',
      changeInLaw: basis === 'change-in-law',
      ineffectiveAssistance: basis === 'ineffective-assistance',
      joint: basis === 'joint',
      suaSponte: basis === 'sua-sponte',
      inAbsentia,
      noNotice: basis === 'in-absentia-no-notice',
      inCustody: basis === 'in-absentia-in-custody',
      exceptional: basis === 'in-absentia-exceptional',
    },
    relief: reliefView(c),
    sections: sectionLetters(basis, reliefView(c).any),
    timeliness: timelinessView(ctx, deadline),
    order: ORDER_WORDS[c.proceedings.type],
    history: {
      orderDate: formatLong(c.proceedings.order.date),
      inAbsentia: c.proceedings.order.inAbsentia,
      judge: c.proceedings.judge ?? null,
      appeal: appealView(c),
      priorMotions: (c.proceedings.priorMotions ?? []).map((m) => ({
        kind: m.kind === 'reopen' ? 'a motion to reopen' : 'a motion to reconsider',
        body: m.forum === 'bia' ? 'the Board' : 'the Immigration Court',
        filed: formatLong(m.filed),
        outcome: isPending(m) ? 'remains pending' : m.decided ? `was ${m.outcome ?? 'decided'} on ${formatLong(m.decided)}` : `was ${m.outcome}`,
      })),
      custody: custodyView(c),
    },
    facts: {
      summary: motion.summary ?? null,
      newFacts: newFacts.map((f) => ({
        statement: f.statement,
        arose: f.arose ? formatLong(f.arose) : null,
        whyNotEarlier: f.whyNotEarlier ?? null,
      })),
      // The new facts to be proved at a reopened hearing (8 C.F.R. 1003.23(b)(3)).
      required: inAbsentia ? null : ctx.need('motion.newFacts', newFacts.length > 0 || motion.summary ? 'present' : null),
      baseline: formatLong(c.proceedings.priorHearingDate ?? c.proceedings.order.date),
    },
    inAbsentiaFacts: inAbsentia
      ? (() => {
          const f = ctx.need('proceedings.inAbsentiaFacts', c.proceedings.inAbsentiaFacts);
          if ('$marker' in f) return { missing: f, reason: null };
          const reason =
            basis === 'in-absentia-exceptional' ? ctx.need('proceedings.inAbsentiaFacts.reason', f.reason) : (f.reason ?? null);
          return { missing: null, reason };
        })()
      : null,
    exhibits: exhibits.map((e) => ({
      tab: e.tab,
      title: e.item.title,
      publisher: e.item.publisher ?? null,
      date: e.item.date ? formatLong(e.item.date) : null,
    })),
    tabs: {
      application: tabOf('application'),
      countryConditions: exhibits.filter((e) => e.item.kind === 'country-conditions').map((e) => e.tab),
      first: exhibits[0]?.tab ?? null,
      last: exhibits.at(-1)?.tab ?? null,
    },
    reliefRequired: ['changed-country-conditions', 'new-evidence', 'change-in-law', 'court-order', 'ineffective-assistance'].includes(basis)
      ? ctx.need('motion.reliefSought', motion.reliefSought)
      : null,
    statements: {
      judicial: (c.proceedings.judicialProceedings ?? []).map((j) => ({ ...j })),
      criminal: (c.proceedings.pendingCriminalProceedings ?? []).map((p) => ({ ...p })),
    },
    fee: feeView(ctx, ev.fee!),
    dhs: {
      opposes: basis !== 'joint' && motion.dhsPosition === 'opposes',
      unopposed: motion.dhsPosition === 'unopposed',
      joins: motion.dhsPosition === 'joins' || basis === 'joint',
      unknown: basis !== 'joint' && (motion.dhsPosition === undefined || motion.dhsPosition === 'not-asked'),
    },
    stay: {
      requested: c.stay?.immigrationCourt === true || c.stay?.bia === true,
      automatic: ev.automaticStay?.value === true,
    },
    signature: { name: c.counsel.name, role: filerBlock(ctx, false).role },
    index: exhibits.map((e) => ({
      tab: e.tab,
      title: e.item.title,
      publisher: e.item.publisher ?? '',
      date: e.item.date ? formatLong(e.item.date) : '',
      pages: pagesOf(ctx, e.index),
    })),
    proposedOrder: {
      title: forum === 'bia' ? 'ORDER OF THE BOARD' : 'ORDER OF THE IMMIGRATION JUDGE',
      motionName: inAbsentia ? "Respondent's Motion to Reopen an In Absentia Order" : "Respondent's Motion to Reopen",
      signer: forum === 'bia' ? 'FOR THE BOARD' : 'Immigration Judge',
    },
    certificate: certificateView(ctx, `${inAbsentia ? 'Motion to Reopen an In Absentia Order' : "Respondent's Motion to Reopen"}, with its exhibits and proposed order`),
  };
}

export type MotionView = ReturnType<typeof motionToReopenView>;
