/**
 * The authorities a motion cites for each basis and forum: the law the filing argues from, kept
 * with the rules so a change in the law is one edit here (domain reference 1.1-1.6, 1.8).
 */
import type { Basis, Case, Forum } from '../case/index.js';

type ProceedingType = Case['proceedings']['type'];

export interface MotionAuthorities {
  /** The statute and regulation that allow the motion (for in absentia orders, rescission's own). */
  motion: string;
  /** The provision of the basis relied on (the exception to the time and number limits, if any). */
  basis: string;
  /** Required contents: new facts, evidence, application. */
  contents: string;
  /** The required statement on judicial proceedings about the order. */
  judicialStatement: string;
  /** Number limit. */
  numberLimit: string;
}

const REG: Record<Forum, { motion: string; contents: string; changed: string; joint: string; suaSponte: string; number: string }> = {
  'immigration-court': {
    motion: 'INA 240(c)(7), 8 U.S.C. 1229a(c)(7); 8 C.F.R. 1003.23(b)',
    contents: '8 C.F.R. 1003.23(b)(3)',
    changed: 'INA 240(c)(7)(C)(ii); 8 C.F.R. 1003.23(b)(4)(i)',
    joint: '8 C.F.R. 1003.23(b)(4)(iv)',
    suaSponte: '8 C.F.R. 1003.23(b)(1)',
    number: '8 C.F.R. 1003.23(b)(1)',
  },
  bia: {
    motion: 'INA 240(c)(7), 8 U.S.C. 1229a(c)(7); 8 C.F.R. 1003.2(c)',
    contents: '8 C.F.R. 1003.2(c)(1)',
    changed: 'INA 240(c)(7)(C)(ii); 8 C.F.R. 1003.2(c)(3)(ii)',
    joint: '8 C.F.R. 1003.2(c)(3)(iii)',
    suaSponte: '8 C.F.R. 1003.2(a)',
    number: '8 C.F.R. 1003.2(c)(2)',
  },
};

export function motionAuthorities(forum: Forum, basis: Basis, type: ProceedingType = 'removal'): MotionAuthorities {
  const r = REG[forum];
  // INA 240 governs removal proceedings; deportation and exclusion proceedings (begun before
  // April 1, 1997) are reopened under the regulations alone (reference 1.1, 1.5 E4).
  const older = type !== 'removal';
  const motion = older ? r.motion.replace(/^INA 240\(c\)\(7\), 8 U\.S\.C\. 1229a\(c\)\(7\); /, '') : r.motion;
  const olderInAbsentia =
    type === 'deportation'
      ? { exceptional: '8 C.F.R. 1003.23(b)(4)(iii)(A)(1); former INA 242B(c)(3)(A)', other: '8 C.F.R. 1003.23(b)(4)(iii)(A)(2); former INA 242B(c)(3)(B)' }
      : { exceptional: '8 C.F.R. 1003.23(b)(4)(iii)(B)', other: '8 C.F.R. 1003.23(b)(4)(iii)(B)' };
  const basisCite: Record<Basis, string> = {
    'changed-country-conditions': r.changed,
    'new-evidence': r.contents,
    'in-absentia-exceptional': older ? olderInAbsentia.exceptional : 'INA 240(b)(5)(C)(i); 8 C.F.R. 1003.23(b)(4)(ii)',
    'in-absentia-no-notice': older ? olderInAbsentia.other : 'INA 240(b)(5)(C)(ii); 8 C.F.R. 1003.23(b)(4)(ii)',
    'in-absentia-in-custody': older ? olderInAbsentia.other : 'INA 240(b)(5)(C)(ii); 8 C.F.R. 1003.23(b)(4)(ii)',
    joint: r.joint,
    'ineffective-assistance': LOZADA.citation,
    'change-in-law': r.contents,
    'sua-sponte': r.suaSponte,
    'court-order': 'ICPM 5.7(e)(vii)',
  };
  // A motion to rescind an in absentia order rests on its own provisions (reference 1.5 E2-E4):
  // INA 240(b)(5)(C) and 8 C.F.R. 1003.23(b)(4)(ii) for removal orders, 1003.23(b)(4)(iii) for
  // deportation and exclusion orders.
  const rescission: Record<ProceedingType, string> = {
    removal: 'INA 240(b)(5)(C); 8 C.F.R. 1003.23(b)(4)(ii)',
    deportation: '8 C.F.R. 1003.23(b)(4)(iii)(A); former INA 242B(c)(3)',
    exclusion: '8 C.F.R. 1003.23(b)(4)(iii)(B)',
  };
  const inAbsentia = basis === 'in-absentia-exceptional' || basis === 'in-absentia-no-notice' || basis === 'in-absentia-in-custody';
  return {
    motion: inAbsentia ? rescission[type] : motion,
    basis: basisCite[basis],
    contents: r.contents,
    judicialStatement: forum === 'bia' ? '8 C.F.R. 1003.2(e)' : '8 C.F.R. 1003.23(b)(1)',
    numberLimit: r.number,
  };
}

