/**
 * Reference data: the immigration courts and the Board of Immigration Appeals, each with the
 * three-letter code used in its record-of-proceedings mailbox, its filing address, its time zone,
 * and the public sources every value was read from. The lookup is ../courts.ts.
 *
 * How the rows were built (read 2026-11-27 from stored copies; no live page could be fetched):
 *
 * - Codes. The set of codes is EOIR's own base-city table (tblLookupBaseCity in EOIR's FOIA case
 *   data, as copied by deportationdata/eoir). That table names every court only "IMMIGRATION
 *   COURT", so each code was tied to a court through EOIR's hearing-location table in the same
 *   data: the location row with the same code ("DETROIT, MICHIGAN"), the per-base-city rows
 *   ("IAD HLOC -DET, MICHIGAN") and the docket rows of each court. ICPM Appendix Q itself (the
 *   published list of codes) was not available in any stored copy, so a code is "high" only where
 *   a second, independent source shows the same code for the same court (EOIR's old court pages,
 *   whose addresses carried the code, for DET and BOS; the published example
 *   EOIR.CHI.ROP.Requests@usdoj.gov for CHI), and "medium" otherwise.
 * - Addresses. Every address is in the court-catalog source (a 2026 catalogue that cites ICE's
 *   "Addresses for Immigration Court & ICE Attorneys" handout checked against justice.gov/eoir)
 *   and in at least one independent source. "high" means a justice.gov page (or a saved copy of
 *   one) shows the same address; "medium" means only secondary sources (older copies of EOIR's
 *   court listing, practitioners' guides) agree. Building names are left out; suites are kept as
 *   listed. Where sources differ the row's `note` says which was kept and why.
 * - Time zones are the IANA zone of the court's city (El Paso and Chaparral are Mountain time;
 *   Arizona does not observe daylight time).
 * - `detained` is set where court-catalog lists the court among the detained dockets.
 *
 * A court is left out, not guessed, when EOIR's tables give it two candidate codes, when the
 * sources disagree on its address with nothing to settle it, when it has closed or is closing, or
 * when only one source gives its address. COURT_DATA.leftOut lists them with the reason; adding
 * one back needs ICPM Appendix Q (for the code) or the court's justice.gov page (for the address).
 */
import type { Court, CourtDataset, CourtSource, LeftOutCourt } from '../courts.js';

const READ = '2026-11-27';

