/**
 * Pieces every filing shares: names as the caption prints them, the filer block, the court
 * heading, the caption, page furniture, dates in words. Ready-to-print strings only.
 */
import {
  countryName,
  formatANumber,
  formatLong,
  languageName,
  US_STATE_NAMES,
  entryOf,
  type Address,
  type Case,
  type Forum,
  type PersonName,
} from '../case/index.js';
import type { Venue } from '../rules/venue.js';
import type { BuildContext, Text } from './context.js';

/** "Sami Hanna Yousif"; a person with one name (only `family`) is that name alone. */
export function fullName(n: PersonName): string {
  return [n.given, n.middle, n.family].filter(Boolean).join(' ');
}

export const longDate = formatLong;

/** "Detroit, MI 48226" and the street lines above it. */
export function addressLines(a: Address): string[] {
  const last = `${a.city}, ${a.state} ${a.zip}`;
  const country = a.country && a.country !== 'US' ? [countryName(a.country)] : [];
  return [a.street, ...(a.street2 ? [a.street2] : []), last, ...country];
}

export function addressOneLine(a: Address): string {
  return addressLines(a).join(', ');
}

export interface Person {
  name: string;
  aNumber: string;
}

/** The respondent and every family member in the same proceedings (ICPM 5.1(a): all must be named). */
export function people(c: Case): Person[] {
  const all = [{ name: c.respondent.name, aNumber: c.respondent.aNumber }, ...(c.respondent.familyMembers ?? [])];
  return all.map((p) => ({ name: fullName(p.name), aNumber: formatANumber(p.aNumber) }));
}

const ROLE: Record<Case['counsel']['type'], string> = {
  attorney: 'Attorney for the Respondent',
  'accredited-representative': 'Accredited Representative for the Respondent',
  'law-student': 'Law Student Representative for the Respondent',
};

export interface FilerBlock {
  lines: Text[];
  name: string;
  /** Before EOIR: "Attorney for the Respondent". */
  role: string;
  /** In a letter to an agency, which has no respondent: "Attorney for Fadi Gorgis Kako". */
  roleForClient: string;
  /** What the client calls the filer: "attorney", "accredited representative", "law student representative". */
  noun: string;
  /** "counsel" or "an accredited representative": how the motion says who files it. */
  through: string;
  eoirId: Text | null;
}

/** The filer's block at the top left of a cover page (ICPM Appendix E; V15). */
export function filerBlock(ctx: BuildContext, needEoirId: boolean): FilerBlock {
  const k = ctx.case.counsel;
  const eoirId = needEoirId ? ctx.need('counsel.eoirId', k.eoirId) : (k.eoirId ?? null);
  const lines: Text[] = [k.name, ...(k.organization ? [k.organization] : []), ...addressLines(k.address), k.phone, k.email];
  const through = k.type === 'attorney' ? 'counsel' : k.type === 'accredited-representative' ? 'an accredited representative' : 'a law student representative';
  // Family members in the same proceedings are respondents too: "Attorney for the Respondents".
  const plural = (ctx.case.respondent.familyMembers ?? []).length > 0;
  const title = ROLE[k.type].replace(/ for the Respondent$/, '');
  return {
    lines,
    name: k.name,
    role: plural ? `${ROLE[k.type]}s` : ROLE[k.type],
    roleForClient: `${title} for ${fullName(ctx.case.respondent.name)}`,
    noun: title.toLowerCase(),
    through,
    eoirId,
  };
}

export interface CourtHeading {
  lines: Text[];
  /** "the Immigration Court" or "the Board". */
  body: string;
  isBia: boolean;
}

/** The centred heading of a cover page (ICPM Appendix E; BIA PM Appendix E). */
export function courtHeading(ctx: BuildContext, forum: Forum, venue: Venue | null): CourtHeading {
  const top = ['UNITED STATES DEPARTMENT OF JUSTICE', 'EXECUTIVE OFFICE FOR IMMIGRATION REVIEW'];
  if (forum === 'bia') return { lines: [...top, 'BOARD OF IMMIGRATION APPEALS', 'FALLS CHURCH, VIRGINIA'], body: 'the Board', isBia: true };
  const address = ctx.need('proceedings.court.address', venue?.address ?? null);
  const place =
    'city' in address ? `${address.city}, ${entryOf(US_STATE_NAMES, address.state) ?? address.state}`.toUpperCase() : address;
  return { lines: [...top, 'IMMIGRATION COURT', place], body: 'the Immigration Court', isBia: false };
}

const PROCEEDINGS: Record<Case['proceedings']['type'], string> = {
  removal: 'In Removal Proceedings',
  deportation: 'In Deportation Proceedings',
  exclusion: 'In Exclusion Proceedings',
};

export interface CaptionPerson {
  /** As the caption prints it: the name on the order when given, in capitals. */
  name: string;
  /** "a/k/a" names, when the attorney asks for them in the caption. */
  aliases: string[];
  aNumber: string;
}

export interface Caption {
  /** One row each, the A-number on the person's own line (ICPM 5.1(a): every respondent named). */
  people: CaptionPerson[];
  /** "Respondent." or "Respondents." */
  party: string;
  proceedings: string;
}

/**
 * The caption box (ICPM Appendix E): the respondent named as on the order (`nameOnOrder`), with
 * aliases when `aliasesInCaption` is set, then each family member in the same proceedings.
 */
export function caption(c: Case): Caption {
  const r = c.respondent;
  const lead: CaptionPerson = {
    name: (r.nameOnOrder ?? captionName(r.name)).toUpperCase(),
    aliases: r.aliasesInCaption === true ? [...(r.aliases ?? [])] : [],
    aNumber: formatANumber(r.aNumber),
  };
  const family = (r.familyMembers ?? []).map((m) => ({ name: captionName(m.name).toUpperCase(), aliases: [], aNumber: formatANumber(m.aNumber) }));
  const all = [lead, ...family];
  return {
    people: all,
    party: all.length > 1 ? 'Respondents.' : 'Respondent.',
    proceedings: PROCEEDINGS[c.proceedings.type],
  };
}

