/**
 * Where each agency's records are asked for, and what to ask for (domain reference 4.1-4.7).
 * Addresses and portals change: each entry carries its source and a confidence, and a letter
 * built on a medium- or low-confidence address tells the user to confirm it before sending.
 * Change an address here; nothing else holds one.
 */
import type { Agency } from '../../case/schema.js';
import type { Confidence } from '../ruling.js';

export interface AgencyOffice {
  /** The office as a letter addresses it, line by line. */
  lines: readonly string[];
  email?: string;
  /** The agency's online route, named so the filer can use it instead of mail. */
  online?: string;
  /** The agency as prose names it ("U.S. Citizenship and Immigration Services"). */
  name: string;
  /** Its short name ("USCIS"). */
  short: string;
  /** Prose puts "the" before the name ("the Executive Office for Immigration Review"). */
  the?: true;
  /** DHS components and DOJ components accept different expedite grounds (reference 4.3). */
  department: 'DHS' | 'DOJ' | 'State';
  source: string;
  confidence: Confidence;
}

/** The agency as a sentence names it: "U.S. Immigration and Customs Enforcement", "the Federal Bureau of Investigation". */
export function agencyInProse(office: AgencyOffice): string {
  return `${office.the ? 'the ' : ''}${office.name}`;
}

export const AGENCY_OFFICES: Readonly<Record<Agency, AgencyOffice>> = {
  uscis: {
    name: 'U.S. Citizenship and Immigration Services',
    short: 'USCIS',
    lines: ['U.S. Citizenship and Immigration Services', 'National Records Center, FOIA/PA Office', 'P.O. Box 648010', "Lee's Summit, MO 64064-8010"],
    email: 'uscis.foia@uscis.dhs.gov',
    online: 'the USCIS FIRST online FOIA system',
    department: 'DHS',
    source: 'Domain reference 4.1 (G-639 instructions; USCIS FOIA page)',
    confidence: 'high',
  },
  ice: {
    name: 'U.S. Immigration and Customs Enforcement',
    short: 'ICE',
    lines: ['Freedom of Information Act Office', 'U.S. Immigration and Customs Enforcement', '500 12th Street SW, Stop 5009', 'Washington, DC 20536-5009'],
    email: 'ICE-FOIA@dhs.gov',
    online: 'the DHS FOIA portal',
    department: 'DHS',
    source: 'Domain reference 4.1 (foia.wiki; OGIS blog)',
    confidence: 'high',
  },
  cbp: {
    name: 'U.S. Customs and Border Protection',
    short: 'CBP',
    lines: ['FOIA Division', 'U.S. Customs and Border Protection', '90 K Street NE, MS 1181', 'Washington, DC 20229'],
    online: 'the DHS FOIA portal or CBP SecureRelease',
    department: 'DHS',
    source: 'cbp.gov FOIA FAQ (90 K St NE MS 1181); another CBP page gives 1300 Pennsylvania Avenue NW, Mail Stop 1181: CBP asks for the online portal instead of mail',
    confidence: 'medium',
  },
  obim: {
    name: 'Office of Biometric Identity Management',
    the: true,
    short: 'OBIM',
    lines: ['FOIA Officer', 'Office of Biometric Identity Management', 'U.S. Department of Homeland Security', '245 Murray Lane SW', 'Washington, DC 20598-0628'],
    online: 'the DHS FOIA portal',
    department: 'DHS',
    source: 'not confirmed against a current OBIM source (reference 4.1 names only the component); file through the DHS FOIA portal, or confirm the address before mailing',
    confidence: 'low',
  },
  eoir: {
    name: 'Executive Office for Immigration Review',
    the: true,
    short: 'EOIR',
    lines: ['Office of the General Counsel', 'Attn: FOIA Service Center', 'Executive Office for Immigration Review', '5107 Leesburg Pike, Suite 2150', 'Falls Church, VA 22041'],
    email: 'EOIR.FOIARequests@usdoj.gov',
    online: 'the EOIR Public Access Link (PAL)',
    department: 'DOJ',
    source: 'EOIR, "How to Submit a FOIA Request" (Suite 2150; the EOIR Policy Manual 2.2(c) gives Suite 1903); reference 4.1',
    confidence: 'medium',
  },
  state: {
    name: 'U.S. Department of State',
    the: true,
    short: 'Department of State',
    lines: ['Office of Information Programs and Services', 'A/GIS/IPS, SA-2', 'U.S. Department of State', '515 22nd Street NW', 'Washington, DC 20522-8100'],
    online: "the Department of State's FOIA request portal",
    department: 'State',
    source: 'Department of State FOIA Annual Report FY2018 ("Making a FOIA request"); 81 Fed. Reg. 62235 (2016) gives the street address; the reference gives none',
    confidence: 'medium',
  },
  fbi: {
    name: 'Federal Bureau of Investigation',
    the: true,
    short: 'FBI',
    lines: ['FBI CJIS Division \u2013 Summary Request', '1000 Custer Hollow Road', 'Clarksburg, WV 26306'],
    online: 'the FBI Electronic Departmental Order (eDO) website, with fingerprints taken at a participating post office',
    department: 'DOJ',
    source: 'FBI CJIS "Challenging FBI Identity History Summary Information" (Clarksburg, WV 26306) and Identity History Summary FAQ; the street address is not confirmed there: confirm it before mailing, or use eDO',
    confidence: 'medium',
  },
};

