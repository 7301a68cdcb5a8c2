/**
 * The view model of the motion to reopen: cover page and motion (domain reference 1.5, 1.6, 3.2,
 * 8). Everything the template prints is decided here from the case and the rules; the template
 * only words it.
 *
 * The motion asserts only what the case and the packet hold: an application "attached at Tab A"
 * only when an application is an exhibit, a declaration only at the tab that files it, a protected
 * ground only when the filer names it. A fact the motion cannot be filed without is a missing fact
 * (`need`): a preview shows the marker, a final document is refused.
 */
import {
  compareDates,
  countryName,
  formatANumber,
  formatLong,
  RELIEF_LABELS,
  US_STATE_NAMES,
  entryOf,
  type EvidenceItem,
} from '../case/index.js';
import type { ENUMS } from '../case/schema.js';
import type { Deadline } from '../rules/deadlines.js';
import { EXCEPTIONAL_CIRCUMSTANCES, LOZADA, motionAuthorities, NOTICE, PRIMA_FACIE, RELIEF_LAW } from '../rules/authorities.js';
import { IN_ABSENTIA_EXCEPTIONAL_DAYS } from '../rules/deadlines.js';
import { usd, type FeeLine, type FeeRuling } from '../rules/fees.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { asylumOneYear, marriageDuringProceedings } from '../rules/relief.js';
import { APPLICATION_FORM, PROTECTION_RELIEF } from '../rules/forms.js';
import { FEE_WAIVER } from '../rules/data/fees.js';
import {
  caption,
  courtHeading,
  coverLines,
  filerBlock,
  filingCite,
  fullName,
  furniture,
  grammar,
  series,
} from './common.js';
import { orBlank, type BuildContext, type Text } from './context.js';
import { orderExhibits, tabWhere, type OrderedExhibit } from './exhibits.js';
import { appealView, certificateView, historyView, nativeOf, ORDER_WORDS } from './history.js';

type ProtectedGround = (typeof ENUMS.protectedGround)[number];

const GROUND_WORDS: Record<ProtectedGround, string> = {
  race: 'race',
  religion: 'religion',
  nationality: 'nationality',
  'political-opinion': 'political opinion',
  'particular-social-group': 'membership in a particular social group',
};

/** Bases whose motion must state new facts and seek relief (8 C.F.R. 1003.23(b)(3), 1003.2(c)(1)). */
const FACT_BASES = ['changed-country-conditions', 'new-evidence', 'change-in-law', 'court-order', 'ineffective-assistance'];

/** "Tab C", "Tabs C and D", "Tabs C, D, and E". */
function tabsWords(tabs: readonly string[]): string | null {
  if (tabs.length === 0) return null;
  return `${tabs.length === 1 ? 'Tab' : 'Tabs'} ${series(tabs)}`;
}

/** The sections of the argument are lettered in the order they appear, whichever are present. */
function sectionLetters(basisSection: boolean, relief: boolean) {
  let n = 0;
  const next = () => String.fromCharCode(65 + n++);
  const first = next();
  return { first, basis: basisSection ? next() : null, relief: relief ? next() : null };
}

