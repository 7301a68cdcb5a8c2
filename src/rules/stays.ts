/**
 * Stays of removal (domain reference 1.9, 2.1-2.4; validation rules V18, V19).
 */
import { makeIssue, type Basis, type Case, type Forum, type Issue } from '../case/index.js';
import { compareDates } from '../case/civil-date.js';
import { appealPending, isInAbsentiaBasis } from './forum.js';
import { ruling, type Ruling } from './ruling.js';

/** Whether filing the motion itself stops removal. */
export function automaticStay(c: Case, basis: Basis): Ruling<boolean> {
  const courtOrder = c.motion?.courtOrderClock;
  const orderNote = courtOrder ? ` Separately, ${courtOrder.caption} may bar removal on its own terms; check the order.` : '';
  if (isInAbsentiaBasis(basis) && c.proceedings.order.inAbsentia) {
    if (c.proceedings.type === 'removal') {
      return ruling(
        true,
        'INA 240(b)(5)(C); 8 C.F.R. 1003.23(b)(4)(ii); BIA PM 6.2(d)',
        'Filing a motion to rescind an in absentia removal order stays removal until the immigration judge rules on it (no automatic stay during a later appeal of a denial).' + orderNote,
      );
    }
    if (c.proceedings.type === 'deportation') {
      return ruling(
        true,
        '8 C.F.R. 1003.23(b)(4)(iii)(C)',
        'Filing a motion to reopen an in absentia deportation order stays deportation while the motion is pending; the older rules for deportation proceedings apply, so check them.' + orderNote,
        'medium',
      );
    }
  }
  return ruling(
    false,
    '8 C.F.R. 1003.23(b)(1)(v); 8 C.F.R. 1003.2(f)',
    'Filing this motion does not by itself stop removal; ask the immigration judge, the Board or ICE for a stay.' + orderNote,
  );
}

/** An earlier motion still undecided: marked pending, or with neither an outcome nor a decision date. */
export const isPending = (m: NonNullable<Case['proceedings']['priorMotions']>[number]) =>
  m.outcome === 'pending' || (m.outcome === undefined && m.decided === undefined);

/** Whether the Board has something pending on which it can stay removal (BIA PM 6.3(a)). */
function biaHasMatter(c: Case, forum: Forum | null): boolean {
  if (forum === 'bia' || appealPending(c)) return true;
  return (c.proceedings.priorMotions ?? []).some((m) => m.forum === 'bia' && isPending(m));
}

/** Whether an immigration judge has a motion pending (or filed with the stay request). */
function courtHasMotion(c: Case, forum: Forum | null): boolean {
  if (forum === 'immigration-court') return true;
  return (c.proceedings.priorMotions ?? []).some((m) => m.forum === 'immigration-court' && isPending(m));
}

/**
 * An emergency stay. Its form prints the confirmed date and time of removal and where the
 * respondent is held, so before either body it needs what the Board's emergency practice requires
 * (V18): DHS physical custody, and a removal date and time DHS has confirmed that is still to come.
 * Before the Board a matter must also be pending there. Anything short of that is an error at
 * `stay.emergency`: the motion can still be filed in its ordinary form.
 */
function emergencyIssues(c: Case, forum: Forum | null, asOf: string): Issue[] {
  const stay = c.stay!;
  if (stay.immigrationCourt !== true && stay.bia !== true) {
    return [
      makeIssue('emergency_stay_criteria', 'stay.emergency', 'error', { missing: ['it goes with a stay motion to the immigration judge or the Board'] }, 'BIA PM 6.3; ICPM ch. 8'),
    ];
  }
  const removal = c.custody.scheduledRemoval;
  const missing: string[] = [];
  if (c.custody.status !== 'detained') missing.push('the respondent is in DHS physical custody');
  if (!removal?.confirmedByDhs || removal.time === undefined) missing.push('DHS has confirmed a specific removal date and time (custody.scheduledRemoval)');
  else if (compareDates(removal.date, asOf) < 0) missing.push('removal is still to come (the confirmed date has passed)');
  if (stay.bia === true && !biaHasMatter(c, forum)) missing.push('a motion or appeal is pending before the Board');
  if (missing.length === 0) return [];
  const citation = stay.bia === true ? 'BIA Emergency Stay Fact Sheet (Mar. 2018); BIA PM 6.3, 6.4' : 'ICPM ch. 8; BIA Emergency Stay Fact Sheet (Mar. 2018)';
  return [makeIssue('emergency_stay_criteria', 'stay.emergency', 'error', { missing }, citation)];
}

export function stayIssues(c: Case, forum: Forum | null, asOf: string): Issue[] {
  const stay = c.stay;
  if (!stay) return [];
  const issues: Issue[] = [];
  if (stay.immigrationCourt === true && !courtHasMotion(c, forum)) {
    issues.push(
      makeIssue(
        'stay_nothing_pending',
        'stay.immigrationCourt',
        'error',
        { body: 'immigration judge', needs: 'a motion to reopen or reconsider' },
        'BIA PM 6.3(a); 8 C.F.R. 1003.23(b)(1)(v)',
      ),
    );
  }
  if (stay.bia === true && !biaHasMatter(c, forum)) {
    issues.push(
      makeIssue(
        'stay_nothing_pending',
        'stay.bia',
        'error',
        { body: 'Board', needs: 'an appeal, or a motion to reopen or reconsider a Board decision,' },
        'BIA PM 6.3(a)',
      ),
    );
  }
  if (stay.emergency === true) issues.push(...emergencyIssues(c, forum, asOf));
  if (c.proceedings.frivolousFinding === true && c.motion?.basis === 'changed-country-conditions') {
    // A frivolous finding also bars a stay sought under the changed-conditions exception (E1a).
    for (const body of ['immigrationCourt', 'bia'] as const) {
      if (stay[body] === true) issues.push(makeIssue('frivolous_bar', `stay.${body}`, 'error', {}, '8 C.F.R. 1003.23(b)(4)(i); BIA PM 6.3(b)'));
    }
  }
  return issues;
}
