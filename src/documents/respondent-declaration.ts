/**
 * The view model of the respondent's declaration: the respondent's own account, in the first
 * person and in the respondent's words (`declaration.account`), under the identity facts only the
 * respondent can swear to, attested in the wording 28 U.S.C. 1746 gives for where it is signed
 * (domain reference 4.2). It never recites the motion's arguments and never has the respondent
 * swear to country conditions, which the exhibits prove. Without an account there is nothing to
 * swear to: the account is a fact the declaration cannot be filed without.
 */
import { countryName, formatANumber, formatLong, formatPartialWithPreposition, isCivilDate, languageName } from '../case/index.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { caption, courtHeading, fullName, furniture } from './common.js';
import { orBlank, type BuildContext } from './context.js';

export function respondentDeclarationView(ctx: BuildContext) {
  const c = ctx.case;
  const r = c.respondent;
  const forum = ctx.evaluation.forum!.value;
  const signingCountry = r.signingCountry ?? 'US';
  const interpreted = (r.languages ?? []).find((l) => l.interpreterNeeded === true);
  const account = ctx.need('declaration.account', c.declaration?.account);
  const inAbsentia = isInAbsentiaBasis(c.motion!.basis);
  return {
    furniture: furniture(c),
    heading: courtHeading(ctx, forum, ctx.evaluation.venue),
    caption: caption(c),
    title: `DECLARATION OF ${fullName(r.name).toUpperCase()}`,
    name: fullName(r.name),
    aNumber: formatANumber(r.aNumber),
    // A birth date known only by year or month is sworn to as known: "in 1984", never an exact day.
    // "on April 2, 1971, in Telkaif, Iraq"; "in July 1984 in Telkaif, Iraq".
    born: [
      formatPartialWithPreposition(r.dateOfBirth) + (r.placeOfBirth && isCivilDate(r.dateOfBirth) ? ',' : ''),
      ...(r.placeOfBirth ? [`in ${[r.placeOfBirth.city, countryName(r.placeOfBirth.country)].filter(Boolean).join(', ')}`] : []),
    ].join(' '),
    nationality: countryName(r.nationality),
    purpose: inAbsentia ? 'my motion to rescind the order entered in my absence and to reopen my case' : 'my motion to reopen my case',
    account: Array.isArray(account) ? account : [],
    accountMissing: Array.isArray(account) ? null : account,
    orderDate: formatLong(c.proceedings.order.date),
    interpreterLanguage: interpreted ? languageName(interpreted.name) : null,
    // 28 U.S.C. 1746(2) inside the United States, 1746(1) outside it.
    signedInUs: signingCountry === 'US',
    executed: orBlank(undefined, 'date'),
    place: orBlank(undefined, 'city and state or country where signed'),
  };
}
