import { describe, expect, test } from 'vitest';
import {
  ambiguousLookupKeys,
  COURT_DATA,
  COURTS,
  findCourt,
  ropMailbox,
  ropMailboxCitation,
  SOURCES,
  type Court,
} from '../../src/rules/courts.js';

const immigrationCourts = COURTS.filter((c) => c.kind === 'immigration-court');

function mustFind(text: string): Court {
  const court = findCourt(text);
  if (court === undefined) throw new Error(`no court for ${JSON.stringify(text)}`);
  return court;
}

describe('court data', () => {
  test('states its sources and the date they were read', () => {
    expect(COURT_DATA.source.length).toBeGreaterThan(0);
    expect(COURT_DATA.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const s of Object.values(SOURCES)) {
      expect(s.ref.length).toBeGreaterThan(0);
      expect(s.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('codes are three capital letters and unique', () => {
    const codes = COURTS.map((c) => c.code);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('names are unique and immigration courts are named as EOIR names them', () => {
    const names = COURTS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of immigrationCourts) expect(c.name).toMatch(/ Immigration Court$/);
  });

  test('every time zone is accepted by Intl.DateTimeFormat', () => {
    for (const c of COURTS) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: c.timeZone }), c.name).not.toThrow();
    }
  });

  test('every ZIP is 5 digits or ZIP+4, every state two capitals, no blank address part', () => {
    for (const c of COURTS) {
      expect(c.address.zip, c.name).toMatch(/^\d{5}(-\d{4})?$/);
      expect(c.address.state, c.name).toMatch(/^[A-Z]{2}$/);
      expect(c.address.street.trim(), c.name).not.toBe('');
      expect(c.address.city.trim(), c.name).not.toBe('');
      if (c.address.street2 !== undefined) expect(c.address.street2.trim(), c.name).not.toBe('');
    }
  });

  test('every row cites sources that exist, and at least two for its address', () => {
    for (const c of COURTS) {
      for (const id of c.sources) expect(SOURCES, `${c.name}: ${id}`).toHaveProperty(id);
      // One source alone never makes a row: the EOIR code table plus two address sources.
      expect(new Set(c.sources).size, c.name).toBeGreaterThanOrEqual(3);
      expect(['high', 'medium', 'low']).toContain(c.confidence.code);
      expect(['high', 'medium', 'low']).toContain(c.confidence.address);
    }
  });

  test('no lookup text answers to two courts', () => {
    expect(ambiguousLookupKeys()).toEqual([]);
  });

  test('the courts left out are listed with a reason and are not in the table', () => {
    expect(COURT_DATA.leftOut.length).toBeGreaterThan(0);
    const names = new Set(COURTS.map((c) => c.name));
    for (const l of COURT_DATA.leftOut) {
      expect(l.reason.length).toBeGreaterThan(0);
      expect(names.has(l.name), l.name).toBe(false);
    }
  });
});

describe('findCourt', () => {
  test('Detroit resolves to DET with a Detroit, MI address', () => {
    const det = mustFind('Detroit');
    expect(det.code).toBe('DET');
    expect(det.name).toBe('Detroit Immigration Court');
    expect(det.address).toMatchObject({ city: 'Detroit', state: 'MI' });
    expect(det.address.zip).toMatch(/^482/);
    expect(det.timeZone).toBe('America/Detroit');
  });

  test('matches the code, the full name and the short name, case-insensitively', () => {
    for (const text of ['DET', 'det', 'Detroit', 'detroit', 'DETROIT', 'detroit immigration court', ' Detroit  Immigration  Court ']) {
      expect(findCourt(text)?.code, text).toBe('DET');
    }
    for (const c of COURTS) {
      expect(findCourt(c.code)).toBe(c);
      expect(findCourt(c.code.toLowerCase())).toBe(c);
      expect(findCourt(c.name)).toBe(c);
      expect(findCourt(c.name.toUpperCase())).toBe(c);
      const short = c.name.replace(/ Immigration Court$/, '');
      expect(findCourt(short)).toBe(c);
    }
  });

  test('dash variants and aliases find the same court', () => {
    expect(findCourt('New York – Broadway')?.code).toBe('NYB');
    expect(findCourt('new york-broadway immigration court')?.code).toBe('NYB');
    expect(findCourt('El Paso SPC')?.code).toBe('EPD');
    expect(findCourt('San Juan')?.code).toBe('SAJ');
    expect(findCourt('Board of Immigration Appeals')?.code).toBe('BIA');
    expect(findCourt('bia')?.kind).toBe('bia');
  });

  test('an unknown court gives undefined, never a made-up or nearby court', () => {
    for (const text of ['', '   ', 'Atlantis', 'Atlantis Immigration Court', 'XYZ', 'DE', 'DETR', 'Detroi', 'Detroit Immigration', 'Immigration Court']) {
      expect(findCourt(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  test('courts left out for conflicting sources are not resolvable', () => {
    // If one of these is added back, it must come with Appendix Q or its justice.gov page.
    for (const text of ['Memphis', 'Portland', 'Annandale', 'Chelmsford', 'San Francisco', 'Indianapolis', 'Otay Mesa']) {
      expect(findCourt(text), text).toBeUndefined();
    }
  });
});

describe('ropMailbox', () => {
  test('immigration courts use EOIR.<CODE>.ROP.Requests@usdoj.gov under ICPM 12.2(a)(1)', () => {
    const det = mustFind('DET');
    expect(ropMailbox(det)).toBe('EOIR.DET.ROP.Requests@usdoj.gov');
    expect(ropMailboxCitation(det)).toBe('ICPM 12.2(a)(1)');
    expect(ropMailbox(mustFind('Chicago'))).toBe('EOIR.CHI.ROP.Requests@usdoj.gov');
    for (const c of immigrationCourts) {
      expect(ropMailbox(c)).toMatch(/^EOIR\.[A-Z]{3}\.ROP\.Requests@usdoj\.gov$/);
      expect(ropMailbox(c)).toBe(`EOIR.${c.code}.ROP.Requests@usdoj.gov`);
    }
  });

  test('the BIA uses EOIR.BIA.ROP.Requests@usdoj.gov under BIA PM 13.2(a)(1)', () => {
    const bia = mustFind('BIA');
    expect(ropMailbox(bia)).toBe('EOIR.BIA.ROP.Requests@usdoj.gov');
    expect(ropMailboxCitation(bia)).toBe('BIA PM 13.2(a)(1)');
    expect(bia.address).toEqual({
      street: '5107 Leesburg Pike',
      street2: 'Suite 2000',
      city: 'Falls Church',
      state: 'VA',
      zip: '22041',
    });
  });

  test('refuses a code that cannot be a court code', () => {
    for (const code of ['', 'de', 'DETR', 'D3T', 'det', 'D.T']) {
      expect(() => ropMailbox({ code }), code).toThrow();
    }
  });
});
