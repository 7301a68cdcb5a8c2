/**
 * Pieces every filing shares: names as the caption prints them, the filer block, the court
 * heading, the caption, page furniture, dates in words. Ready-to-print strings only.
 */
import {
  countryName,
  formatANumber,
  formatLong,
  US_STATE_NAMES,
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
  role: string;
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
  return { lines, name: k.name, role: ROLE[k.type], through, eoirId };
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
    'city' in address ? `${address.city}, ${US_STATE_NAMES[address.state] ?? address.state}`.toUpperCase() : address;
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
    name: (r.nameOnOrder ?? fullName(r.name)).toUpperCase(),
    aliases: r.aliasesInCaption === true ? [...(r.aliases ?? [])] : [],
    aNumber: formatANumber(r.aNumber),
  };
  const family = (r.familyMembers ?? []).map((m) => ({ name: fullName(m.name).toUpperCase(), aliases: [], aNumber: formatANumber(m.aNumber) }));
  const all = [lead, ...family];
  return {
    people: all,
    party: all.length > 1 ? 'Respondents.' : 'Respondent.',
    proceedings: PROCEEDINGS[c.proceedings.type],
  };
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
  return citation.replace(/\b(C\.F\.R\.|U\.S\.C\.|INA) (?=\d)/g, '$1 § ');
}
