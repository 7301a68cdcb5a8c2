/**
 * The federal circuit of each state and territory (28 U.S.C. 41), and where the courts of appeals
 * stand on the regulatory departure bar (domain reference 1.10, [M]: most circuits hold it invalid
 * as applied to statutory motions to reopen). Review of a removal order lies in the circuit where
 * the immigration judge completed the proceedings (8 U.S.C. 1252(b)(2)).
 */
export const CIRCUIT_OF_STATE: Readonly<Record<string, string>> = {
  ME: 'First', MA: 'First', NH: 'First', RI: 'First', PR: 'First',
  CT: 'Second', NY: 'Second', VT: 'Second',
  DE: 'Third', NJ: 'Third', PA: 'Third', VI: 'Third',
  MD: 'Fourth', NC: 'Fourth', SC: 'Fourth', VA: 'Fourth', WV: 'Fourth',
  LA: 'Fifth', MS: 'Fifth', TX: 'Fifth',
  KY: 'Sixth', MI: 'Sixth', OH: 'Sixth', TN: 'Sixth',
  IL: 'Seventh', IN: 'Seventh', WI: 'Seventh',
  AR: 'Eighth', IA: 'Eighth', MN: 'Eighth', MO: 'Eighth', NE: 'Eighth', ND: 'Eighth', SD: 'Eighth',
  AK: 'Ninth', AZ: 'Ninth', CA: 'Ninth', HI: 'Ninth', ID: 'Ninth', MT: 'Ninth', NV: 'Ninth', OR: 'Ninth', WA: 'Ninth', GU: 'Ninth', MP: 'Ninth',
  CO: 'Tenth', KS: 'Tenth', NM: 'Tenth', OK: 'Tenth', UT: 'Tenth', WY: 'Tenth',
  AL: 'Eleventh', FL: 'Eleventh', GA: 'Eleventh',
  DC: 'D.C.',
};

/** Circuits that have held the departure bar invalid for statutory motions (reference 1.10, [M]). */
export const DEPARTURE_BAR_INVALID: ReadonlySet<string> = new Set(['Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Ninth', 'Tenth', 'Eleventh']);

export const DEPARTURE_BAR_SOURCE = 'Boston College PDHRP advisory, "Filing Post-Departure Motions" (reference 1.10, medium confidence)';
