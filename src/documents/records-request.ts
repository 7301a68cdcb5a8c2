/**
 * The records requests, one per agency in `records.agencies` (domain reference 4.1-4.7; V23-V26):
 * a FOIA request to each component that holds the person's records, the record-of-proceedings
 * request to the court when counsel is of record (no FOIA needed, ICPM 12.2(a)(1)), and the FBI
 * Identity History Summary request (not FOIA, DOJ Order 556-73).
 *
 * Each carries the subject's identifying details and a precise description of what that agency
 * holds. A FOIA request also carries the fee agreement and, when asked for, an expedite section on
 * the grounds that agency's department accepts, certified true and correct.
 */
import { compareDates, countryName, formatANumber, formatLong, formatPartial, type Agency } from '../case/index.js';
import type { RecordsRuling } from '../rules/records.js';
import { AGENCY_OFFICES, agencyInProse, EXPEDITE, FBI_IDENTITY_HISTORY, FOIA_FEES, RECORDS_WANTED } from '../rules/data/agencies.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { PROTECTION_RELIEF } from '../rules/forms.js';
import { usd } from '../rules/fees.js';
import { addressLines, filerBlock, filingCite, fullName, furniture, pronouns, series, interpreterLanguage, unbrokenName } from './common.js';
import { orBlank, type BuildContext } from './context.js';

/** The subject's identifying details, as every request lists them (reference 4.2). */
function subject(ctx: BuildContext) {
  const c = ctx.case;
  const r = c.respondent;
  const birthplace = ctx.need('respondent.placeOfBirth', r.placeOfBirth);
  const address = c.custody.status === 'detained' && c.custody.facility
    ? [`${c.custody.facility.name} (detained)`, ...addressLines(c.custody.facility.address)]
    : r.mailingAddress
      ? addressLines(r.mailingAddress)
      : null;
  return {
    name: fullName(r.name),
    them: pronouns(c, fullName(r.name)).them,
    nameOnOrder: r.nameOnOrder ?? null,
    aliases: r.aliases && r.aliases.length > 0 ? series(r.aliases.map(unbrokenName)) : null,
    aNumber: formatANumber(r.aNumber),
    born: formatPartial(r.dateOfBirth),
    birthplace: 'country' in birthplace ? [birthplace.city, countryName(birthplace.country)].filter(Boolean).join(', ') : birthplace,
    nationality: countryName(r.nationality),
    address: address ? address.join(', ') : null,
    court: `${c.proceedings.court.name}${c.proceedings.court.code ? ` (${c.proceedings.court.code.toUpperCase()})` : ''}`,
  };
}

/**
 * Why delay endangers the subject, in the words the expedite rules use (6 C.F.R. 5.5(e); 28
 * C.F.R. 16.5(e)): built from the facts of the case, never from nothing. Null when the case gives
 * no fact that supports a ground (the request then asks for no expedition).
 */
