/**
 * The authorities a motion cites for each basis and forum: the law the filing argues from, kept
 * with the rules so a change in the law is one edit here (domain reference 1.1-1.6, 1.8).
 */
import type { Basis, Case, Forum } from '../case/index.js';

type ProceedingType = Case['proceedings']['type'];

export interface MotionAuthorities {
  /** The statute and regulation that allow the motion. */
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
  return {
    motion,
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
  citation: 'INS v. Abudu, 485 U.S. 94, 104-05 (1988); Matter of L-O-G-, 21 I&N Dec. 413, 419 (BIA 1996)',
  standard: 'a reasonable likelihood that the statutory requirements for relief have been satisfied',
};