/** "YOUSIF, Sami Hanna": a caption lists people family name first, as EOIR's orders do. */
function captionName(n: PersonName): string {
  const given = [n.given, n.middle].filter(Boolean).join(' ');
  return given ? `${n.family}, ${given}` : n.family;
}

/**
 * The lines under the caption of a cover page (ICPM Appendix E): the immigration judge and the
 * next hearing, filled when known; a judge not known is a labelled blank, a hearing not set is
 * "None".
 */
export function coverLines(c: Case): { judge: Text; nextHearing: string } {
  return {
    judge: c.proceedings.judge ?? { $marker: 'blank', label: '' },
    nextHearing: c.proceedings.nextHearing ? formatLong(c.proceedings.nextHearing) : 'None',
  };
}

/**
 * How the motion speaks of the respondent or respondents. With family members in the same
 * proceedings the motion is theirs together: "Respondents ... move"; facts about the principal
 * (custody, the declaration, the claim) name the principal.
 */
export interface Grammar {
  plural: boolean;
  /** "Respondent" / "Respondents". */
  R: string;
  /** "Respondent's" / "Respondents'". */
  Rs: string;
  /** "RESPONDENT'S" / "RESPONDENTS'". */
  RS: string;
  /** The principal as the subject of a sentence: "Respondent" / "Respondent Sami Yousif". */
  lead: string;
  /** The principal's possessive: "Respondent's" / "Sami Yousif's". */
  leadPossessive: string;
  moves: string;
  asks: string;
  seeks: string;
  is: string;
  has: string;
}

export function grammar(c: Case): Grammar {
  const plural = (c.respondent.familyMembers ?? []).length > 0;
  const name = fullName(c.respondent.name);
  return {
    plural,
    R: plural ? 'Respondents' : 'Respondent',
    Rs: plural ? "Respondents'" : "Respondent's",
    RS: plural ? "RESPONDENTS'" : "RESPONDENT'S",
    lead: plural ? `Respondent ${name}` : 'Respondent',
    leadPossessive: plural ? `${name}'s` : "Respondent's",
    moves: plural ? 'move' : 'moves',
    asks: plural ? 'ask' : 'asks',
    seeks: plural ? 'seek' : 'seeks',
    is: plural ? 'are' : 'is',
    has: plural ? 'have' : 'has',
  };
}

/** The language the respondent needs an interpreter in, by name ("Arabic"), or null. */
export function interpreterLanguage(c: Case): string | null {
  const l = (c.respondent.languages ?? []).find((x) => x.interpreterNeeded === true);
  return l ? languageName(l.name) : null;
}

/**
 * A name in a right-to-left script kept on one line (its spaces made no-break), so a line break
 * never splits it into what a records clerk would read as two names. Other names are unchanged.
 */
export function unbrokenName(name: string): string {
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(name) ? name.replace(/ /g, '\u00a0') : name;
}

/** "the Great Lakes Immigrant Defense Project": an organization's name as a sentence names it. */
export function organizationInProse(name: string): string {
  return /^the\b/i.test(name) ? name : `the ${name}`;
}

/**
 * How prose refers to the respondent after naming them: "he", "she", or, when the case records no
 * sex or records "x", the name again (never a guessed pronoun).
 * Shape: { they, them, their, They } with `their` possessive ("his", "Fadi Kako's").
 */
export function pronouns(c: Case, fallback = fullName(c.respondent.name)): { they: string; them: string; their: string; They: string } {
  switch (c.respondent.sex) {
    case 'female':
      return { they: 'she', them: 'her', their: 'her', They: 'She' };
    case 'male':
      return { they: 'he', them: 'him', their: 'his', They: 'He' };
    default:
      return { they: fallback, them: fallback, their: `${fallback}\u2019s`, They: fallback };
  }
}

export interface Furniture {
  headerRight?: string;
  footerLeft: string;
  pageNumbers: boolean;
}

/**
 * Every page carries the A-number, so a loose page finds its file. Only the A-number: a name can
 * be long enough to overflow a footer line, an A-number never is.
 */
export function furniture(c: Case): Furniture {
  return { footerLeft: formatANumber(c.respondent.aNumber), pageNumbers: true };
}

/** "asylum, withholding of removal, and protection under the Convention Against Torture". */
export function series(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

/** "8 C.F.R. 1003.23(b)" -> "8 C.F.R. § 1003.23(b)"; "INA 240(c)(7)" -> "INA § 240(c)(7)". */
export function filingCite(citation: string): string {
  // Several sections take "§§": a range ("16.30-16.34", printed with an en dash) or a list of
  // sections ("1003.24(b), 1003.8(a)"); subsections of one section ("552(a), (b)") take one "§".
  return citation.replace(
    /\b(C\.F\.R\.|U\.S\.C\.|INA) (\d[\w.()]*)(?:[-\u2013](\d[\w.()]*))?/g,
    (whole: string, code: string, first: string, last: string | undefined, at: number) => {
      if (last !== undefined) return `${code} §§ ${first}\u2013${last}`;
      // A list goes on with another section of the same code; ", 8 U.S.C. 1229a" starts another code.
      const listed = /^, \d[\w.()]*(?!\s*(?:U\.S\.C\.|C\.F\.R\.))(?:,|;|$)/.test(citation.slice(at + whole.length));
      return `${code} ${listed ? '§§' : '§'} ${first}`;
    },
  );
}