/** What a motion on ineffective assistance of counsel must carry (reference 1.5, [M]). */
export const LOZADA = { citation: 'Matter of Lozada, 19 I&N Dec. 637 (BIA 1988)' };

/** The standard for prima facie eligibility on a motion to reopen. */
export const PRIMA_FACIE = {
  // The standard is L-O-G-'s; Abudu lists the grounds on which a motion may be denied.
  citation: 'Matter of L-O-G-, 21 I&N Dec. 413, 419 (BIA 1996); see also INS v. Abudu, 485 U.S. 94, 104–05 (1988)',
  standard: 'a reasonable likelihood that the statutory requirements for relief have been satisfied',
};

/**
 * Lack of notice of the hearing (reference 1.5 E3, E4): what must be shown, and the presumption
 * of delivery that applies to how the notice was sent. Notice by regular mail raises only a weaker
 * presumption that the respondent's own sworn statement and other evidence may overcome; notice by
 * certified mail raises a strong one that needs substantial and probative evidence of improper
 * delivery (the authorities; the pin cites are [M]).
 */
export const NOTICE = {
  statute: 'INA 240(b)(5)(C)(ii)',
  noticeRequired: 'INA 240(b)(5)(A); INA 239(a)(1), (2)',
  regularMail: 'Matter of M-R-A-, 24 I&N Dec. 665, 673–74 (BIA 2008)',
  certifiedMail: 'Matter of Grijalva, 21 I&N Dec. 27, 37 (BIA 1995)',
} as const;

/** Exceptional circumstances for an in absentia order (INA 240(e)(1), 240(b)(5)(C)(i)). */
export const EXCEPTIONAL_CIRCUMSTANCES = {
  citation: 'INA 240(e)(1)',
  definition:
    'exceptional circumstances (such as battery or extreme cruelty to the respondent or any child or parent of the respondent, serious illness of the respondent, or serious illness or death of the spouse, child, or parent of the respondent, but not including less compelling circumstances) beyond the control of the respondent',
} as const;

/** Prima facie eligibility, by relief (reference 1.6; the authorities). */
export const RELIEF_LAW = {
  protectedGrounds: 'INA 101(a)(42)(A); INA 208(b)(1)(B)(i); INA 241(b)(3)(A)',
  oneYear: 'INA 208(a)(2)(B)',
  changedCircumstances: 'INA 208(a)(2)(D); 8 C.F.R. 1208.4(a)(4)',
  torture: '8 C.F.R. 1208.16(c)(2); 8 C.F.R. 1208.18(a)(1)',
  adjustment: 'INA 245(a)',
  marriageDuringProceedings: 'INA 204(g); INA 245(e)(3)',
  marriageReopening: 'Matter of Velarde-Pacheco, 23 I&N Dec. 253, 256 (BIA 2002)',
  cancellation: 'INA 240A',
} as const;
