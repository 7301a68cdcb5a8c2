/**
 * The view model of the respondent's declaration: identity, the order, and the facts of the
 * motion attested under penalty of perjury in the wording 28 U.S.C. 1746 gives for where it is
 * signed (domain reference 4.2). The facts are quoted as the motion states them, so the
 * declaration and the motion cannot drift apart.
 */
import { countryName, formatANumber, formatLong } from '../case/index.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { caption, courtHeading, fullName, furniture } from './common.js';
import { orBlank, type BuildContext } from './context.js';

export function respondentDeclarationView(ctx: BuildContext) {
  const c = ctx.case;
  const r = c.respondent;
  const motion = c.motion!;
  const forum = ctx.evaluation.forum!.value;
  const inAbsentia = isInAbsentiaBasis(motion.basis);
  const signingCountry = r.signingCountry ?? 'US';
  const interpreted = (r.languages ?? []).find((l) => l.interpreterNeeded === true);
  const statements = [
    ...(inAbsentia && c.proceedings.inAbsentiaFacts?.reason ? [c.proceedings.inAbsentiaFacts.reason] : []),
    ...(motion.newFacts ?? []).map((f) => f.statement),
  ];
  const facility = c.custody.status === 'detained' ? c.custody.facility : undefined;
  return {
    furniture: furniture(c),
    heading: courtHeading(ctx, forum, ctx.evaluation.venue),
    caption: caption(c),
    title: `DECLARATION OF ${fullName(r.name).toUpperCase()}`,
    name: fullName(r.name),
    born: formatLong(r.dateOfBirth),
    birthplace: r.placeOfBirth ? [r.placeOfBirth.city, countryName(r.placeOfBirth.country)].filter(Boolean).join(', ') : null,
    nationality: countryName(r.nationality),
    aNumber: formatANumber(r.aNumber),
    detainedAt: facility ? `the ${facility.name} in ${facility.address.city}, ${facility.address.state}` : null,
    orderDate: formatLong(c.proceedings.order.date),
    inAbsentia: c.proceedings.order.inAbsentia,
    removalCountry: countryName(r.removalCountry ?? r.nationality),
    statements,
    // Nothing to attest: the declaration cannot be filed (a marker in a preview).
    statementsRequired: statements.length > 0 ? null : ctx.need(inAbsentia ? 'proceedings.inAbsentiaFacts' : 'motion.newFacts', null),
    interpreterLanguage: interpreted?.name ?? null,
    // 28 U.S.C. 1746(2) inside the United States, 1746(1) outside it.
    signedInUs: signingCountry === 'US',
    executed: orBlank(undefined, 'date'),
    place: orBlank(undefined, 'city and state or country where signed'),
  };
}
