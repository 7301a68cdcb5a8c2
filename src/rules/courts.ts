/**
 * The immigration courts and the Board of Immigration Appeals as reference data, and the two
 * questions the generator asks of them: which court is meant by what the user typed, and where a
 * record-of-proceedings (ROP) request for that court is emailed.
 *
 * The rows live in ./data/courts.ts with their sources. This module never guesses: a name or code
 * that is not in the table, or that would match more than one row, gives `undefined`, because a
 * filing mailed to a wrong court or an ROP request sent to a wrong mailbox can cost a person their
 * only chance. Courts whose code or address the sources disagree on are left out of the table
 * (see COURT_DATA.leftOut) rather than resolved here.
 *
 * Pure: the data is a TypeScript module, so there is no I/O at run time.
 */
import { COURT_DATA, SOURCES, type SourceId } from './data/courts.js';

export type { SourceId };

/** How far a value was corroborated (see COURT_DATA.note for what each level means). */
export type CourtConfidence = 'high' | 'medium' | 'low';

/** An address in the shape of the case format (`{ street, street2?, city, state, zip }`). */
export interface CourtAddress {
  readonly street: string;
  readonly street2?: string;
  readonly city: string;
  /** USPS two-letter state or territory code. */
  readonly state: string;
  /** Five digits, or ZIP+4. */
  readonly zip: string;
}

export interface Court {
  /** The name EOIR uses, e.g. "Detroit Immigration Court"; the BIA is "Board of Immigration Appeals". */
  readonly name: string;
  /**
   * The three-letter code EOIR uses for the court (its base-city code), which is also the <xyz>
   * of the ROP mailbox EOIR.<xyz>.ROP.Requests@usdoj.gov; "BIA" for the Board.
   */
  readonly code: string;
  readonly kind: 'immigration-court' | 'bia';
  /** The filing (mailing) address as listed; building names are left out, suites are kept. */
  readonly address: CourtAddress;
  /** IANA zone of the court's location: paper filings are timely by receipt in local hours. */
  readonly timeZone: string;
  /** True where the source lists the court as a detained docket. */
  readonly detained?: boolean;
  /** Other names the court goes by that findCourt should also accept (no city aliases). */
  readonly aliases?: readonly string[];
  readonly confidence: { readonly code: CourtConfidence; readonly address: CourtConfidence };
  /** Keys of SOURCES that this row was read from or checked against. */
  readonly sources: readonly SourceId[];
  /** A conflict between sources and how it was resolved, when there was one. */
  readonly note?: string;
}

export interface CourtSource {
  /** URL, or repository and path (with commit where known). */
  readonly ref: string;
  /** YYYY-MM-DD: the date the source states, or the date its stored copy was read. */
  readonly retrieved: string;
  readonly what: string;
}

export interface LeftOutCourt {
  readonly name: string;
  readonly reason: string;
}

export interface CourtDataset {
  readonly source: readonly string[];
  readonly retrieved: string;
  readonly note: string;
  readonly courts: readonly Court[];
  readonly leftOut: readonly LeftOutCourt[];
}

export { COURT_DATA, SOURCES };

/** Every court in the table, the BIA included. */
export const COURTS: readonly Court[] = COURT_DATA.courts;

const IC_SUFFIX = ' immigration court';

/**
 * Lower case, trimmed, runs of white space collapsed, and dashes of every width made one ASCII
 * hyphen with single spaces around it, so "New York – Broadway" and "new york-broadway" agree.
 * Nothing else is loosened: no prefix or fuzzy matching, which could land on the wrong court.
 */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The strings a court answers to: its code, its name, its name without "Immigration Court", aliases. */
function lookupKeys(court: Court): string[] {
  const name = normalize(court.name);
  const keys = new Set<string>([normalize(court.code), name]);
  if (name.endsWith(IC_SUFFIX)) keys.add(name.slice(0, -IC_SUFFIX.length).trim());
  for (const alias of court.aliases ?? []) keys.add(normalize(alias));
  keys.delete('');
  return [...keys];
}

/** Built once: each key maps to every court that answers to it, so ambiguity is visible. */
const INDEX: ReadonlyMap<string, readonly Court[]> = (() => {
  const index = new Map<string, Court[]>();
  for (const court of COURTS) {
    for (const key of lookupKeys(court)) {
      const list = index.get(key);
      if (list === undefined) index.set(key, [court]);
      else list.push(court);
    }
  }
  return index;
})();

/**
 * The court meant by a code ("DET"), a full name ("detroit immigration court") or a short name
 * ("Detroit"), case-insensitively. `undefined` when nothing matches or when the text would match
 * more than one court: the caller must then ask, never pick.
 */
export function findCourt(nameOrCode: string): Court | undefined {
  const matches = INDEX.get(normalize(nameOrCode));
  return matches !== undefined && matches.length === 1 ? matches[0] : undefined;
}

/** The lookup keys that answer to more than one court (empty for a sound table; tests check it). */
export function ambiguousLookupKeys(): string[] {
  return [...INDEX].filter(([, courts]) => courts.length > 1).map(([key]) => key);
}

const CODE_PATTERN = /^[A-Z]{3}$/;

/**
 * The mailbox for a record-of-proceedings request: EOIR.<CODE>.ROP.Requests@usdoj.gov for an
 * immigration court (ICPM 12.2(a)(1), codes in ICPM Appendix Q), EOIR.BIA.ROP.Requests@usdoj.gov
 * for the Board (BIA PM 13.2(a)(1)). Throws on a code that is not three capital letters rather
 * than print an address that cannot exist.
 */
export function ropMailbox(court: Pick<Court, 'code'>): string {
  if (!CODE_PATTERN.test(court.code)) {
    throw new Error(`not an EOIR three-letter court code: ${JSON.stringify(court.code)}`);
  }
  return `EOIR.${court.code}.ROP.Requests@usdoj.gov`;
}

/** The manual provision that gives ropMailbox's address for this court. */
export function ropMailboxCitation(court: Pick<Court, 'kind'>): string {
  return court.kind === 'bia' ? 'BIA PM 13.2(a)(1)' : 'ICPM 12.2(a)(1)';
}
