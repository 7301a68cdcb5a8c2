/**
 * Motions to stay removal while the motion to reopen is decided (domain reference 2.2, 2.3, 8;
 * V18, V19): before the immigration judge (ICPM ch. 8; 8 C.F.R. 1003.23(b)(1)(v)) or before the
 * Board when it has a matter pending (BIA PM 6.3; 8 C.F.R. 1003.2(f)), each in its emergency form
 * when asked for: EMERGENCY in the title, REMOVAL IMMINENT on the cover, the confirmed date and
 * time of removal and where the respondent is held.
 *
 * Built from the same facts as the motion to reopen (history.ts), so the two never disagree.
 */
import { countryName, formatANumber, formatLong, formatTime, type Forum } from '../case/index.js';
import { ORDER_WORDS, certificateView, historyView, nativeOf, placeName } from './history.js';
import { isPending } from '../rules/stays.js';
import { caption, courtHeading, coverLines, filerBlock, filingCite, fullName, furniture, grammar, series } from './common.js';
import type { BuildContext } from './context.js';
import { board, immigrationCourt } from '../rules/venue.js';
import { isInAbsentiaBasis } from '../rules/forum.js';

/** What each forum's stay rests on (reference 2.2, 2.3). */
const STAY_LAW: Record<Forum, { authority: string; pending: string }> = {
  'immigration-court': { authority: '8 C.F.R. 1003.23(b)(1)(v); ICPM ch. 8', pending: 'a motion to reopen or reconsider is pending before the Immigration Judge' },
  bia: { authority: '8 C.F.R. 1003.2(f); BIA PM 6.3(a)', pending: 'an appeal, or a motion to reopen or reconsider, is pending before the Board' },
};

/** The factors courts weigh on a stay of removal (reference 2.5), offered as guidance, not a rule. */
const STAY_FACTORS = 'Cf. Nken v. Holder, 556 U.S. 418, 434 (2009)';

/** In a sentence, what the motion to reopen rests on. */
const BASIS_WORDS: Record<string, string> = {
  'changed-country-conditions': 'conditions in {country} that have changed materially since the earlier hearing',
  'new-evidence': 'new, material evidence that was not available at the earlier hearing',
  'change-in-law': 'a change in the law that bears on eligibility for relief',
  'court-order': 'the filing period a federal court order allows',
  'ineffective-assistance': 'the ineffective assistance of former counsel',
  joint: 'the agreement of the Department of Homeland Security',
  'sua-sponte': 'the exceptional circumstances of this case',
  'in-absentia-no-notice': 'the fact that the respondent did not receive notice of the hearing at which the order was entered in absentia',
  'in-absentia-in-custody': 'the fact that the respondent was in custody at the time of the hearing at which the order was entered in absentia',
  'in-absentia-exceptional': 'the exceptional circumstances that caused the failure to appear',
};

