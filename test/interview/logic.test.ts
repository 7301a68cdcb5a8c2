/**
 * The interview's rules, one test each: which steps a choice of filings brings in, that the next
 * step skips what no chosen filing needs, and how a page's answers become case fields.
 */
import { describe, expect, it } from 'vitest';
import { applyAnswers, fieldApplies, goalsOf, missingIn, nextStep, stepById, stepsFor, valueAt, withGoals, withValue, type Draft } from '../../src/interview/logic.js';
import { GOALS, STEPS, type Goal } from '../../src/interview/steps.js';
import { labelOf } from '../../src/case/labels.js';

const ids = (d: Draft) => stepsFor(d).map((s) => s.id);
const chosen = (...goals: Goal[]) => withGoals({}, goals);

describe('which steps a choice of filings brings in', () => {
  it('a blank draft asks only which filings are wanted', () => {
    expect(ids({})).toEqual(['filings']);
    expect(nextStep({})).toBe('filings');
  });

  it('records requests alone: the client, custody, the order and counsel, never the motion or service on DHS', () => {
    expect(ids(chosen('records'))).toEqual(['filings', 'respondent', 'language', 'custody', 'order', 'records', 'counsel']);
  });

  it('a motion to reopen: the order, the basis, the declaration and service; no stay, no records', () => {
    expect(ids(chosen('motion'))).toEqual(['filings', 'respondent', 'language', 'custody', 'order', 'history', 'basis', 'court-order', 'declaration', 'exhibits', 'counsel', 'service']);
    expect(ids(withValue(chosen('motion'), 'motion.basis', 'changed-country-conditions'))).toContain('new-facts');
    expect(ids(withValue(chosen('motion'), 'motion.basis', 'in-absentia-no-notice'))).not.toContain('new-facts');
  });

  it('a stay request to ICE: the order and the stay, no declaration and no service on DHS', () => {
    expect(ids(chosen('stay-ice'))).toEqual(['filings', 'respondent', 'language', 'custody', 'order', 'history', 'stay', 'counsel']);
  });

  it('the scheduled-removal step only for a detained client who needs a stay', () => {
    const detained = withValue(chosen('stay-immigration-court'), 'custody.status', 'detained');
    expect(ids(detained)).toContain('removal-date');
    expect(ids(withValue(chosen('stay-immigration-court'), 'custody.status', 'bond'))).not.toContain('removal-date');
    expect(ids(withValue(chosen('records'), 'custody.status', 'detained'))).not.toContain('removal-date');
  });

  it('earlier motions and convictions: a second slot only once the first is filled; the answer to a bar only for a motion with a conviction', () => {
    const step = stepById('history')!;
    const shown = (d: Draft) => step.fields.filter((f) => fieldApplies(f, d) && !f.path.startsWith('proceedings.judicialProceedings') && !f.path.startsWith('proceedings.pendingCriminal')).map((f) => f.path);
    const d = chosen('motion');
    expect(shown(d)).toEqual(['proceedings.priorMotions.0.kind', 'criminalHistory.0.offense']);
    const more = withValue(withValue(d, 'proceedings.priorMotions.0.kind', 'reopen'), 'criminalHistory.0.offense', 'Possession');
    expect(shown(more)).toEqual([
      'proceedings.priorMotions.0.kind', 'proceedings.priorMotions.0.forum', 'proceedings.priorMotions.0.filed', 'proceedings.priorMotions.0.outcome',
      'criminalHistory.0.offense', 'criminalHistory.0.jurisdiction', 'criminalHistory.0.convictionDate', 'criminalHistory.0.sentence',
      'criminalHistory.1.offense', 'motion.barsResponse',
    ]);
    expect(shown(withGoals(more, ['stay-ice']))).not.toContain('motion.barsResponse');
  });

  it('the missed-hearing step only for an in absentia basis; the Board step only after an appeal', () => {
    const d = withValue(chosen('motion'), 'motion.basis', 'in-absentia-no-notice');
    expect(ids(d)).toContain('in-absentia');
    expect(ids(withValue(chosen('motion'), 'motion.basis', 'new-evidence'))).not.toContain('in-absentia');
    expect(ids(withValue(chosen('motion'), 'proceedings.order.appeal', 'filed'))).toContain('appeal');
    expect(ids(withValue(chosen('motion'), 'proceedings.order.appeal', 'waived'))).not.toContain('appeal');
  });

  it('every field of every step is a field of the case format, with its label written once', () => {
    for (const step of STEPS) {
      for (const f of step.fields) {
        if (f.path === 'goals') continue;
        expect(labelOf(f.path), `${step.id}: ${f.path}`).not.toMatch(/^the field /);
      }
    }
  });
});

