/**
 * Where a motion to reopen goes (domain reference 1.2, validation rule V03): the last body to
 * decide, with the overrides the manuals give.
 */
import type { Basis, Case, Forum } from '../case/index.js';
import { ruling, type Ruling } from './ruling.js';

export const IN_ABSENTIA_BASES: ReadonlySet<Basis> = new Set([
  'in-absentia-exceptional',
  'in-absentia-no-notice',
  'in-absentia-in-custody',
]);

export function isInAbsentiaBasis(basis: Basis): boolean {
  return IN_ABSENTIA_BASES.has(basis);
}

/** An appeal was filed with the Board and the case records no decision on it. */
export function appealPending(c: Case): boolean {
  return c.proceedings.order.appeal === 'filed' && c.proceedings.appealDecision === undefined;
}

export function motionForum(c: Case, basis: Basis): Ruling<Forum> {
  const { order, appealDecision } = c.proceedings;
  if (isInAbsentiaBasis(basis)) {
    return ruling(
      'immigration-court',
      'ICPM 5.9(d); 8 C.F.R. 1003.23(b)(4)(ii)',
      'A motion to rescind an in absentia order always goes to the immigration court; the Board cannot hear it directly.',
    );
  }
  if (order.appeal !== 'filed') {
    const why = order.inAbsentia
      ? 'the order was entered in absentia, and no appeal was taken to the Board'
      : order.appeal === 'waived'
        ? 'the appeal was waived'
        : 'the appeal was reserved and not filed';
    return ruling(
      'immigration-court',
      'ICPM 5.2(a)(3)(A); 8 C.F.R. 1003.23(b)(1)',
      `The immigration judge was the last to decide (${why}), so the motion goes to the immigration court with administrative control of the record.`,
    );
  }
  if (appealDecision === undefined) {
    return ruling(
      'bia',
      'ICPM (2008) 5.7(h); 8 C.F.R. 1003.2(c)(4)',
      'An appeal is pending before the Board, so the immigration judge no longer has jurisdiction: the motion goes to the Board, which treats it as a motion to remand.',
    );
  }
  switch (appealDecision.outcome) {
    case 'dismissed':
    case 'sustained':
      return ruling(
        'bia',
        'BIA PM 5.6; 8 C.F.R. 1003.2(c)',
        `The Board was the last to decide (it ${appealDecision.outcome} the appeal on ${appealDecision.date}), so the motion goes to the Board.`,
      );
    case 'rejected':
      return ruling(
        'immigration-court',
        '8 C.F.R. 1003.39; BIA PM ch. 5 and Appendix J (to verify)',
        "The Board rejected the appeal, so the immigration judge's order is the operative final order and the motion goes to the immigration court. Reopen marks this rule low confidence: verify it against the BIA Practice Manual.",
        'low',
      );
    case 'remanded':
      return ruling(
        'immigration-court',
        '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.2(c)',
        'The Board remanded the case, so the immigration judge decided last unless a later appeal went back to the Board; the motion goes to the immigration court. Confirm which body issued the final order before filing.',
        'low',
      );
  }
}