/**
 * The records each agency holds about a person in removal proceedings, as a FOIA practitioner
 * describes them so the agency can search (reference 4.1; the item 7).
 */
export const RECORDS_WANTED: Readonly<Record<Agency, readonly string[]>> = {
  uscis: [
    'the complete Alien File (A-file), including every application, petition and supporting document, every sworn statement and record of interview, and every Form I-213 (Record of Deportable/Inadmissible Alien)',
    'the charging documents (Notice to Appear or Order to Show Cause) and every notice of hearing in the file',
    'every decision, notice and order issued to the subject or about the subject, including approval and denial notices',
    'every record of the subject\'s entries, admissions and departures held in the A-file',
  ],
  ice: [
    'every Form I-213 (Record of Deportable/Inadmissible Alien) and every Form I-286, I-200, I-205 and I-247 about the subject',
    'the subject\'s records in the Enforcement Integrated Database (EID), including ENFORCE and EARM, and every detention, transfer and release record',
    'every record of the subject\'s arrest, custody reviews and check-ins, every order of release on recognizance or supervision (Forms I-220A and I-220B) and every warning for failure to depart (Form I-229(a))',
    'every travel-document request to, and communication with, the government of the country of removal about the subject\'s return, and every record of the scheduling of the subject\'s removal',
  ],
  cbp: [
    'every record of the subject\'s entries to and departures from the United States, including TECS and Arrival and Departure Information System (ADIS) records and Forms I-94',
    'every Form I-213 and every sworn statement (Form I-867A/B) made at a port of entry or at the border',
    'every record of secondary inspection or other encounter with CBP',
  ],
  obim: [
    'the subject\'s complete encounter history in the Automated Biometric Identification System (IDENT), with the date, place and agency of each encounter',
    'every fingerprint record and photograph of the subject held in IDENT, with its source',
  ],
  eoir: [
    'the complete record of proceedings, including every filing, notice, order and decision',
    'the audio recording (tape or digital) of every hearing, in its original format',
    'every notice of hearing, with the address to which it was sent and the method of service',
    'every change-of-address form (Form EOIR-33) received',
  ],
  state: [
    'every visa application (including Forms DS-156, DS-160 and DS-230) and every record of its adjudication',
    'every record of the subject\'s passport, travel document or consular contact held by the Department',
  ],
  fbi: [],
};

/** What a FOIA requester agrees to pay and asks about fees (reference 4.5). */
export const FOIA_FEES = {
  category: 'an "all other" requester, entitled to two hours of search time and 100 pages of duplication without charge',
  citation: '5 U.S.C. 552(a)(4)(A)(ii)(III), (iv)(II)',
  confidence: 'medium' as Confidence,
};

/** The expedite grounds each department accepts (reference 4.3). */
export const EXPEDITE = {
  DHS: {
    citation: '6 C.F.R. 5.5(e)(1)(i); 5 U.S.C. 552(a)(6)(E)',
    grounds: ['imminent threat to life or physical safety'],
    confidence: 'high' as Confidence,
  },
  DOJ: {
    citation: '28 C.F.R. 16.5(e)(1)(i), (iii); 5 U.S.C. 552(a)(6)(E)',
    grounds: ['imminent threat to life or physical safety', 'loss of substantial due process rights'],
    confidence: 'medium' as Confidence,
  },
  State: {
    citation: '22 C.F.R. 171.11(f); 5 U.S.C. 552(a)(6)(E)',
    grounds: ['imminent threat to life or physical safety', 'loss of substantial due process rights'],
    confidence: 'low' as Confidence,
  },
} as const;

/** The FBI's Identity History Summary request (reference 4.1): not FOIA. */
export const FBI_IDENTITY_HISTORY = {
  fee: 18,
  /** The FBI takes no personal or business checks: a money order, a certified check or a card. */
  payment: 'money order payable to the "Treasury of the United States"',
  fingerprints: 'a complete set of rolled and flat fingerprint impressions on a standard fingerprint card (Form FD-258), signed',
  citation: 'DOJ Order 556-73; 28 C.F.R. 16.30-16.34',
  feeSource: 'FBI Identity History Summary Checks FAQ (fee $18, reference 4.1)',
  confidence: 'high' as Confidence,
};
