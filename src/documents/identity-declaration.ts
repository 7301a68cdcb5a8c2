/**
 * The subject's declaration of identity and consent (domain reference 4.2; V23): full name, other
 * names, A-number, date and place of birth, current address, and consent to the release of the
 * records to counsel, in the subject's first person, under penalty of perjury in the wording 28
 * U.S.C. 1746 gives for where it is signed. It stands in for Form DOJ-361 (28 C.F.R. 16.41(d)) and
 * for the subject's signature a USCIS request needs (Form G-639 instructions).
 */
import { countryName, formatANumber, formatPartialWithPreposition, isCivilDate, type Agency } from '../case/index.js';
import { AGENCY_OFFICES, agencyInProse } from '../rules/data/agencies.js';
import { addressLines, filerBlock, filingCite, fullName, furniture, organizationInProse, series, interpreterLanguage, unbrokenName } from './common.js';
import { orBlank, type BuildContext } from './context.js';

export function identityDeclarationView(ctx: BuildContext) {
  const c = ctx.case;
  const r = c.respondent;
  const place = ctx.need('respondent.placeOfBirth', r.placeOfBirth);
  const agencies = (c.records?.agencies ?? []).filter((a: Agency) => a !== 'fbi');
  const address =
    c.custody.status === 'detained' && c.custody.facility
      ? `I am in the custody of U.S. Immigration and Customs Enforcement at the ${c.custody.facility.name}, ${addressLines(c.custody.facility.address).join(', ')}.`
      : r.mailingAddress
        ? `My current mailing address is ${addressLines(r.mailingAddress).join(', ')}.`
        : ctx.need('respondent.mailingAddress', null);
  const birthplace = 'country' in place ? [place.city, countryName(place.country)].filter(Boolean).join(', ') : place;
  return {
    furniture: furniture(c),
    title: `DECLARATION OF IDENTITY AND CONSENT OF ${fullName(r.name).toUpperCase()}`,
    name: fullName(r.name),
    aliases: r.aliases && r.aliases.length > 0 ? series(r.aliases.map(unbrokenName)) : null,
    nameOnOrder: r.nameOnOrder ?? null,
    aNumber: formatANumber(r.aNumber),
    // A date known only in part is sworn to as known ("in 1984").
    born: `${formatPartialWithPreposition(r.dateOfBirth)}${isCivilDate(r.dateOfBirth) ? ',' : ''} in ${typeof birthplace === 'string' ? birthplace : '[place of birth]'}`,
    birthplaceMissing: typeof birthplace === 'string' ? null : birthplace,
    nationality: countryName(r.nationality),
    address,
    counsel: `${c.counsel.name}${c.counsel.organization ? `, of ${organizationInProse(c.counsel.organization)},` : ','}`,
    // "my attorney", "my accredited representative": never a title the filer does not hold.
    counselNoun: filerBlock(ctx, false).noun,
    agencies: series(agencies.map((a) => {
      const o = AGENCY_OFFICES[a];
      return o.name.includes(o.short) ? agencyInProse(o) : `${agencyInProse(o)} (${o.short})`;
    })),
    anyAgencies: agencies.length > 0,
    cite: { falseStatement: filingCite('18 U.S.C. 1001'), falsePretenses: filingCite('5 U.S.C. 552a(i)(3)') },
    // Read to the signer in their language, as the certificate of interpretation attests (ICPM 3.3(a)).
    interpreterLanguage: interpreterLanguage(c),
    signedInUs: (r.signingCountry ?? 'US') === 'US',
    executed: orBlank(undefined, 'date'),
    place: orBlank(undefined, 'city and state or country where signed'),
  };
}