function expediteView(ctx: BuildContext, agency: Agency) {
  const c = ctx.case;
  if (c.records?.expedite !== true) return null;
  const office = AGENCY_OFFICES[agency];
  const rules = EXPEDITE[office.department];
  const motion = c.motion;
  const relief = motion?.reliefSought ?? [];
  const fears = relief.some((r) => PROTECTION_RELIEF.has(r));
  const removal = c.custody.scheduledRemoval;
  const deadline = ctx.evaluation.deadlines.find((d) => d.id === 'motion-to-reopen');
  const name = fullName(c.respondent.name);
  const p = pronouns(c, name);
  const removalCountry = countryName(c.respondent.removalCountry ?? c.respondent.nationality);
  const court = ctx.evaluation.forum?.value === 'bia' ? 'the Board of Immigration Appeals' : `the ${c.proceedings.court.name}`;
  const rescind = motion && isInAbsentiaBasis(motion.basis) ? ' and rescind the order entered in absentia' : '';
  const stayFiled = (ctx.evaluation.forum?.value === 'bia' ? c.stay?.bia : c.stay?.immigrationCourt) === true;
  const filed = c.filing?.date;
  // Where the motion stands on the date of the letter: filed, to be filed on a set date, or in preparation.
  const motionStands = !motion
    ? null
    : filed && compareDates(filed, ctx.asOf) <= 0
      ? `On ${formatLong(filed)}, ${p.they} filed a motion to reopen${rescind}${stayFiled ? ', with a motion for a stay of removal,' : ''} with ${court}.`
      : filed
        ? `${p.They} will file a motion to reopen${rescind} with ${court} on ${formatLong(filed)}.`
        : `${p.They} is preparing a motion to reopen${rescind}${deadline?.due ? `, which must be filed with ${court} by ${formatLong(deadline.due)}` : ''}.`;
  // Sentences of fact, each from the case: custody, the scheduled removal, the fear, the motion.
  const facts = [
    c.custody.status === 'detained'
      ? `${name} is detained by U.S. Immigration and Customs Enforcement under a final order of removal.`
      : `${name} is under a final order of removal.`,
    ...(removal
      ? [`The Department of Homeland Security has ${removal.confirmedByDhs ? 'confirmed that it will remove' : 'scheduled the removal of'} ${p.them} to ${removalCountry} on ${formatLong(removal.date)}.`]
      : []),
    ...(fears ? [`${p.They} fears ${fearOf(relief)} in ${removalCountry}.`] : []),
    ...(motionStands ? [motionStands] : []),
  ];
  const dueProcess = (rules.grounds as readonly string[]).includes('loss of substantial due process rights') && motion !== undefined;
  const lifeOrSafety = fears || removal !== undefined;
  return {
    statement: lifeOrSafety || dueProcess ? facts.join(' ') : null,
    lifeOrSafety: lifeOrSafety
      ? `The records are needed to support ${motion ? 'that motion' : `${p.their} claim for protection`} before ${p.they} is removed, and delay in producing them could reasonably be expected to pose an imminent threat to ${p.their} life or physical safety.`
      : null,
    dueProcess: dueProcess
      ? `Without the records, ${name} may lose the opportunity to present ${p.their} motion${removal ? ' before removal' : ''}, a loss of substantial due process rights.`
      : null,
    citation: filingCite(rules.citation),
  };
}

/** What the relief sought says the person fears: persecution (asylum, withholding), torture (CAT), or both. */
function fearOf(relief: readonly string[]): string {
  const persecution = relief.some((r) => r === 'asylum' || r === 'withholding');
  const torture = relief.includes('cat');
  return persecution && torture ? 'persecution and torture' : torture ? 'torture' : 'persecution';
}

/** A FOIA request to one agency (reference 4.1, 4.2, 4.5; V23, V25). */
function foiaView(ctx: BuildContext, agency: Agency) {
  const c = ctx.case;
  const office = AGENCY_OFFICES[agency];
  const maxFee = ctx.need('records.maxFee', c.records?.maxFee);
  const expedite = expediteView(ctx, agency);
  const track3 = agency === 'uscis' && c.proceedings.nextHearing !== undefined;
  return {
    kind: { foia: true, rop: false, fbi: false },
    office: { lines: [...office.lines], email: office.email ?? null, online: office.online ?? null, name: agencyInProse(office), short: office.short },
    title: `FREEDOM OF INFORMATION ACT REQUEST TO ${office.short.toUpperCase()}`,
    // A list a search clerk reads as one sentence: items end with ";", the last with ".".
    records: RECORDS_WANTED[agency].map((r, i, all) => `${r}${i === all.length - 1 ? '.' : i === all.length - 2 ? '; and' : ';'}`),
    maxFee: typeof maxFee === 'number' ? usd(maxFee) : maxFee,
    feeCategory: FOIA_FEES.category,
    expedite: expedite && (expedite.lifeOrSafety || expedite.dueProcess) ? expedite : null,
    track3: track3 ? { hearing: formatLong(c.proceedings.nextHearing!) } : null,
    cite: { fees: filingCite(FOIA_FEES.citation), foia: filingCite('5 U.S.C. 552'), time: filingCite('5 U.S.C. 552(a)(6)(A)(i)'), segregable: filingCite('5 U.S.C. 552(b)'), appeal: filingCite('5 U.S.C. 552(a)(6)(A)(i)(III)') },
  };
}