/** Every source consulted, by id. Rows cite these ids; COURT_DATA.source lists their refs. */
export const SOURCES = {
  'eoir-foia-lookups': {
    ref: 'github.com/deportationdata/eoir data/lookup_tables_combined.csv @ 0734da1a16c2ddab6aff06597f2b946374fd0d48',
    retrieved: READ,
    what: "EOIR FOIA case-data lookup tables: tblLookupBaseCity (the court codes) and tblLookupHloc (hearing-location names, 'IAD HLOC -<code>, <state>' rows, docket rows) used to tie each code to its court.",
  },
  'eoir-ref-9-2': {
    ref: 'https://www.justice.gov/eoir/reference-materials/general/chapter-9/2',
    retrieved: READ,
    what: "EOIR general reference 9.2: ROP mailbox model EOIR.xyz.ROP.Requests@usdoj.gov with the court's three-letter code (Appendix Q); BIA EOIR.BIA.ROP.Requests@usdoj.gov.",
  },
  'eoir-pm-2-2': {
    ref: 'https://www.justice.gov/eoir/eoir-policy-manual/introduction/chapter2-2',
    retrieved: READ,
    what: 'EOIR Policy Manual intro 2.2: the same mailbox model (cites the code list as Appendix P).',
  },
  'immigrationjo-rop': {
    ref: 'http://immigrationjo.com/ministry/?p=3800&paged=9',
    retrieved: READ,
    what: 'Practitioner summary of ICPM 12.2 quoting the mailbox model with the example EOIR.CHI.ROP.Requests@usdoj.gov for Chicago.',
  },
  'eoir-det-page': {
    ref: 'http://justice.gov/eoir/sibpages/det/detmain.htm',
    retrieved: READ,
    what: 'EOIR Detroit Immigration Court page (copy undated; newest date on it 2021-07-19): 477 Michigan Avenue, Suite 440, Detroit, MI 48226; the page path carries the code DET.',
  },
  'eoir-bos-page': {
    ref: 'http://www.justice.gov/eoir/sibpages/bos/bosmain.htm',
    retrieved: READ,
    what: 'EOIR Boston Immigration Court page (older copy, undated): JFK Federal Building, 15 New Sudbury Street, Room 320; the page path carries the code BOS.',
  },
  'eoir-el-centro-notice': {
    ref: 'https://www.justice.gov/eoir/notice-el-centro-closed',
    retrieved: '2014-09-19',
    what: 'EOIR notice closing El Centro: filings go to the Imperial Immigration Court, 2409 La Brucherie Road, Imperial, Calif. 92251.',
  },
  'eoir-bia-pm-7-1': {
    ref: 'https://www.justice.gov/eoir/policy-manual-eoir/part-III/bia/chapter-7-1',
    retrieved: READ,
    what: "BIA Practice Manual 7.1: Clerk's Office, Board of Immigration Appeals, 5107 Leesburg Pike, Suite 2000, Falls Church, Virginia 22041.",
  },
  'hoppock-bia': {
    ref: 'https://www.hoppocklawfirm.com/bia-updates-address-for-appeals/',
    retrieved: READ,
    what: 'Practitioner note on the 2015 ZIP change: BIA filings to 5107 Leesburg Pike, Suite 2000, Falls Church, VA 22041.',
  },
  'eoir-adelanto-fixture': {
    ref: 'GitHub code index file id 61812684924 (test parsing a saved justice.gov/eoir/adelanto-immigration-court page; repository not named by the index)',
    retrieved: READ,
    what: 'Address lines parsed from the EOIR Adelanto page: Adelanto ICE Processing Center, 10250 Rancho Road, Suite 201A, Adelanto, CA 92301.',
  },
  'court-catalog': {
    ref: "GitHub code index file id 60398526161 ('Catálogo curado de Cortes de Inmigración (EOIR)', EOIR_COURTS; repository not named by the index)",
    retrieved: READ,
    what: "2026 catalogue of court and ICE counsel addresses from ICE's 'Addresses for Immigration Court & ICE Attorneys' handout, cross-checked against justice.gov/eoir; marks detained dockets.",
  },
  'listing-seeder': {
    ref: 'GitHub code index file id 24047328388 (PHP ImmigrationCourtLocationSeeder; repository not named by the index)',
    retrieved: READ,
    what: 'Older copy of the EOIR court listing: street, city, state, ZIP and phone, no suites (still lists Arlington and 525 W. Van Buren, Chicago).',
  },
  'listing-react': {
    ref: 'GitHub code index file id 17030595428 (React Courts component; repository not named by the index)',
    retrieved: READ,
    what: 'Older copy of the EOIR court listing with suites (about 2019: lists Arlington, 401 West A Street San Diego, 1000 Second Avenue Seattle).',
  },
  'eoir-2022-hya-lrd': {
    ref: 'https://lexisnexis.com/community/amp-insights/131/eoir-to-open-hyattsville-md-and-laredo-tx-immigration-courts',
    retrieved: '2022-02-25',
    what: 'EOIR announcement quoted in full: Hyattsville Immigration Court, 3311 Toledo Road, Suite 100, Hyattsville, MD 20782; Laredo Immigration Court, 1406 Jacaman Road, Laredo, TX 78041.',
  },
  'laredo-repo': {
    ref: 'GitHub code index file id 60356586540 (resource list; repository not named by the index)',
    retrieved: READ,
    what: "Lists 'EOIR Laredo' at 1406 Jacaman Rd, Suite B, Laredo, TX 78041.",
  },
  'santa-ana-repo': {
    ref: 'GitHub code index file id 70149222579 (hearing-notice fixtures; repository not named by the index)',
    retrieved: READ,
    what: 'Santa Ana Immigration Court, 1241 E. Dyer Road, Suite 200, Santa Ana, CA 92705.',
  },
  'legalclarity-adelanto': {
    ref: 'https://legalclarity.org/adelanto-immigration-court-location-and-procedures',
    retrieved: READ,
    what: '10250 Rancho Road, Suite 201A, Adelanto, CA 92301.',
  },
  'legalclarity-aurora': {
    ref: 'https://legalclarity.org/aurora-immigration-court-address-jurisdiction-and-filing',
    retrieved: READ,
    what: '3130 North Oakland Street, Aurora, Colorado 80010.',
  },
  'legalclarity-baltimore': {
    ref: 'https://legalclarity.org/baltimore-immigration-court-location-and-filing-procedures',
    retrieved: READ,
    what: 'George Fallon Federal Building, 31 Hopkins Plaza, Room 440, Baltimore, MD 21201.',
  },
  'immigrationcases-baltimore': {
    ref: 'https://www.immigrationcases.org/baltimore-immigration-court/',
    retrieved: READ,
    what: 'George Fallon Federal Building, 31 Hopkins Plaza, Rm. 440, Baltimore, MD 21201.',
  },
  'lawfirm4immigrants-buffalo': {
    ref: 'https://www.lawfirm4immigrants.com/immigration-court-buffalo-ny/',
    retrieved: READ,
    what: '130 Delaware Avenue, Suite 300, Buffalo, NY 14202.',
  },
  'legalclarity-chicago': {
    ref: 'https://legalclarity.org/chicago-immigration-court-location-jurisdiction-and-filing',
    retrieved: READ,
    what: '55 E. Monroe St., Suite 1500, Chicago, IL 60603.',
  },
  'injusticewatch-chicago': {
    ref: 'https://ciceroindependiente.com/english/cicero-news-immigration-court-chicago',
    retrieved: READ,
    what: "Injustice Watch (2025): Chicago's immigration court is on the 15th floor at 55 E. Monroe St.",
  },
  'legalclarity-concord': {
    ref: 'https://legalclarity.org/concord-immigration-court-location-and-filing-procedures',
    retrieved: READ,
    what: '1855 Gateway Boulevard, Suite 850, Concord, California.',
  },
  'legalclarity-hyattsville': {
    ref: 'https://legalclarity.org/hyattsville-immigration-court-location-and-procedures',
    retrieved: READ,
    what: '3311 Toledo Road, Suite 105, Hyattsville, Maryland 20782.',
  },
  'legalclarity-orlando': {
    ref: 'https://legalclarity.org/orlando-immigration-court-location-contact-and-procedures',
    retrieved: READ,
    what: '500 N. Orange Avenue, Suite 1100, Orlando, FL 32801 (citing the EOIR Orlando page).',
  },
  'fl-blog-orlando': {
    ref: 'https://floridaimmigrationlawyerblog.com/amp/the-new-orlando-immigration-court-has-opened-i-went-there-and-here-is-what-i-learned',
    retrieved: READ,
    what: 'Report of the move of the Orlando court to 500 N. Orange Avenue, Suite 1100, Orlando, Florida 32801.',
  },
  'legalclarity-sterling': {
    ref: 'https://legalclarity.org/eoir-sterling-immigration-court-location-and-procedures',
    retrieved: READ,
    what: '21400 Ridgetop Circle, Suite 200, Sterling, VA 20166.',
  },
  'legalclarity-los-angeles': {
    ref: 'https://legalclarity.org/los-angeles-immigration-court-locations-and-procedures',
    retrieved: READ,
    what: 'West Los Angeles at 5245 Pacific Concourse Drive; Van Nuys at 6230 Van Nuys Blvd., 3rd Floor, Suite 300, Van Nuys, CA 91401.',
  },
  'sinfronteras-la': {
    ref: 'https://sinfronteras.llc/news/nueva-corte-de-inmigracion-en-los-angeles/?lang=en',
    retrieved: READ,
    what: 'EOIR opened the West Los Angeles Immigration Court on 2024-05-06 and closed Los Angeles - Olive Street on 2024-04-17.',
  },
  'eoir-opstatus-fixture': {
    ref: 'GitHub code index file id 61376216675 (test over a trimmed saved copy of justice.gov/eoir/immigration-court-operational-status; repository not named by the index)',
    retrieved: READ,
    what: 'Saved EOIR operational-status rows: Adelanto (CA 92301) open, Atlanta - W. Peachtree Street open, Saipan closed.',
  },
  'eoir-memphis-page': {
    ref: 'https://www.justice.gov/eoir/memphis-immigration-court',
    retrieved: READ,
    what: 'Stored copies give 80 Monroe Avenue, Suite 501, Memphis, TN 38103 (and a Louisville docket address); newer secondary sources give Lower Level Suite G-10.',
  },
  'missionlocal-sf': {
    ref: 'https://missionlocal.org/2026/01/s-f-immigration-court-closure',
    retrieved: '2026-01-06',
    what: 'The San Francisco court at 100 Montgomery St. closes by January 2027; staff and cases move to Concord from summer 2026.',
  },
  'indianalawyer-indianapolis': {
    ref: 'https://theindianalawyer.com/articles/new-federal-immigration-court-poised-to-open-monday-in-indianapolis',
    retrieved: READ,
    what: 'Indianapolis Immigration Court opened January 2025 in the Minton-Capehart Federal Building, 575 N. Pennsylvania St., Suite 617.',
  },
  'lgilawyers-annandale': {
    ref: 'https://lgilawyers.com/?p=159633',
    retrieved: READ,
    what: "Annandale Immigration Court, 7619 Little River Turnpike, Suite 400, Annandale, VA 22003, 'inherited the WAS docket designation' from Arlington.",
  },
  'eoir-portland-page': {
    ref: 'https://www.justice.gov/eoir/portland-immigration-court',
    retrieved: READ,
    what: 'Portland Immigration Court, 1220 SW 3rd Avenue, Suite 500, Portland, OR 97204.',
  },
  'eoir-atlanta-wp-page': {
    ref: 'https://www.justice.gov/eoir/atlanta-w-peachtree-street',
    retrieved: READ,
    what: 'Atlanta - W. Peachtree Street, Peachtree Summit Federal Building, 401 W. Peachtree Street, Suite 2600, Atlanta, GA 30308.',
  },
  'eoir-atl-page': {
    ref: 'http://www.justice.gov/eoir/sibpages/atl/atlmain.htm',
    retrieved: READ,
    what: 'Older EOIR page under the code path atl: U.S. Immigration Court, 180 Spring Street, SW, Suite 241, Atlanta, GA 30303 (the street since renamed Ted Turner Drive).',
  },
  'eoir-nla-page': {
    ref: 'https://www.justice.gov/eoir/los-angeles-n-los-angeles-street-immigration-court',
    retrieved: READ,
    what: 'Los Angeles - N. Los Angeles Street Immigration Court, 300 North Los Angeles Street, Room 4330, Los Angeles, CA 90012.',
  },
} as const satisfies Record<string, CourtSource>;