export function stayMotionView(forum: Forum) {
  return (ctx: BuildContext) => {
    const c = ctx.case;
    const ev = ctx.evaluation;
    const who = grammar(c);
    const motion = c.motion;
    const removal = c.custody.scheduledRemoval;
    const emergency = c.stay?.emergency === true;
    const isBia = forum === 'bia';
    const venue = isBia ? board() : ev.venue && ev.forum?.value === 'immigration-court' ? ev.venue : immigrationCourt(c);
    const name = `${who.RS} ${emergency ? 'EMERGENCY ' : ''}MOTION TO STAY ${ORDER_WORDS[c.proceedings.type].noun.toUpperCase()}`;
    const law = STAY_LAW[forum];
    const country = countryName(c.respondent.removalCountry ?? c.respondent.nationality);
    const reasons = ctx.need('stay.reasons', c.stay?.reasons);
    // What the stay waits on: this case's motion, filed with the stay motion, or a motion already
    // pending before the same body (BIA PM 6.3(a)).
    const filedHere = motion !== undefined && ev.forum?.value === forum;
    const earlier = filedHere ? undefined : (c.proceedings.priorMotions ?? []).find((m) => m.forum === forum && isPending(m));
    const motionTitle = filedHere
      ? isInAbsentiaBasis(motion.basis)
        ? 'Motion to Rescind In Absentia Order and Reopen Proceedings'
        : 'Motion to Reopen'
      : earlier
        ? earlier.kind === 'reopen' ? 'Motion to Reopen' : 'Motion to Reconsider'
        : null;
    const motionName = motionTitle ? `${who.Rs} ${motionTitle}` : null;
    const family = (c.respondent.familyMembers ?? []).map((m) => `${fullName(m.name)} (${formatANumber(m.aNumber)})`);
    const titleCase = `${who.Rs} ${emergency ? 'Emergency ' : ''}Motion to Stay ${ORDER_WORDS[c.proceedings.type].noun.charAt(0).toUpperCase()}${ORDER_WORDS[c.proceedings.type].noun.slice(1)}`;
    return {
      furniture: furniture(c),
      detained: c.custody.status === 'detained',
      imminent: emergency,
      filer: filerBlock(ctx, c.counsel.type !== 'law-student'),
      heading: courtHeading(ctx, forum, venue),
      caption: caption(c),
      cover: coverLines(c),
      title: name,
      coverLabel: null,
      who,
      respondent: { name: fullName(c.respondent.name), aNumber: formatANumber(c.respondent.aNumber), nativeOf: nativeOf(c), removalCountry: country, family: family.length > 0 ? series(family) : null },
      forum: { isBia, body: isBia ? 'the Board' : 'the Court', Body: isBia ? 'The Board' : 'The Court', court: c.proceedings.court.name },
      order: ORDER_WORDS[c.proceedings.type],
      history: emergency ? withoutRemoval(historyView(c)) : historyView(c),
      pending: {
        motionName,
        motionTitle,
        // "filed with this motion" or "filed on March 3, 2017".
        filedWith: filedHere ? 'filed with this motion' : earlier ? `filed on ${formatLong(earlier.filed)}` : null,
        filedHere,
        // The stay asked of the Board for a matter already pending there (an appeal or a Board motion).
        appeal: isBia && !filedHere && !earlier,
        basis: filedHere ? (BASIS_WORDS[motion.basis] ?? 'the grounds it states').replace('{country}', country) : null,
      },
      emergency: emergency
        ? {
            date: removal ? formatLong(removal.date) : null,
            time: removal?.time ? formatTime(removal.time) : null,
            confirmed: removal?.confirmedByDhs === true,
            facility: c.custody.status === 'detained' && c.custody.facility ? `the ${c.custody.facility.name} in ${placeName(c.custody.facility.address)}` : null,
          }
        : null,
      reasons,
      cite: { authority: filingCite(law.authority), factors: STAY_FACTORS, departure: filingCite(isBia ? '8 C.F.R. 1003.2(d)' : '8 C.F.R. 1003.23(b)(1)') },
      // What the stay motion attaches: the order, and the Board's decision on an appeal (ICPM ch. 8).
      attachments: [
        { letter: 'A', title: `Order of the Immigration Judge, ${formatLong(c.proceedings.order.date)}` },
        ...(c.proceedings.appealDecision ? [{ letter: 'B', title: `Decision of the Board of Immigration Appeals, ${formatLong(c.proceedings.appealDecision.date)}` }] : []),
      ],
      judicial: (c.proceedings.judicialProceedings ?? []).map((j) => ({ ...j })),
      lawPending: law.pending,
      signature: { name: c.counsel.name, role: filerBlock(ctx, false).role },
      proposedOrder: {
        title: isBia ? 'ORDER OF THE BOARD' : 'ORDER OF THE IMMIGRATION JUDGE',
        motionName: titleCase,
        signer: isBia ? 'FOR THE BOARD' : 'Immigration Judge',
        granted: `${who.Rs} ${ORDER_WORDS[c.proceedings.type].noun} is stayed pending the decision on ${motionName ? `the ${motionName.replace(/^Respondents?'s? /, '')}` : 'the pending matter'}.`,
      },
      certificate: certificateView(ctx, `${titleCase}, with its proposed order`),
    };
  };
}

/** The history without the scheduled removal, which the emergency form states at its start. */
function withoutRemoval(h: ReturnType<typeof historyView>): ReturnType<typeof historyView> {
  return h.custody ? { ...h, custody: { ...h.custody, removal: null } } : h;
}
