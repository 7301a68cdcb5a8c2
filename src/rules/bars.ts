/**
 * What the law says about bringing this motion at all: the one-motion limit, the frivolous-finding
 * bar, the departure bar, and whether the basis fits the facts (domain reference 1.3, 1.5, 1.10;
 * validation rules V04, V06, V21, V22).
 */
import { BASIS_LABELS, FORUM_LABELS, makeIssue, type Basis, type Case, type Issue } from '../case/index.js';
import { compareDates, formatLong } from '../case/civil-date.js';
import { isInAbsentiaBasis } from './forum.js';
import { PROTECTION_RELIEF } from './forms.js';
import { LOZADA } from './authorities.js';
import { CIRCUIT_OF_STATE, DEPARTURE_BAR_INVALID, DEPARTURE_BAR_SOURCE } from './data/circuits.js';


/** Motions filed before the 1996 rules took effect do not count toward the limit (reference 1.3). */
export const NUMBER_LIMIT_FROM = '1996-07-31';

/** Bases the one-motion limit does not apply to (reference 1.3; V04: E1, E5, E7, E10). */
const EXEMPT_FROM_NUMBER_LIMIT: ReadonlySet<Basis> = new Set(['changed-country-conditions', 'joint', 'sua-sponte', 'court-order']);


/** Where the court sits decides which court of appeals' view of the departure bar governs. */
function circuitWords(state: string | undefined): string {
  const circuit = state ? CIRCUIT_OF_STATE[state] : undefined;
  if (!circuit) return 'Check the law of the circuit where the immigration judge completed the proceedings.';
  return DEPARTURE_BAR_INVALID.has(circuit)
    ? `The ${circuit} Circuit, where this court sits, is among those that hold it invalid (${DEPARTURE_BAR_SOURCE}); confirm the current law.`
    : `The ${circuit} Circuit, where this court sits, is not among the circuits known to hold it invalid; check its law before filing.`;
}

export function barIssues(c: Case, basis: Basis, forum: 'immigration-court' | 'bia', venueState?: string): Issue[] {
  const issues: Issue[] = [];
  const motion = c.motion!;
  const priors = (c.proceedings.priorMotions ?? [])
    .map((m, index) => ({ ...m, index }))
    .filter((m) => m.kind === 'reopen' && compareDates(m.filed, NUMBER_LIMIT_FROM) >= 0);

  if (isInAbsentiaBasis(basis)) {
    // 8 C.F.R. 1003.23(b)(4)(ii) allows one motion to rescind: an earlier rescission motion bars
    // this one; an earlier motion whose basis is not recorded may have been one.
    const rescission = priors.find((m) => m.basis !== undefined && isInAbsentiaBasis(m.basis));
    const unknown = priors.find((m) => m.forum === 'immigration-court' && m.basis === undefined);
    if (rescission) {
      issues.push(
        makeIssue('in_absentia_number_limit', `proceedings.priorMotions.${rescission.index}`, 'error', { filed: formatLong(rescission.filed) }, '8 C.F.R. 1003.23(b)(4)(ii)'),
      );
    } else if (unknown) {
      issues.push(
        makeIssue('prior_motion_basis_unknown', `proceedings.priorMotions.${unknown.index}.basis`, 'warning', { filed: formatLong(unknown.filed) }, '8 C.F.R. 1003.23(b)(4)(ii)'),
      );
    }
  } else if (!EXEMPT_FROM_NUMBER_LIMIT.has(basis) && priors.length > 0) {
    const first = priors[0]!;
    issues.push(
      makeIssue(
        'number_limit',
        `proceedings.priorMotions.${first.index}`,
        'error',
        { filed: formatLong(first.filed), forumLabel: FORUM_LABELS[first.forum], basisLabel: BASIS_LABELS[basis] },
        forum === 'bia' ? 'INA 240(c)(7)(A); 8 C.F.R. 1003.2(c)(2)' : 'INA 240(c)(7)(A); 8 C.F.R. 1003.23(b)(1)',
      ),
    );
  }

  if (basis === 'changed-country-conditions') {
    if (c.proceedings.frivolousFinding === true) {
      issues.push(makeIssue('frivolous_bar', 'proceedings.frivolousFinding', 'error', {}, '8 C.F.R. 1003.23(b)(4)(i); BIA PM 6.3(b)'));
    }
    const relief = motion.reliefSought ?? [];
    if (!relief.some((r) => PROTECTION_RELIEF.has(r))) {
      issues.push(
        makeIssue('changed_conditions_relief', 'motion.reliefSought', 'error', {}, 'INA 240(c)(7)(C)(ii); 8 C.F.R. 1003.23(b)(4)(i)'),
      );
    }
    const baseline = c.proceedings.priorHearingDate ?? c.proceedings.order.date;
    const newer = (motion.evidence ?? []).some(
      (e) => e.kind === 'country-conditions' && e.date !== undefined && compareDates(e.date, baseline) > 0,
    );
    if (!newer) {
      issues.push(
        makeIssue('changed_conditions_evidence', 'motion.evidence', 'warning', { baseline: formatLong(baseline) }, '8 C.F.R. 1003.23(b)(4)(i); Matter of S-Y-G-, 24 I&N Dec. 247 (BIA 2007)'),
      );
    }
  }

  if (isInAbsentiaBasis(basis)) {
    if (!c.proceedings.order.inAbsentia) {
      issues.push(
        makeIssue('in_absentia_basis_mismatch', 'motion.basis', 'error', { basisLabel: BASIS_LABELS[basis] }, 'INA 240(b)(5)(C); 8 C.F.R. 1003.23(b)(4)(ii)'),
      );
    }
    const facts = c.proceedings.inAbsentiaFacts;
    if (basis === 'in-absentia-no-notice' && facts?.noticeReceived === true) {
      issues.push(
        makeIssue('in_absentia_facts_mismatch', 'proceedings.inAbsentiaFacts.noticeReceived', 'warning', {
          detail: 'The motion says the respondent had no notice of the hearing, but the case records that notice was received; check the facts before filing.',
        }),
      );
    }
    if (basis === 'in-absentia-no-notice' && facts?.noticeMethod === 'personal') {
      issues.push(
        makeIssue('in_absentia_facts_mismatch', 'proceedings.inAbsentiaFacts.noticeMethod', 'warning', {
          detail:
            'The case records that the notice of the hearing was served in person, which is hard to overcome on a claim of no notice; the motion rests on the facts given in proceedings.inAbsentiaFacts.reason, so make sure they explain it.',
        }, 'INA 240(b)(5)(C)(ii); INA 239(a)(1)'),
      );
    }
    if (basis === 'in-absentia-in-custody' && facts?.inCustodyAtHearing === false) {
      issues.push(
        makeIssue('in_absentia_facts_mismatch', 'proceedings.inAbsentiaFacts.inCustodyAtHearing', 'warning', {
          detail: 'The motion says the respondent was in custody at the time of the hearing, but the case records otherwise; check the facts before filing.',
        }),
      );
    }
  }

  if (c.proceedings.order.inAbsentia && c.proceedings.type !== 'removal') {
    issues.push(
      makeIssue('deportation_in_absentia', 'proceedings.type', 'warning', { type: c.proceedings.type }, '8 C.F.R. 1003.23(b)(4)(iii); ICPM 5.9(c)'),
    );
  }

  if (basis === 'joint' && (motion.dhsPosition === 'opposes' || motion.dhsPosition === 'not-asked')) {
    issues.push(
      makeIssue('contradiction', 'motion.dhsPosition', 'error', {
        detail: `A joint motion is one DHS joins, but the case says DHS ${motion.dhsPosition === 'opposes' ? 'opposes it' : 'has not been asked'}; set motion.dhsPosition to "joins" or choose another basis.`,
      }),
    );
  }

  if (c.proceedings.departedSinceOrder === true || c.custody.status === 'removed') {
    issues.push(
      makeIssue(
        'departure_bar',
        'proceedings.departedSinceOrder',
        'warning',
        { circuit: circuitWords(venueState) },
        '8 C.F.R. 1003.23(b)(1); 8 C.F.R. 1003.2(d); Matter of Armendarez-Mendez, 24 I&N Dec. 646 (BIA 2008)',
      ),
    );
  }

  if (basis === 'ineffective-assistance' && motion.priorCounsel === undefined) {
    issues.push(makeIssue('lozada_requirements', 'motion.priorCounsel', 'warning', {}, LOZADA.citation));
  }
  return issues;
}