export type SourceId = keyof typeof SOURCES;

/** The Board: the address of its Clerk's Office, where filings go. */
const BIA: Court = {
  name: 'Board of Immigration Appeals',
  code: 'BIA',
  kind: 'bia',
  address: { street: '5107 Leesburg Pike', street2: 'Suite 2000', city: 'Falls Church', state: 'VA', zip: '22041' },
  timeZone: 'America/New_York',
  aliases: ['BIA', 'the Board', 'Board'],
  confidence: { code: 'high', address: 'high' },
  sources: ['eoir-bia-pm-7-1', 'hoppock-bia', 'eoir-ref-9-2', 'eoir-foia-lookups'],
};

/** Immigration courts, alphabetical by name. */
const IMMIGRATION_COURTS: readonly Court[] = [
  {
    name: 'Adelanto Immigration Court',
    code: 'ADL',
    kind: 'immigration-court',
    address: { street: '10250 Rancho Road', street2: 'Suite 201A', city: 'Adelanto', state: 'CA', zip: '92301' },
    timeZone: 'America/Los_Angeles',
    detained: true,
    confidence: { code: 'medium', address: 'high' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-adelanto-fixture', 'legalclarity-adelanto', 'eoir-foia-lookups'],
  },
  {
    name: 'Aurora Immigration Court',
    code: 'AUR',
    kind: 'immigration-court',
    address: { street: '3130 North Oakland Street', city: 'Aurora', state: 'CO', zip: '80010' },
    timeZone: 'America/Denver',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'legalclarity-aurora', 'eoir-foia-lookups'],
  },
  {
    name: 'Baltimore Immigration Court',
    code: 'BAL',
    kind: 'immigration-court',
    address: { street: '31 Hopkins Plaza', street2: 'Rm. 440', city: 'Baltimore', state: 'MD', zip: '21201' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'legalclarity-baltimore', 'immigrationcases-baltimore', 'eoir-foia-lookups'],
  },
  {
    name: 'Batavia Immigration Court',
    code: 'BTV',
    kind: 'immigration-court',
    address: { street: '4250 Federal Drive', street2: 'Room F108', city: 'Batavia', state: 'NY', zip: '14020' },
    timeZone: 'America/New_York',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Boston Immigration Court',
    code: 'BOS',
    kind: 'immigration-court',
    address: { street: '15 New Sudbury Street', street2: 'Room 320', city: 'Boston', state: 'MA', zip: '02203' },
    timeZone: 'America/New_York',
    confidence: { code: 'high', address: 'high' },
    sources: ['eoir-bos-page', 'court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Buffalo Immigration Court',
    code: 'BUF',
    kind: 'immigration-court',
    address: { street: '130 Delaware Avenue', street2: 'Suite 300', city: 'Buffalo', state: 'NY', zip: '14202' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'lawfirm4immigrants-buffalo', 'eoir-foia-lookups'],
  },
  {
    name: 'Charlotte Immigration Court',
    code: 'CHL',
    kind: 'immigration-court',
    address: { street: '5701 Executive Center Drive', street2: 'Suite 400', city: 'Charlotte', state: 'NC', zip: '28212' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Chicago Immigration Court',
    code: 'CHI',
    kind: 'immigration-court',
    address: { street: '55 E. Monroe St.', street2: 'Suite 1500', city: 'Chicago', state: 'IL', zip: '60603' },
    timeZone: 'America/Chicago',
    confidence: { code: 'high', address: 'medium' },
    sources: ['court-catalog', 'legalclarity-chicago', 'injusticewatch-chicago', 'immigrationjo-rop', 'eoir-foia-lookups'],
    note:
      'The older listing copies (listing-seeder, listing-react) give 525 West Van Buren Street, Suite 500, Chicago, IL 60607; the 2025-2026 sources agree on 55 E. Monroe, 15th floor, so the court is taken to have moved.',
  },
  {
    name: 'Cleveland Immigration Court',
    code: 'CLE',
    kind: 'immigration-court',
    address: { street: '801 W. Superior Avenue', street2: 'Suite 13-100', city: 'Cleveland', state: 'OH', zip: '44113' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
    note:
      'In the EOIR hearing-location table the code CLE is labelled "Arlington, Virginia" (a legacy row) while the per-base-city row "IAD HLOC -CLE, OHIO" and the Cleveland docket rows tie CLE to Cleveland; code kept at medium.',
  },
  {
    name: 'Concord Immigration Court',
    code: 'CCC',
    kind: 'immigration-court',
    address: { street: '1855 Gateway Boulevard', street2: 'Ste 850', city: 'Concord', state: 'CA', zip: '94520' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'legalclarity-concord', 'eoir-foia-lookups'],
  },
  {
    name: 'Conroe Immigration Court',
    code: 'CIC',
    kind: 'immigration-court',
    address: { street: '806 Hilbig Road', street2: 'Suite 2-300, 2nd Floor', city: 'Conroe', state: 'TX', zip: '77301' },
    timeZone: 'America/Chicago',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Dallas Immigration Court',
    code: 'DAL',
    kind: 'immigration-court',
    address: { street: '1100 Commerce Street', street2: 'Suite 1060', city: 'Dallas', state: 'TX', zip: '75242' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
    note:
      'listing-react gives "Room 1060" for the same unit; the newer court-catalog\'s "Suite 1060" is kept.',
  },
  {
    name: 'Denver Immigration Court',
    code: 'DEN',
    kind: 'immigration-court',
    address: { street: '1961 Stout Street', street2: 'Suite 3101', city: 'Denver', state: 'CO', zip: '80294' },
    timeZone: 'America/Denver',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Detroit Immigration Court',
    code: 'DET',
    kind: 'immigration-court',
    address: { street: '477 Michigan Avenue', street2: 'Suite 440', city: 'Detroit', state: 'MI', zip: '48226' },
    timeZone: 'America/Detroit',
    confidence: { code: 'high', address: 'high' },
    sources: ['eoir-det-page', 'court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'El Paso Immigration Court',
    code: 'ELP',
    kind: 'immigration-court',
    address: { street: '700 E. San Antonio Avenue', street2: 'Suite 750', city: 'El Paso', state: 'TX', zip: '79901' },
    timeZone: 'America/Denver',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'El Paso Service Processing Center Immigration Court',
    code: 'EPD',
    kind: 'immigration-court',
    address: { street: '8915 Montana Avenue', street2: 'Suite 100', city: 'El Paso', state: 'TX', zip: '79925' },
    timeZone: 'America/Denver',
    detained: true,
    aliases: ['El Paso SPC'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Elizabeth Immigration Court',
    code: 'ELZ',
    kind: 'immigration-court',
    address: { street: '625 Evans Street', street2: 'Room 148A', city: 'Elizabeth', state: 'NJ', zip: '07201' },
    timeZone: 'America/New_York',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Eloy Immigration Court',
    code: 'ELO',
    kind: 'immigration-court',
    address: { street: '1705 E. Hanna Road', street2: 'Suite 366', city: 'Eloy', state: 'AZ', zip: '85131' },
    timeZone: 'America/Phoenix',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Florence Immigration Court',
    code: 'FLO',
    kind: 'immigration-court',
    address: { street: '3260 N. Pinal Parkway Avenue', city: 'Florence', state: 'AZ', zip: '85132' },
    timeZone: 'America/Phoenix',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Fort Snelling Immigration Court',
    code: 'BLM',
    kind: 'immigration-court',
    address: { street: '1 Federal Drive', street2: 'Suite 1850', city: 'Fort Snelling', state: 'MN', zip: '55111' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
    note:
      'The code is the legacy base-city code BLM (Bloomington), which the EOIR tables label "Fort Snelling".',
  },
  {
    name: 'Guaynabo (San Juan) Immigration Court',
    code: 'SAJ',
    kind: 'immigration-court',
    address: { street: '#7 Tabonuco Street', street2: 'Room 401', city: 'Guaynabo', state: 'PR', zip: '00968-4605' },
    timeZone: 'America/Puerto_Rico',
    aliases: ['Guaynabo', 'San Juan'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
    note:
      'The code is the legacy base-city code SAJ (San Juan), which the EOIR tables label "San Juan, Puerto Rico" and "Guaynabo".',
  },
  {
    name: 'Harlingen Immigration Court',
    code: 'HLG',
    kind: 'immigration-court',
    address: { street: '2009 West Jefferson Avenue', street2: 'Suite 300', city: 'Harlingen', state: 'TX', zip: '78550' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Hartford Immigration Court',
    code: 'HAR',
    kind: 'immigration-court',
    address: { street: '450 Main Street', street2: 'Suite 628', city: 'Hartford', state: 'CT', zip: '06103-3015' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Honolulu Immigration Court',
    code: 'HON',
    kind: 'immigration-court',
    address: { street: '300 Ala Moana Blvd.', street2: 'Rm. 8-112', city: 'Honolulu', state: 'HI', zip: '96850' },
    timeZone: 'Pacific/Honolulu',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Houston - Greenspoint Park Immigration Court',
    code: 'HGP',
    kind: 'immigration-court',
    address: { street: '16800 Greenspoint Park Drive', street2: '2nd Floor', city: 'Houston', state: 'TX', zip: '77060' },
    timeZone: 'America/Chicago',
    aliases: ['Houston Greenspoint Park'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Houston - S. Gessner Road Immigration Court',
    code: 'HSG',
    kind: 'immigration-court',
    address: { street: '8701 S. Gessner Road', street2: '10th Floor', city: 'Houston', state: 'TX', zip: '77074' },
    timeZone: 'America/Chicago',
    aliases: ['Houston S. Gessner Road', 'Houston S. Gessner'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Hyattsville Immigration Court',
    code: 'HYA',
    kind: 'immigration-court',
    address: { street: '3311 Toledo Road', street2: 'Suite 105', city: 'Hyattsville', state: 'MD', zip: '20782' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'legalclarity-hyattsville', 'eoir-2022-hya-lrd', 'eoir-foia-lookups'],
    note:
      'EOIR\'s opening announcement (2022-02-25) gave Suite 100; the later sources agree on Suite 105, which is kept.',
  },
  {
    name: 'Imperial Immigration Court',
    code: 'IMP',
    kind: 'immigration-court',
    address: { street: '2409 La Brucherie Road', city: 'Imperial', state: 'CA', zip: '92251' },
    timeZone: 'America/Los_Angeles',
    detained: true,
    confidence: { code: 'medium', address: 'high' },
    sources: ['eoir-el-centro-notice', 'court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Kansas City Immigration Court',
    code: 'KAN',
    kind: 'immigration-court',
    address: { street: '2345 Grand Boulevard', street2: 'Suite 525', city: 'Kansas City', state: 'MO', zip: '64108' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Laredo Immigration Court',
    code: 'LRO',
    kind: 'immigration-court',
    address: { street: '1406 Jacaman Road', street2: 'Suite B', city: 'Laredo', state: 'TX', zip: '78041' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'eoir-2022-hya-lrd', 'laredo-repo', 'eoir-foia-lookups'],
    note:
      'EOIR\'s opening announcement gives the street and ZIP without a suite; "Suite B" is from two later secondary sources.',
  },
  {
    name: 'LaSalle Immigration Court',
    code: 'JNA',
    kind: 'immigration-court',
    address: { street: '830 Pine Hill Road', street2: 'P.O. Box 2179', city: 'Jena', state: 'LA', zip: '71342' },
    timeZone: 'America/Chicago',
    detained: true,
    aliases: ['Jena'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Las Vegas Immigration Court',
    code: 'LVG',
    kind: 'immigration-court',
    address: { street: '110 North City Parkway', street2: 'Suite 400', city: 'Las Vegas', state: 'NV', zip: '89106' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Los Angeles - Van Nuys Boulevard Immigration Court',
    code: 'VNS',
    kind: 'immigration-court',
    address: { street: '6230 Van Nuys Blvd.', street2: '3rd Floor, Suite 300', city: 'Van Nuys', state: 'CA', zip: '91401' },
    timeZone: 'America/Los_Angeles',
    aliases: ['Van Nuys'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'legalclarity-los-angeles', 'eoir-foia-lookups'],
  },
  {
    name: 'Miami Immigration Court',
    code: 'MIA',
    kind: 'immigration-court',
    address: { street: '333 S. Miami Avenue', street2: 'Suite 700', city: 'Miami', state: 'FL', zip: '33130' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Miami Krome Immigration Court',
    code: 'KRO',
    kind: 'immigration-court',
    address: { street: '18201 SW 12th Street', city: 'Miami', state: 'FL', zip: '33194' },
    timeZone: 'America/New_York',
    detained: true,
    aliases: ['Krome'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'New Orleans Immigration Court',
    code: 'NOL',
    kind: 'immigration-court',
    address: { street: '365 Canal Street', street2: 'Suite 500', city: 'New Orleans', state: 'LA', zip: '70130' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'New York - Broadway Immigration Court',
    code: 'NYB',
    kind: 'immigration-court',
    address: { street: '290 Broadway', street2: '15th Floor', city: 'New York', state: 'NY', zip: '10007' },
    timeZone: 'America/New_York',
    aliases: ['New York Broadway'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'New York - Federal Plaza Immigration Court',
    code: 'NYC',
    kind: 'immigration-court',
    address: { street: '26 Federal Plaza', street2: '12th Floor, Room 1237', city: 'New York', state: 'NY', zip: '10278' },
    timeZone: 'America/New_York',
    aliases: ['New York Federal Plaza'],
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
    note:
      'The code NYC is labelled "New York City" in the EOIR tables; its detained-juvenile row reads "New York City - Federal Plaza", which ties it to this court.',
  },
  {
    name: 'Newark Immigration Court',
    code: 'NEW',
    kind: 'immigration-court',
    address: { street: '970 Broad Street', street2: 'Room 1200', city: 'Newark', state: 'NJ', zip: '07102' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
    note:
      'listing-react gives "Suite 1200" for the same unit; the newer court-catalog\'s "Room 1200" is kept.',
  },
  {
    name: 'Oakdale Immigration Court',
    code: 'OAK',
    kind: 'immigration-court',
    address: { street: '1900 E. Whatley Road', city: 'Oakdale', state: 'LA', zip: '71463' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Omaha Immigration Court',
    code: 'OMA',
    kind: 'immigration-court',
    address: { street: '1717 Avenue H', street2: 'Suite 100', city: 'Omaha', state: 'NE', zip: '68110' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Orlando Immigration Court',
    code: 'ORL',
    kind: 'immigration-court',
    address: { street: '500 N. Orange Ave', street2: 'Suite 1100', city: 'Orlando', state: 'FL', zip: '32801' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'legalclarity-orlando', 'fl-blog-orlando', 'eoir-foia-lookups'],
    note:
      'The older listing copies give 3535 Lawton Road, Suite 200, Orlando, FL 32803; a practitioner\'s report of the move and the later sources agree on 500 N. Orange Avenue.',
  },
  {
    name: 'Otero Immigration Court',
    code: 'OTO',
    kind: 'immigration-court',
    address: { street: '26 McGregor Range Road', street2: 'Door #1', city: 'Chaparral', state: 'NM', zip: '88081' },
    timeZone: 'America/Denver',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Pearsall Immigration Court',
    code: 'PSD',
    kind: 'immigration-court',
    address: { street: '566 Veterans Drive', city: 'Pearsall', state: 'TX', zip: '78061' },
    timeZone: 'America/Chicago',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Philadelphia Immigration Court',
    code: 'PHI',
    kind: 'immigration-court',
    address: { street: '900 Market Street', street2: 'Suite 504', city: 'Philadelphia', state: 'PA', zip: '19107' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Phoenix Immigration Court',
    code: 'PHO',
    kind: 'immigration-court',
    address: { street: '250 N. Seventh Ave.', street2: 'Suite 300', city: 'Phoenix', state: 'AZ', zip: '85007' },
    timeZone: 'America/Phoenix',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Sacramento Immigration Court',
    code: 'SMO',
    kind: 'immigration-court',
    address: { street: '650 Capitol Mall', street2: 'Suite 4-200', city: 'Sacramento', state: 'CA', zip: '95814' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Salt Lake City Immigration Court',
    code: 'SLC',
    kind: 'immigration-court',
    address: { street: '2975 South Decker Lake Drive', street2: '# 200', city: 'West Valley City', state: 'UT', zip: '84119-6094' },
    timeZone: 'America/Denver',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'San Antonio Immigration Court',
    code: 'SNA',
    kind: 'immigration-court',
    address: { street: '800 Dolorosa Street', street2: 'Suite 300', city: 'San Antonio', state: 'TX', zip: '78207' },
    timeZone: 'America/Chicago',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
    note:
      'listing-seeder also lists a second San Antonio address (106 S. St. Mary\'s Street); only the Dolorosa address is in every source.',
  },
  {
    name: 'San Diego Immigration Court',
    code: 'SND',
    kind: 'immigration-court',
    address: { street: '880 Front Street', street2: 'Suite 4240', city: 'San Diego', state: 'CA', zip: '92101' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
    note:
      'listing-react (older) gives 401 West A Street, Suite 800; the newer sources agree on 880 Front Street.',
  },
  {
    name: 'Santa Ana Immigration Court',
    code: 'SNC',
    kind: 'immigration-court',
    address: { street: '1241 E. Dyer Road', street2: 'Suite 200', city: 'Santa Ana', state: 'CA', zip: '92705' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'santa-ana-repo', 'eoir-foia-lookups'],
  },
  {
    name: 'Seattle Immigration Court',
    code: 'SEA',
    kind: 'immigration-court',
    address: { street: '915 2nd Ave.', street2: 'Suite 613', city: 'Seattle', state: 'WA', zip: '98174' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
    note:
      'listing-react (older) gives 1000 Second Avenue, Suite 2500, 98104; the newer sources agree on 915 2nd Avenue.',
  },
  {
    name: 'Sterling Immigration Court',
    code: 'STE',
    kind: 'immigration-court',
    address: { street: '21400 Ridgetop Circle', street2: 'Suite 200', city: 'Sterling', state: 'VA', zip: '20166' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'legalclarity-sterling', 'eoir-foia-lookups'],
  },
  {
    name: 'Stewart Immigration Court',
    code: 'SDC',
    kind: 'immigration-court',
    address: { street: '146 CCA Road', street2: 'PO Box 248', city: 'Lumpkin', state: 'GA', zip: '31815' },
    timeZone: 'America/New_York',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'Tacoma Immigration Court',
    code: 'TAC',
    kind: 'immigration-court',
    address: { street: '1623 East J Street', street2: 'Suite 3', city: 'Tacoma', state: 'WA', zip: '98421' },
    timeZone: 'America/Los_Angeles',
    detained: true,
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Tucson Immigration Court',
    code: 'TUC',
    kind: 'immigration-court',
    address: { street: '300 West Congress', street2: 'Suite 300', city: 'Tucson', state: 'AZ', zip: '85701' },
    timeZone: 'America/Phoenix',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'listing-react', 'eoir-foia-lookups'],
  },
  {
    name: 'Ulster Immigration Court',
    code: 'ULS',
    kind: 'immigration-court',
    address: { street: '750 Berme Road', street2: 'PO Box 800', city: 'Napanoch', state: 'NY', zip: '12458' },
    timeZone: 'America/New_York',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'listing-seeder', 'eoir-foia-lookups'],
  },
  {
    name: 'West Los Angeles Immigration Court',
    code: 'WLA',
    kind: 'immigration-court',
    address: { street: '5245 Pacific Concourse Drive', city: 'Los Angeles', state: 'CA', zip: '90045' },
    timeZone: 'America/Los_Angeles',
    confidence: { code: 'medium', address: 'medium' },
    sources: ['court-catalog', 'legalclarity-los-angeles', 'sinfronteras-la', 'eoir-foia-lookups'],
  },
];

/**
 * Courts left out, and why. None of them may be added back by inference: each needs the missing
 * fact from ICPM Appendix Q or the court's own justice.gov page.
 */
const LEFT_OUT: readonly LeftOutCourt[] = [
  {
    name: 'Annandale Immigration Court',
    reason:
      "Two candidate codes: EOIR's tables have both ANN and WAS for Annandale (WAS is the legacy Arlington code the court inherited); Appendix Q not available to settle which the ROP mailbox uses.",
  },
  {
    name: 'Atlanta - Ted Turner Drive Immigration Court',
    reason:
      "Code conflict: EOIR's older court page filed 180 Spring Street SW, Suite 241 (now Ted Turner Drive) under the code ATL, while the current docket tables pair Ted Turner Drive with ATD.",
  },
  {
    name: 'Atlanta - W. Peachtree Street Immigration Court',
    reason:
      'Code conflict (see Ted Turner Drive): ATL may belong to either Atlanta court; the address (401 W. Peachtree Street, Suite 2600, Atlanta, GA 30308) is confirmed by its justice.gov page.',
  },
  {
    name: 'Chelmsford Immigration Court',
    reason:
      "Two candidate codes: EOIR's tables label both CHE and LOW (the court opened in 2024 as 'Lowell') as Chelmsford.",
  },
  {
    name: 'Portland Immigration Court',
    reason:
      "Two candidate codes: EOIR's tables have both POO and POR as 'Portland, Oregon'; the address (1220 SW 3rd Avenue, Suite 500, Portland, OR 97204) is confirmed by its justice.gov page.",
  },
  {
    name: 'Port Isabel Immigration Court',
    reason: "Two candidate codes: EOIR's tables have both PIS and PEP as the Port Isabel Service Processing Center.",
  },
  {
    name: 'Los Angeles - N. Los Angeles Street Immigration Court',
    reason:
      "Two candidate codes: NLA ('Los Angeles - North Los Angeles Street') and LAD ('Los Angeles Detained'); the address (300 North Los Angeles Street, Room 4330, Los Angeles, CA 90012) is confirmed by its justice.gov page.",
  },
  {
    name: 'New York - Varick Immigration Court',
    reason: "Two candidate codes: NYV ('New York Varick') and NYD ('New York Service Processing Center (Varick St)').",
  },
  {
    name: 'Otay Mesa Immigration Court',
    reason:
      'Address conflict: court-catalog gives P.O. Box 438150, San Ysidro, CA 92143-8150; the listing copy gives 7488 Calzada de la Fuente, San Diego, CA 92154.',
  },
  {
    name: 'Memphis Immigration Court',
    reason:
      "Address conflict inside 80 Monroe Avenue, Memphis, TN 38103: justice.gov copies say Suite 501, newer secondary sources say Lower Level Suite G-10; the stored justice.gov copies are undated.",
  },
  {
    name: 'Indianapolis Immigration Court',
    reason:
      'Address conflict: court-catalog gives 950 N. Meridian Street, Suite 185 (46204); the January 2025 opening reports give the Minton-Capehart Federal Building, 575 N. Pennsylvania St., Suite 617.',
  },
  {
    name: 'San Francisco Immigration Court',
    reason:
      '100 Montgomery Street is closing by January 2027 and its cases are being reassigned to Concord from summer 2026; a filing address there cannot be relied on.',
  },
  {
    name: 'Houston Immigration Court',
    reason: 'No current address in two sources (the listing copies give 1801 and 1919 Smith Street; EOIR tables name 500 Jefferson Street).',
  },
  {
    name: 'Houston Service Processing Center Immigration Court',
    reason: 'Only one, older source for the address (5520 Greens Road, Houston, TX 77032).',
  },
  {
    name: 'Louisville Immigration Court',
    reason:
      'Filings for the Louisville docket go by mail to the Memphis court (Attn: Louisville Docket); only one source for a Louisville address, and Memphis itself is left out.',
  },
  {
    name: 'Saipan Immigration Court',
    reason: 'Listed as closed in a saved EOIR operational-status page (eoir-opstatus-fixture); only one, older address source.',
  },
  {
    name: 'Hagåtña (Guam) hearing location',
    reason: 'A base-city code (AGA) exists but no source gives a filing address.',
  },
  {
    name: 'Fort Worth Immigration Adjudication Center',
    reason: 'Only one source for the address (819 Taylor Street, Fort Worth, TX 76102).',
  },
  {
    name: 'Falls Church Immigration Adjudication Center',
    reason: 'No source gives it a public filing address of its own, and it is not in the 2026 catalogue.',
  },
  {
    name: 'York Immigration Court',
    reason: 'Only one, older source (3400 Concord Road, York, PA 17402); not in the 2026 catalogue.',
  },
  {
    name: 'Richmond (Headquarters) Immigration Court',
    reason: 'Only one, older source for a filing address.',
  },
  {
    name: 'Arlington, Los Angeles - Olive Street, El Centro, Lancaster, Downstate (Fishkill) immigration courts',
    reason: 'Closed (Arlington 2022, Olive Street 2024, El Centro 2014, Lancaster 2012); their cases moved to other courts.',
  },
];

export const COURT_DATA: CourtDataset = {
  source: Object.values(SOURCES).map((s) => s.ref),
  retrieved: READ,
  note:
    'Codes: from EOIR base-city table, tied to courts through EOIR hearing-location rows; "high" only with a second independent source, since ICPM Appendix Q was not available. ' +
    'Addresses: filing addresses as listed, building names omitted; "high" where a justice.gov page agrees, "medium" where only secondary sources agree. ' +
    'Re-check against justice.gov/eoir (court pages) and ICPM Appendix Q before relying on a "medium" value. Stored copies were read on the retrieved date; see SOURCES for dates the sources state.',
  courts: [...IMMIGRATION_COURTS, BIA],
  leftOut: LEFT_OUT,
};