export function recordsRequestView(agency: Agency) {
  return (ctx: BuildContext) => {
    const c = ctx.case;
    const route = ctx.evaluation.records.find((r) => r.agency === agency)?.route ?? 'foia';
    const filer = filerBlock(ctx, false);
    const common = {
      furniture: furniture(c),
      filer,
      subject: subject(ctx),
      date: orBlank(undefined, ''),
      signature: { name: c.counsel.name, role: filer.roleForClient },
      counselEmail: c.counsel.email,
    };
    const ruling = ctx.evaluation.records.find((r) => r.agency === agency);
    if (ruling?.stage === 'follow-up') return { ...common, ...followUpView(ctx, agency, ruling) };
    if (route === 'rop-request') {
      const court = ctx.evaluation.court;
      const mailbox = ctx.need('proceedings.court.code', court?.ropMailbox ?? null);
      return {
        ...common,
        templateId: 'records-rop',
        title: 'REQUEST FOR A COPY OF THE RECORD OF PROCEEDINGS',
        mailbox,
        courtName: c.proceedings.court.name,
        orderDate: formatLong(c.proceedings.order.date),
        cite: { rop: filingCite('ICPM 12.2(a)(1)') },
      };
    }
    if (route === 'identity-history') {
      const office = AGENCY_OFFICES.fbi;
      const sex = ctx.need('respondent.sex', c.respondent.sex);
      return {
        ...common,
        templateId: 'records-fbi',
        title: 'REQUEST FOR AN IDENTITY HISTORY SUMMARY',
        office: { lines: [...office.lines], online: office.online ?? null },
        sex: typeof sex === 'string' ? ({ female: 'Female', male: 'Male', x: 'X' } as const)[sex] : sex,
        fee: usd(FBI_IDENTITY_HISTORY.fee),
        payment: FBI_IDENTITY_HISTORY.payment,
        fingerprints: FBI_IDENTITY_HISTORY.fingerprints,
        // Read to the signer in their language, as the certificate of interpretation attests (ICPM 3.3(a)).
        interpreterLanguage: interpreterLanguage(c),
        signedInUs: (c.respondent.signingCountry ?? 'US') === 'US',
        executed: orBlank(undefined, 'date'),
        counselNoun: filer.noun,
        counselAddress: addressLines(c.counsel.address).join(', '),
        cite: { order: filingCite(FBI_IDENTITY_HISTORY.citation) },
      };
    }
    return { ...common, templateId: 'records-foia', ...foiaView(ctx, agency) };
  };
}

/**
 * A status inquiry about a request already sent (reference 4.4): never a second request, which an
 * agency closes as a duplicate and which starts its clock again. It names the request by date and
 * tracking number, says when the answer was due (20 business days after receipt for FOIA,
 * 5 U.S.C. 552(a)(6)(A)(i)), and asks for the status and the estimated date of completion, which
 * the Act entitles a FOIA requester to (5 U.S.C. 552(a)(7)(B)).
 */
function followUpView(ctx: BuildContext, agency: Agency, ruling: RecordsRuling) {
  const c = ctx.case;
  const office = AGENCY_OFFICES[agency];
  const what = ruling.route === 'rop-request' ? 'request for a copy of the record of proceedings' : ruling.route === 'identity-history' ? 'request for the Identity History Summary' : 'Freedom of Information Act request';
  const lines = ruling.route === 'rop-request' ? [`${c.proceedings.court.name}`] : [...office.lines];
  const due = ruling.due;
  return {
    templateId: 'records-followup',
    title: `STATUS OF ${what.toUpperCase()}`,
    office: { lines, email: ruling.route === 'rop-request' ? (ctx.evaluation.court?.ropMailbox ?? null) : (office.email ?? null), name: agencyInProse(office) },
    what,
    foia: ruling.route === 'foia',
    submitted: ruling.submitted ? formatLong(ruling.submitted) : null,
    received: ruling.received && ruling.received !== ruling.submitted ? formatLong(ruling.received) : null,
    trackingNumber: ruling.trackingNumber,
    due: due ? { date: formatLong(due), passed: compareDates(due, ctx.asOf) < 0 } : null,
    cite: { time: filingCite('5 U.S.C. 552(a)(6)(A)(i)'), status: filingCite('5 U.S.C. 552(a)(7)(B)'), exhaustion: filingCite('5 U.S.C. 552(a)(6)(C)(i)') },
  };
}

export type RecordsRequestView = ReturnType<ReturnType<typeof recordsRequestView>>;
