/**
 * The ICE stay application package for the ERO field office (domain reference 2.4; 8 C.F.R.
 * 241.6; V20): a cover letter listing the enclosures the form requires (Form I-246 for one
 * applicant, the fee in force on the filing date, an identity document, a copy of the order, and
 * the evidence), and the applicant's own statement in the first person, sworn under 28 U.S.C.
 * 1746. The form itself is the applicant's to sign; it is listed, not generated.
 */
import { compareDates, formatANumber, formatLong, formatTime, type Case } from '../case/index.js';
import { ICE_STAY_FEES } from '../rules/data/fees.js';
import { usd } from '../rules/fees.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { filerBlock, filingCite, fullName, furniture, pronouns, interpreterLanguage } from './common.js';
import { ORDER_WORDS, placeName } from './history.js';
import { orBlank, type BuildContext } from './context.js';

/** The I-246 fee on a date (the filing date, or the check date without one). */
export function iceStayFee(on: string) {
  const row = ICE_STAY_FEES.find((r) => compareDates(r.from, on) <= 0 && (r.to === undefined || compareDates(on, r.to) <= 0)) ?? ICE_STAY_FEES[0]!;
  return row;
}

function motionNoun(c: Case): string | null {
  if (!c.motion) return null;
  return isInAbsentiaBasis(c.motion.basis) ? 'motion to rescind the in absentia order and reopen the proceedings' : 'motion to reopen';
}

/**
 * The view of the ICE stay package. Shape: the letter's facts (office, who, where held, the order
 * and the pending motion), the enclosures, and the applicant's statement (`account`, the
 * respondent's own paragraphs). The fee is the one in force on the filing date (the check date
 * without one), ICE_STAY_FEES in rules/data/fees.ts.
 */
export function iceStayRequestView(ctx: BuildContext) {
  const c = ctx.case;
  const on = c.filing?.date ?? ctx.asOf;
  const fee = iceStayFee(on);
  const office = ctx.need('custody.facility.eroFieldOffice', c.custody.facility?.eroFieldOffice ?? (c.custody.status === 'detained' ? null : 'the field office nearest the applicant\u2019s home'));
  const account = ctx.need('declaration.account', c.declaration?.account);
  const filer = filerBlock(ctx, false);
  const motion = motionNoun(c);
  const detained = c.custody.status === 'detained' && c.custody.facility;
  const name = fullName(c.respondent.name);
  const p = pronouns(c, name);
  const removal = c.custody.scheduledRemoval;
  const toBoard = ctx.evaluation.forum?.value === 'bia';
  const court = toBoard ? 'the Board of Immigration Appeals' : `the ${c.proceedings.court.name}`;
  return {
    furniture: furniture(c),
    title: `APPLICATION FOR STAY OF REMOVAL: ${name.toUpperCase()}`,
    filer,
    date: orBlank(undefined, ''),
    office,
    name,
    he: p.they,
    He: p.They,
    his: p.their,
    aNumber: formatANumber(c.respondent.aNumber),
    detainedAt: detained ? `the ${c.custody.facility!.name} in ${placeName(c.custody.facility!.address)}` : null,
    removal: removal ? { date: formatLong(removal.date), time: removal.time ? formatTime(removal.time) : null } : null,
    motion: motion
      ? {
          noun: motion,
          court,
          // Filed once the filing date has come; until then it is being filed.
          filed: c.filing?.date && compareDates(c.filing.date, ctx.asOf) <= 0 ? formatLong(c.filing.date) : null,
        }
      : null,
    // Named, never a menu of the form's options: a missing identity document is a ground for rejection.
    identityDocument: orBlank(c.stay?.identityDocument, 'the identity document enclosed: a passport, or a copy with a birth certificate, or what the form allows'),
    orderCourt: `the ${c.proceedings.court.name}`,
    orderDate: formatLong(c.proceedings.order.date),
    orderNoun: ORDER_WORDS[c.proceedings.type].noun,
    fee: usd(fee.amount),
    feePayableTo: fee.payableTo,
    // The stay motion filed with the court goes with the application: ERO weighs a pending stay motion.
    stayMotion: (ctx.evaluation.forum?.value === 'bia' ? c.stay?.bia : c.stay?.immigrationCourt) === true
      ? `a copy of the ${c.stay?.emergency ? 'emergency ' : ''}motion to stay removal filed with ${court}`
      : null,
    interpreted: interpreterLanguage(c) !== null,
    feeCitation: filingCite(fee.citation),
    account: Array.isArray(account) ? account : [],
    accountMissing: Array.isArray(account) ? null : account,
    // Read to the signer in their language, as the certificate of interpretation attests (ICPM 3.3(a)).
    interpreterLanguage: interpreterLanguage(c),
    signedInUs: (c.respondent.signingCountry ?? 'US') === 'US',
    executed: orBlank(undefined, 'date'),
    place: orBlank(undefined, 'city and state or country where signed'),
    cite: { stay: filingCite('8 C.F.R. 241.6') },
    signature: { name: c.counsel.name, role: filer.roleForClient },
  };
}
