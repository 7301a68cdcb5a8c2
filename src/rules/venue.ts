/**
 * Which court the case is before, and where the motion is filed: the case's own words first,
 * completed from EOIR's public court list when the case gives only a name or code. Absent data
 * stays absent: an address is never invented.
 */
import type { Address, Case, Forum } from '../case/index.js';
import { COURT_DATA, findCourt, ropMailbox, ropMailboxCitation, type Court } from './courts.js';
import { DC_AREA } from './data/holidays.js';

export interface Venue {
  name: string;
  code: string | null;
  address: Address | null;
  timeZone: string | null;
  /** Where the address and code came from. */
  source: 'case' | 'reference' | 'case and reference' | 'case only (not in the reference list)';
  /** The mailbox for a record-of-proceedings request, when the code is known. */
  ropMailbox: string | null;
  citation: string;
}

function toAddress(court: Court): Address {
  const a = court.address;
  return { street: a.street, ...(a.street2 ? { street2: a.street2 } : {}), city: a.city, state: a.state, zip: a.zip };
}

export function immigrationCourt(c: Case): Venue {
  const court = c.proceedings.court;
  const known = (court.code ? findCourt(court.code) : undefined) ?? findCourt(court.name);
  const code = court.code?.toUpperCase() ?? known?.code ?? null;
  const address = court.address ?? (known ? toAddress(known) : null);
  const source: Venue['source'] = !known
    ? 'case only (not in the reference list)'
    : court.address && court.code
      ? 'case'
      : court.address || court.code
        ? 'case and reference'
        : 'reference';
  return {
    name: court.name,
    code,
    address,
    timeZone: court.timeZone ?? known?.timeZone ?? null,
    source,
    ropMailbox: code ? ropMailbox({ code }) : null,
    citation: known ? `${ropMailboxCitation(known)}; EOIR court list (${COURT_DATA.retrieved})` : ropMailboxCitation({ kind: 'immigration-court' }),
  };
}

export function board(): Venue {
  const bia = findCourt('BIA');
  return {
    name: 'Board of Immigration Appeals',
    code: 'BIA',
    address: bia ? toAddress(bia) : null,
    timeZone: bia?.timeZone ?? 'America/New_York',
    source: 'reference',
    ropMailbox: 'EOIR.BIA.ROP.Requests@usdoj.gov',
    citation: `BIA PM 13.2(a)(1); EOIR court list (${COURT_DATA.retrieved})`,
  };
}

/** Where the motion is filed. */
export function filingVenue(c: Case, forum: Forum): Venue {
  return forum === 'bia' ? board() : immigrationCourt(c);
}

/**
 * Whether Inauguration Day is a holiday where the motion is filed: only at offices in the area
 * 5 U.S.C. 6103(c) names (the Board in Falls Church, the courts in Annandale, Arlington and
 * Hyattsville). A venue whose address is unknown is treated as outside it, which gives the earlier,
 * safe date.
 */
export function countsInaugurationDay(venue: Venue): boolean {
  const a = venue.address;
  if (!a || (a.country !== undefined && a.country !== 'US')) return false;
  if (DC_AREA.wholeState.includes(a.state)) return true;
  const city = a.city.trim().toLowerCase();
  return (DC_AREA.cities[a.state] ?? []).some((c) => c.toLowerCase() === city);
}