/**
 * Words in an offense or statute that mark a controlled-substance conviction. A heuristic for a
 * warning only: the attorney decides whether the conviction "relates to a controlled substance".
 */
const CONTROLLED_SUBSTANCE = /controlled substance|narcotic|cocaine|heroin|marijuana|marihuana|cannabis|methamphetamine|fentanyl|opium|opiate|\bdrugs?\b/i;

/** The bars to the relief sought that a criminal record may raise (reference 1.6; INA 208(b)(2), 241(b)(3)(B), 212(a)(2)). */
export const RELIEF_BARS = {
  protection: {
    citation: 'INA 208(b)(2)(A)(ii), (B)(i); INA 241(b)(3)(B)(ii); 8 C.F.R. 1208.17',
    words:
      'may bar asylum and withholding of removal if it is an aggravated felony or a particularly serious crime. Deferral of removal under the Convention Against Torture stays available whatever the conviction (8 C.F.R. 1208.17)',
  },
  controlledSubstance: {
    citation: 'INA 212(a)(2)(A)(i)(II); INA 245(a); INA 212(h)',
    words:
      'appears to relate to a controlled substance, which makes a person inadmissible and so unable to adjust status unless a waiver applies (INA 212(h) reaches only a single offense of simple possession of 30 grams or less of marijuana)',
  },
} as const;

/**
 * Possible bars to the relief sought, as warnings for the attorney with their citations. They are
 * never argued against the client in the motion: it speaks to a bar only in the attorney's own
 * words (motion.barsResponse).
 */
export function reliefBarIssues(c: Case): Issue[] {
  const relief = c.motion?.reliefSought ?? [];
  const answered = c.motion?.barsResponse !== undefined;
  const tail = answered ? ' The motion prints your answer from motion.barsResponse.' : ' The motion says nothing about it unless you write your answer in motion.barsResponse.';
  const issues: Issue[] = [];
  (c.criminalHistory ?? []).forEach((conviction, i) => {
    const what = `The conviction for ${conviction.offense} (${conviction.jurisdiction})`;
    if (relief.includes('asylum') || relief.includes('withholding')) {
      issues.push(makeIssue('possible_bar', `criminalHistory.${i}`, 'warning', { detail: `${what} ${RELIEF_BARS.protection.words}.${tail}` }, RELIEF_BARS.protection.citation));
    }
    if (relief.includes('adjustment') && CONTROLLED_SUBSTANCE.test(`${conviction.offense} ${conviction.statute ?? ''}`)) {
      issues.push(
        makeIssue('possible_bar', `criminalHistory.${i}`, 'warning', { detail: `${what} ${RELIEF_BARS.controlledSubstance.words}.${tail}` }, RELIEF_BARS.controlledSubstance.citation),
      );
    }
  });
  return issues;
}