describe('the next step', () => {
  const complete: Draft = {
    respondent: { name: { family: 'Yousif' }, aNumber: 'A212-047-381', dateOfBirth: '1971-04-02', nationality: 'IQ', placeOfBirth: { country: 'IQ' } },
    custody: { status: 'at-large' },
    proceedings: { type: 'removal', court: { name: 'Detroit Immigration Court' }, order: { date: '2005-03-15', inAbsentia: false, appeal: 'waived' } },
    counsel: { name: 'Laila Haddad', type: 'attorney', address: { street: '1 Main', city: 'Detroit', state: 'MI', zip: '48226' }, phone: '313-555-0100', email: 'l@example.org' },
  };

  it('skips steps whose required answers are given, and steps no filing needs', () => {
    const d = withGoals(complete, ['records']);
    expect(nextStep(d)).toBe('records');
    expect(nextStep(withValue(withValue(d, 'records.agencies', ['uscis']), 'records.maxFee', 25))).toBe('review');
  });

  it('an optional step (language) is never where the next step stops', () => {
    expect(missingIn(stepById('language')!, withGoals(complete, ['records']))).toEqual([]);
  });

  it('a required field that does not apply does not hold the step (a facility only when detained)', () => {
    const d = withGoals(complete, ['records']);
    expect(missingIn(stepById('custody')!, d)).toEqual([]);
    expect(missingIn(stepById('custody')!, withValue(d, 'custody.status', 'detained')).map((f) => f.path)).toEqual([
      'custody.facility.name',
      'custody.facility.address.street',
      'custody.facility.address.city',
      'custody.facility.address.state',
      'custody.facility.address.zip',
    ]);
  });

  it('a motion stops first at the order, then the basis, then the declaration', () => {
    let d = withGoals(withValue(complete, 'proceedings', undefined), ['motion']);
    expect(nextStep(d)).toBe('order');
    d = withValue(withValue(withValue(withValue(withValue(d, 'proceedings.type', 'removal'), 'proceedings.court.name', 'Detroit'), 'proceedings.order.date', '2005-03-01'), 'proceedings.order.inAbsentia', false), 'proceedings.order.appeal', 'waived');
    expect(nextStep(d)).toBe('basis');
    d = withValue(d, 'motion.basis', 'changed-country-conditions');
    expect(nextStep(d)).toBe('new-facts');
    d = withValue(withValue(d, 'motion.newFacts.0.statement', 'ISIS took Alqosh.'), 'motion.newFacts.0.whyNotEarlier', 'It happened in 2014.');
    expect(nextStep(d)).toBe('declaration');
    d = withValue(d, 'declaration.account', ['I was born in Alqosh.']);
    expect(nextStep(d)).toBe('service');
    d = withValue(d, 'service.method', 'hand');
    expect(missingIn(stepById('service')!, d).map((f) => f.path)).toEqual(['service.address.street', 'service.address.city', 'service.address.state', 'service.address.zip']);
  });
});

describe('answers into the case', () => {
  it('choosing filings adds and removes what they hold; an empty motion still counts as chosen', () => {
    const d = applyAnswers({}, stepById('filings')!, { goals: ['motion', 'stay-ice', 'records'] }).draft;
    expect(goalsOf(d)).toEqual(['motion', 'stay-ice', 'records']);
    expect(d).toEqual({ motion: {}, stay: { ice: true }, records: { agencies: [] } });
    const fewer = applyAnswers(withValue(d, 'stay.reasons', 'x'), stepById('filings')!, { goals: ['records'] }).draft;
    expect(fewer).toEqual({ records: { agencies: [] } });
    const basis = applyAnswers(d, stepById('basis')!, { 'motion.basis': '' }).draft;
    expect(goalsOf(basis)).toContain('motion');
  });

  it('yes/no, choices, checkboxes and paragraphs become the case format\'s values; unknown options are problems', () => {
    const d = withGoals({}, GOALS.slice());
    const r = applyAnswers(d, stepById('order')!, { 'proceedings.order.inAbsentia': 'no', 'proceedings.order.appeal': 'waived', 'proceedings.type': 'removal', 'proceedings.court.name': '  Detroit   Immigration Court ' });
    expect(valueAt(r.draft, 'proceedings.order.inAbsentia')).toBe(false);
    expect(valueAt(r.draft, 'proceedings.court.name')).toBe('Detroit Immigration Court');
    const bad = applyAnswers(d, stepById('order')!, { 'proceedings.order.inAbsentia': 'maybe', 'proceedings.type': 'martian' });
    expect(bad.problems.map((p) => p.path)).toEqual(['proceedings.type', 'proceedings.order.inAbsentia']);
    const account = applyAnswers(d, stepById('declaration')!, { 'declaration.account': 'I was born in Alqosh.\nIn 2003 I left.\n\n\nI fear return.\r\n\r\nI could not say this before.' }).draft;
    expect(valueAt(account, 'declaration.account')).toEqual(['I was born in Alqosh. In 2003 I left.', 'I fear return.', 'I could not say this before.']);
    const relief = applyAnswers(d, stepById('basis')!, { 'motion.basis': 'new-evidence', 'motion.reliefSought': ['cat', 'asylum'] }).draft;
    expect(valueAt(relief, 'motion.reliefSought')).toEqual(['asylum', 'cat']);
  });

  it('an answer cleared removes the field, and the objects it leaves empty', () => {
    const d = withValue({ respondent: { name: { family: 'Yousif' } } }, 'respondent.languages.0.name', 'Arabic');
    const cleared = applyAnswers(d, stepById('language')!, { 'respondent.languages.0.name': '', 'respondent.languages.0.interpreterNeeded': '' }).draft;
    expect(cleared).toEqual({ respondent: { name: { family: 'Yousif' } } });
  });

  it('path segments named like Object.prototype members are plain keys', () => {
    const d = withValue({}, '__proto__.polluted', true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(valueAt(d, '__proto__.polluted')).toBe(true);
    expect(valueAt({}, 'constructor')).toBeUndefined();
  });
});