/** Each fee line as the fee paragraph states it, with the provision of this forum it rests on. */
function feeView(ctx: BuildContext, fee: FeeRuling) {
  const given = ctx.case.motion?.fee;
  const owedLines = fee.lines.filter((l) => l.exemptBecause === undefined);
  const exemptLines = fee.lines.filter((l) => l.exemptBecause !== undefined);
  // A fee is owed and the filer has not said how it is handled: the motion cannot say it either.
  const mode = fee.owed === 0 ? null : given?.mode === 'exempt' ? 'exempt' : ctx.need('motion.fee.mode', given?.mode);
  const stated = (lines: readonly FeeLine[]) => lines.map((l) => ({ what: `the ${l.label} of ${usd(l.amount)}`, citation: filingCite(l.citation) }));
  // A waiver cannot cover a fee the law makes unwaivable (the asylum application fee): that one is paid.
  const waivable = owedLines.filter((l) => l.waivable !== false);
  const unwaivable = owedLines.filter((l) => l.waivable === false);
  return {
    // Lines exempt for the same reason are stated together: "Neither the X nor the Y is required because ...".
    exemptions: [...new Set(exemptLines.map((l) => l.exemptBecause!))].map((reason) => {
      const lines = exemptLines.filter((l) => l.exemptBecause === reason);
      const labels = lines.map((l) => `the ${l.label}`);
      const what =
        labels.length === 1
          ? `No ${lines[0]!.label} is required`
          : labels.length === 2
            ? `Neither ${labels[0]} nor ${labels[1]} is required`
            : `None of ${series(labels).replace(/, and /, ', or ')} is required`;
      return { what, reason, citation: filingCite([...new Set(lines.map((l) => l.citation))].join('; ')) };
    }),
    /** The filer relies on an exemption the rules did not find (check warns about it); the motion states it. */
    claimed: mode === 'exempt' ? ctx.need('motion.fee.exemption', given?.exemption) : null,
    paid: mode === 'paid' ? stated(owedLines) : [],
    // One waiver request covers every waivable fee: "the X of $110 and the Y of $900".
    waiver:
      mode === 'waiver-requested' && waivable.length > 0
        ? {
            what: series(waivable.map((l) => `the ${l.label} of ${usd(l.amount)}`)),
            both: waivable.length > 1,
            citation: filingCite([...new Set(waivable.map((l) => l.citation))].join('; ')),
          }
        : null,
    mustPay: mode === 'waiver-requested' ? stated(unwaivable) : [],
    unknown: typeof mode === 'object' && mode !== null ? mode : null,
    receipt: orBlank(given?.receipt, ''),
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
  // A basis with no time limit of its own (changed country conditions, lack of notice) rests on
  // that; a court order's period is then only the period the order protects, said second.
  const ownNoLimit = OWN_NO_LIMIT.includes(c.motion!.basis);
  return {
    late,
    argument: late ? ctx.need('motion.timelinessArgument', c.motion?.timelinessArgument) : null,
    filed: c.filing?.date ? formatLong(c.filing.date) : null,
    courtOrder:
      clock && !late
        ? {
            caption: clock.caption,
            citation: clock.citation,
            trigger: clock.trigger,
            triggerDate: formatLong(clock.triggerDate),
            days: String(clock.days),
            due: formatLong(deadline.due!),
            alongside: ownNoLimit,
          }
        : null,
    due: deadline.due ? formatLong(deadline.due) : null,
    noLimit: deadline.due === null || (clock !== undefined && ownNoLimit),
    pendingAppeal: appealView(c)?.pending === true,
    citation: filingCite(deadline.citation),
  };
}

/** Bases that have no time limit of their own (reference 1.5 E1, E3, E5, E7). */
const OWN_NO_LIMIT: readonly string[] = ['changed-country-conditions', 'in-absentia-no-notice', 'in-absentia-in-custody', 'joint', 'sua-sponte'];

/** The pages of the combined filing an exhibit occupies, as the index prints them. */
function pagesOf(ctx: BuildContext, index: number): string {
  const at = ctx.filing?.exhibitPages.get(index);
  if (!at) return 'see filing';
  return at.first === at.last ? String(at.first) : `${at.first}–${at.last}`;
}

/** The facts of the missed hearing and the law of rescission for the basis and the notice given. */
function inAbsentiaView(ctx: BuildContext, declarationTab: string | null) {
  const c = ctx.case;
  const basis = c.motion!.basis;
  const type = c.proceedings.type;
  const facts = c.proceedings.inAbsentiaFacts;
  const noNotice = basis === 'in-absentia-no-notice';
  const exceptional = basis === 'in-absentia-exceptional';
  // How the notice was sent decides the presumption to overcome: the argument cannot be made without it.
  const method = noNotice ? ctx.need('proceedings.inAbsentiaFacts.noticeMethod', facts?.noticeMethod) : (facts?.noticeMethod ?? null);
  const reason: Text | null = exceptional || noNotice ? ctx.need('proceedings.inAbsentiaFacts.reason', facts?.reason) : (facts?.reason ?? null);
  return {
    reason,
    declarationTab,
    method: {
      missing: typeof method === 'object' && method !== null ? method : null,
      personal: method === 'personal',
      certified: method === 'certified-mail',
      regular: method === 'regular-mail',
      none: method === 'none',
    },
    removal: type === 'removal',
    deportation: type === 'deportation',
    exclusion: type === 'exclusion',
    cite: {
      noticeStatute: filingCite(type === 'removal' ? `${NOTICE.statute}; 8 C.F.R. 1003.23(b)(4)(ii)` : motionAuthorities('immigration-court', basis, type).basis),
      noticeRequired: filingCite(NOTICE.noticeRequired),
      regularMail: NOTICE.regularMail,
      certifiedMail: NOTICE.certifiedMail,
      exceptionalDefinition: filingCite(EXCEPTIONAL_CIRCUMSTANCES.citation),
      basis: filingCite(motionAuthorities('immigration-court', basis, type).basis),
    },
    exceptionalWords: EXCEPTIONAL_CIRCUMSTANCES.definition,
    days: String(IN_ABSENTIA_EXCEPTIONAL_DAYS),
  };
}

/**
 * The Lozada showing (reference 1.5): the agreement with former counsel, notice to counsel and any
 * response, and whether a bar complaint was filed. Each is a fact the motion cannot be filed
 * without when the motion rests on counsel's conduct.
 */
function lozadaView(ctx: BuildContext) {
  const c = ctx.case;
  const basis = c.motion!.basis;
  const counsel = c.motion!.priorCounsel;
  const required = basis === 'ineffective-assistance' || (basis === 'in-absentia-exceptional' && counsel !== undefined);
  if (!required) return null;
  const k = ctx.need('motion.priorCounsel', counsel);
  if ('$marker' in k) return { missing: k, name: null, bar: null, retained: null, scope: null, notified: null, response: null, complaint: null, complaintReason: null, discovered: null };

  const complaint = k.barComplaintDate ? formatLong(k.barComplaintDate) : null;
  const scope = ctx.need('motion.priorCounsel.scope', k.scope);
  return {
    missing: null,
    name: k.name,
    // "MI" reads as "Michigan"; a bar named in words stays as written.
    bar: k.barState ? (entryOf(US_STATE_NAMES, k.barState) ?? k.barState) : null,
    retained: k.retainedDate ? formatLong(k.retainedDate) : null,
    scope: typeof scope === 'string' ? asClause(scope) : scope,
    notified: ctx.need('motion.priorCounsel.notifiedDate', k.notifiedDate ? formatLong(k.notifiedDate) : undefined),
    // "none" and the like mean no response, not words to quote.
    response: k.response && !/^\s*(none|no response|n\/a|nothing)\.?\s*$/i.test(k.response) ? k.response : null,
    complaint,
    complaintReason: complaint ? null : ctx.need('motion.priorCounsel.barComplaintReasonIfNot', k.barComplaintReasonIfNot),
    discovered: k.discoveryDate ? formatLong(k.discoveryDate) : null,
  };
}

/** The filer's words as the end of a sentence: a first capital lowered (unless the word is all
 * capitals or a name-like capital pair), a full stop added when none ends it. */
function asClause(text: string): string {
  const t = text.trim();
  const lowered = /^[A-Z][a-z]/.test(t) && !/^[A-Z][a-z]+ [A-Z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
  return /[.!?]$/.test(lowered) ? lowered : `${lowered}.`;
}

/** The prima facie argument for each relief sought, tied to where the record shows it. */
function reliefView(ctx: BuildContext, exhibits: readonly OrderedExhibit[], tabs: { declaration: string | null; countryConditions: string | null }) {
  const c = ctx.case;
  const motion = c.motion!;
  const relief = motion.reliefSought ?? [];
  const forms = [...new Set(relief.map((r) => APPLICATION_FORM[r]).filter((f): f is string => f !== undefined))];
  const applicationTab = tabWhere(exhibits, (e) => e.kind === 'application');
  const persecution = relief.includes('asylum') || relief.includes('withholding');
  const grounds = persecution ? ctx.need('motion.protectedGrounds', motion.protectedGrounds) : null;
  const arrival = relief.includes('asylum') ? ctx.need('respondent.arrivalDate', c.respondent.arrivalDate) : null;
  const oneYear = asylumOneYear(c, c.filing?.date ?? ctx.asOf);
  const married = marriageDuringProceedings(c);
  const formLabel = series(forms);
  const where = series([
    'the new facts set out in Part III',
    ...(tabs.declaration ? [`the declaration at Tab ${tabs.declaration}`] : []),
    ...(tabs.countryConditions ? [`the country-conditions evidence at ${tabs.countryConditions}`] : []),
  ]);
  return {
    any: relief.length > 0,
    list: series(relief.map((r) => RELIEF_LABELS[r])),
    protection: relief.some((r) => PROTECTION_RELIEF.has(r)),
    persecution,
    asylum: relief.includes('asylum'),
    torture: relief.includes('cat'),
    grounds: grounds === null ? null : Array.isArray(grounds) ? series(grounds.map((g) => GROUND_WORDS[g])) : grounds,
    where,
    Where: where.charAt(0).toUpperCase() + where.slice(1),
    oneYear:
      arrival !== null && typeof arrival === 'object'
        ? { missing: arrival, late: false, arrival: null, due: null, changedOn: null, cite: null, citeException: null, earliest: false }
        : oneYear
          ? {
              missing: null,
              late: oneYear.late,
              arrival: formatLong(oneYear.arrival),
              due: formatLong(oneYear.due),
              changedOn: oneYear.changedOn ? formatLong(oneYear.changedOn) : null,
              cite: filingCite(oneYear.citation),
              citeException: filingCite(RELIEF_LAW.changedCircumstances),
              earliest: oneYear.from !== oneYear.arrival,
            }
          : null,
    adjustment: relief.includes('adjustment')
      ? {
          cite: filingCite(RELIEF_LAW.adjustment),
          marriage:
            married === 'yes'
              ? { date: formatLong(motion.marriageDate!), citeStatute: filingCite(RELIEF_LAW.marriageDuringProceedings), cite: RELIEF_LAW.marriageReopening }
              : null,
        }
      : null,
    cancellation: relief.includes('cancellation') ? { cite: filingCite(RELIEF_LAW.cancellation) } : null,
    other: relief.includes('other'),
    cite: {
      grounds: filingCite(RELIEF_LAW.protectedGrounds),
      torture: filingCite(RELIEF_LAW.torture),
    },
    application:
      forms.length === 0
        ? null
        : applicationTab
          ? { tab: applicationTab, forms: formLabel }
          : ctx.need('motion.evidence', null, `the completed application (${formLabel}) as an exhibit (an evidence item of kind "application")`),
    barsResponse: motion.barsResponse ?? null,
  };
}

export function motionToReopenView(ctx: BuildContext) {
  const c = ctx.case;
  const ev = ctx.evaluation;
  const motion = c.motion!;
  const forum = ev.forum!.value;
  const basis = motion.basis;
  const type = c.proceedings.type;
  const auth = motionAuthorities(forum, basis, type);
  const deadline = ev.deadlines.find((d) => d.id === 'motion-to-reopen')!;
  const inAbsentia = isInAbsentiaBasis(basis);
  const exhibits = orderExhibits(motion.evidence ?? []);
  const isDeclaration = (e: EvidenceItem) => e.document === 'respondent-declaration' || e.kind === 'declaration';
  const tabs = {
    declaration: tabWhere(exhibits, (e) => e.document === 'respondent-declaration') ?? tabWhere(exhibits, isDeclaration),
    countryConditions: tabsWords(exhibits.filter((e) => e.item.kind === 'country-conditions').map((e) => e.tab)),
    first: exhibits[0]?.tab ?? null,
    last: exhibits.at(-1)?.tab ?? null,
    /** "Tab A" or "Tabs A through D". */
    range: exhibits.length === 0 ? null : exhibits.length === 1 ? `Tab ${exhibits[0]!.tab}` : `Tabs ${exhibits[0]!.tab} through ${exhibits.at(-1)!.tab}`,
  };
  const who = grammar(c);
  const newFacts = motion.newFacts ?? [];
  const relief = reliefView(ctx, exhibits, tabs);
  const lozada = lozadaView(ctx);
  const basisSection = ['changed-country-conditions', 'new-evidence', 'change-in-law', 'court-order', 'ineffective-assistance'].includes(basis);
  const joint = basis === 'joint';
  const title = joint
    ? 'JOINT MOTION TO REOPEN'
    : inAbsentia
      ? `${who.RS} MOTION TO RESCIND IN ABSENTIA ORDER AND REOPEN PROCEEDINGS`
      : `${who.RS} MOTION TO REOPEN`;
  const motionName = joint
    ? 'the Joint Motion to Reopen'
    : inAbsentia
      ? `${who.Rs} Motion to Rescind In Absentia Order and Reopen Proceedings`
      : `${who.Rs} Motion to Reopen`;
  const family = (c.respondent.familyMembers ?? []).map((m) => `${fullName(m.name)} (${formatANumber(m.aNumber)})`);

  return {
    furniture: furniture(c),
    detained: c.custody.status === 'detained',
    // REMOVAL IMMINENT is marked on the emergency stay motion's cover, not on this one.
    imminent: false,
    filer: filerBlock(ctx, c.counsel.type !== 'law-student'),
    heading: courtHeading(ctx, forum, ev.venue),
    caption: caption(c),
    cover: coverLines(c),
    title,
    // The cover-page label ICPM 5.9(b) and Appendix E give an in absentia motion, under the title.
    coverLabel: inAbsentia ? 'MOTION TO REOPEN AN IN ABSENTIA ORDER' : null,
    who,
    respondent: {
      name: fullName(c.respondent.name),
      aNumber: formatANumber(c.respondent.aNumber),
      nativeOf: nativeOf(c),
      removalCountry: countryName(c.respondent.removalCountry ?? c.respondent.nationality),
      family: family.length > 0 ? series(family) : null,
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
      feeWaiver: filingCite(FEE_WAIVER.citation[forum]),
      lozada: LOZADA.citation,
      automaticStay: filingCite(ev.automaticStay!.citation.replace(/; BIA PM [^;]+$/, '')),
      primaFacie: PRIMA_FACIE.citation,
      primaFacieStandard: PRIMA_FACIE.standard,
    },
    basis: {
      changedConditions: basis === 'changed-country-conditions',
      newEvidence: basis === 'new-evidence' || basis === 'change-in-law' || basis === 'court-order',
      changeInLaw: basis === 'change-in-law',
      ineffectiveAssistance: basis === 'ineffective-assistance',
      joint,
      suaSponte: basis === 'sua-sponte',
      inAbsentia,
      noNotice: basis === 'in-absentia-no-notice',
      inCustody: basis === 'in-absentia-in-custody',
      exceptional: basis === 'in-absentia-exceptional',
    },
    relief,
    lozada,
    sections: sectionLetters(basisSection, relief.any),
    timeliness: timelinessView(ctx, deadline),
    order: ORDER_WORDS[type],
    history: historyView(c),
    facts: {
      summary: motion.summary ?? null,
      newFacts: newFacts.map((f) => ({ statement: f.statement, whyNotEarlier: f.whyNotEarlier ?? null })),
      // The new facts to be proved at a reopened hearing (8 C.F.R. 1003.23(b)(3)).
      required: inAbsentia ? null : ctx.need('motion.newFacts', newFacts.length > 0 || motion.summary ? 'present' : null),
      baseline: formatLong(c.proceedings.priorHearingDate ?? c.proceedings.order.date),
    },
    inAbsentia: inAbsentia ? inAbsentiaView(ctx, tabs.declaration) : null,
    tabs,
    reliefRequired: FACT_BASES.includes(basis) ? ctx.need('motion.reliefSought', motion.reliefSought) : null,
    statements: {
      judicial: (c.proceedings.judicialProceedings ?? []).map((j) => ({ ...j })),
      criminal: (c.proceedings.pendingCriminalProceedings ?? []).map((p) => ({ ...p })),
    },
    fee: feeView(ctx, ev.fee!),
    dhs: {
      opposes: !joint && motion.dhsPosition === 'opposes',
      unopposed: motion.dhsPosition === 'unopposed',
      joins: motion.dhsPosition === 'joins' || joint,
      unknown: !joint && (motion.dhsPosition === undefined || motion.dhsPosition === 'not-asked'),
    },
    stay: {
      // A stay motion to the body this motion goes to, filed with it (stay-motion.ts).
      requested: forum === 'bia' ? c.stay?.bia === true : c.stay?.immigrationCourt === true,
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
      motionName,
      signer: forum === 'bia' ? 'FOR THE BOARD' : 'Immigration Judge',
      granted:
        forum === 'bia'
          ? 'the proceedings are reopened, and the record is remanded to the Immigration Court for further proceedings.'
          : inAbsentia
            ? `the order entered in absentia on ${formatLong(c.proceedings.order.date)} is rescinded, and the proceedings are reopened.`
            : 'the proceedings are reopened.',
    },
    certificate: certificateView(ctx, `${motionName}, with its exhibits and proposed order`),
  };
}

export type MotionView = ReturnType<typeof motionToReopenView>;
