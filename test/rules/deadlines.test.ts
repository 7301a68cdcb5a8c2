import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate.js';
import { validCase, type Json } from '../helpers/cases.js';

const deadlineOf = (patch: Json, asOf = '2030-01-01') => {
  const ev = evaluate(validCase(patch), asOf);
  const d = ev.deadlines.find((x) => x.id === 'motion-to-reopen');
  if (!d) throw new Error('no motion deadline');
  return d;
};

describe('motion-to-reopen deadline: the worked examples of reference 6.2', () => {
  it('IJ order, appeal waived, 2017-03-15: 90 days, due 2017-06-13', () => {
    const d = deadlineOf({ proceedings: { order: { date: '2017-03-15', appeal: 'waived' } }, motion: { basis: 'new-evidence' } });
    expect([d.due, d.legalDue]).toEqual(['2017-06-13', '2017-06-13']);
    expect(d.citation).toContain('8 C.F.R. 1003.23(b)(1)');
  });

  it('IJ order 2017-05-10, appeal reserved: safe 2017-08-08, legal 2017-09-07', () => {
    const d = deadlineOf({ proceedings: { order: { date: '2017-05-10', appeal: 'reserved' } }, motion: { basis: 'new-evidence' } });
    expect([d.due, d.legalDue]).toEqual(['2017-08-08', '2017-09-07']);
    expect(d.explanation).toContain('Friday, June 9, 2017');
  });

  it('BIA dismissal 2017-02-03: due 2017-05-04', () => {
    const d = deadlineOf({
      proceedings: { order: { date: '2016-05-18', appeal: 'filed' }, appealDecision: { date: '2017-02-03', outcome: 'dismissed' } },
      motion: { basis: 'new-evidence' },
    });
    expect([d.due, d.legalDue]).toEqual(['2017-05-04', '2017-05-04']);
    expect(d.citation).toContain('8 C.F.R. 1003.2(c)(2)');
  });

  it('in absentia order 2017-01-09, exceptional circumstances: raw 2017-07-08 (Sat), due 2017-07-10', () => {
    const d = deadlineOf({
      proceedings: { order: { date: '2017-01-09', inAbsentia: true } },
      motion: { basis: 'in-absentia-exceptional' },
    });
    expect([d.due, d.legalDue]).toEqual(['2017-07-10', '2017-07-10']);
    expect(d.explanation).toContain('Saturday, July 8, 2017');
  });

  it('Hamama-style court order: files produced 2017-08-07 + 90 = Sun 2017-11-05, due Mon 2017-11-06', () => {
    const d = deadlineOf({
      proceedings: { order: { date: '2005-04-12' } },
      motion: {
        basis: 'court-order',
        courtOrderClock: {
          caption: 'Hamama v. Adducci',
          citation: 'No. 2:17-cv-11910 (E.D. Mich. July 24, 2017)',
          trigger: 'production of the A-file and record of proceedings',
          triggerDate: '2017-08-07',
          days: 90,
        },
      },
    });
    expect(d.due).toBe('2017-11-06');
    // legalDue keeps the regulation's answer: 90 days from the 2005 order.
    expect(d.legalDue).toBe('2005-07-11');
    expect(d.citation).toContain('Hamama v. Adducci');
  });

  it('order 2022-03-22 + 90: raw 2022-06-20 is Juneteenth observed, due 2022-06-21', () => {
    const d = deadlineOf({ proceedings: { order: { date: '2022-03-22' } }, motion: { basis: 'new-evidence' } });
    expect(d.due).toBe('2022-06-21');
    expect(d.explanation).toContain('Juneteenth');
  });
});

describe('motion-to-reopen deadline: every basis', () => {
  const clock = {
    caption: 'Hamama v. Adducci',
    citation: 'No. 2:17-cv-11910 (E.D. Mich. July 24, 2017)',
    trigger: 'production of records',
    triggerDate: '2017-08-07',
    days: 90,
  };

  it.each(['changed-country-conditions', 'joint', 'sua-sponte'] as const)('%s has no time limit', (basis) => {
    const d = deadlineOf({ motion: { basis, reliefSought: ['asylum'] } });
    expect([d.due, d.legalDue]).toEqual([null, null]);
    expect(d.citation).not.toBe('');
  });

  it.each(['in-absentia-no-notice', 'in-absentia-in-custody'] as const)('%s may be filed at any time', (basis) => {
    const d = deadlineOf({ proceedings: { order: { inAbsentia: true } }, motion: { basis } });
    expect([d.due, d.legalDue]).toEqual([null, null]);
    expect(d.citation).toContain('240(b)(5)(C)(ii)');
  });

  it.each(['new-evidence', 'ineffective-assistance', 'change-in-law'] as const)('%s gets the general 90 days', (basis) => {
    const d = deadlineOf({ motion: { basis } });
    expect(d.due).toBe('2017-06-13');
  });

  it('a court-order clock sets due while legalDue stays null for a basis without a limit', () => {
    const d = deadlineOf({ motion: { basis: 'changed-country-conditions', reliefSought: ['asylum'], courtOrderClock: clock } });
    expect([d.due, d.legalDue]).toEqual(['2017-11-06', null]);
  });

  it('a pending appeal runs no deadline', () => {
    const d = deadlineOf({ proceedings: { order: { appeal: 'filed' } }, motion: { basis: 'new-evidence' } });
    expect([d.due, d.legalDue]).toEqual([null, null]);
  });

  it('orders final before July 1, 1996 had until September 30, 1996', () => {
    const d = deadlineOf({ proceedings: { order: { date: '1995-02-01' } }, motion: { basis: 'new-evidence' } });
    expect([d.due, d.legalDue]).toEqual(['1996-09-30', '1996-09-30']);
  });

  it('a rejected appeal counts from the judge\'s order (safe) and from the end of the appeal period (regulation)', () => {
    const d = deadlineOf({
      proceedings: { order: { date: '2017-01-10', appeal: 'filed' }, appealDecision: { date: '2017-06-01', outcome: 'rejected' } },
      motion: { basis: 'new-evidence' },
    });
    expect([d.due, d.legalDue, d.confidence]).toEqual(['2017-04-10', '2017-05-10', 'low']);
  });

  it('a remand counts from the remand (early, safe), or from the judge\'s decision after it when recorded', () => {
    const remand = { outcome: 'remanded', date: '2017-06-01' };
    expect(deadlineOf({ proceedings: { order: { date: '2017-01-10', appeal: 'filed' }, appealDecision: remand }, motion: { basis: 'new-evidence' } }).due).toBe('2017-08-30');
    expect(deadlineOf({ proceedings: { order: { date: '2017-09-05', appeal: 'filed' }, appealDecision: remand }, motion: { basis: 'new-evidence' } }).due).toBe('2017-12-04');
  });

  it('in absentia deportation and exclusion orders follow 8 C.F.R. 1003.23(b)(4)(iii)', () => {
    const deportation = (basis: string) => deadlineOf({ proceedings: { type: 'deportation', order: { date: '1995-03-01', inAbsentia: true } }, motion: { basis } });
    expect(deportation('in-absentia-no-notice')).toMatchObject({ due: null, citation: expect.stringContaining('(iii)(A)(2)') });
    expect(deportation('in-absentia-exceptional')).toMatchObject({ due: '1995-08-28', citation: expect.stringContaining('(iii)(A)(1)') });
    const exclusion = deadlineOf({ proceedings: { type: 'exclusion', order: { date: '1995-03-01', inAbsentia: true } }, motion: { basis: 'in-absentia-no-notice' } });
    expect(exclusion).toMatchObject({ due: '1995-05-30', confidence: 'low', citation: expect.stringContaining('(iii)(B)') });
  });

  it('a remanded or rejected appeal gets an answer, marked low confidence, and a warning', () => {
    const ev = evaluate(
      validCase({
        proceedings: { order: { appeal: 'filed' }, appealDecision: { date: '2017-06-01', outcome: 'rejected' } },
        motion: { basis: 'new-evidence' },
      }),
      '2017-06-10',
    );
    expect(ev.forum?.value).toBe('immigration-court');
    expect(ev.deadlines[0]?.confidence).toBe('low');
    expect(ev.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['forum_uncertain', 'low_confidence']));
  });
});

describe('timeliness issues', () => {
  it('a motion filed after due is an error at filing.date', () => {
    const ev = evaluate(validCase({ motion: { basis: 'new-evidence' }, filing: { date: '2017-06-14' } }), '2017-06-14');
    expect(ev.issues).toContainEqual(expect.objectContaining({ code: 'filed_after_deadline', path: 'filing.date', severity: 'error' }));
  });

  it('a late motion with a reason given is a warning, not an error (equitable tolling, V05)', () => {
    const ev = evaluate(
      validCase({ motion: { basis: 'ineffective-assistance', timelinessArgument: 'Equitable tolling applies: former counsel...' }, filing: { date: '2017-09-01' } }),
      '2017-09-01',
    );
    const issue = ev.issues.find((i) => i.code === 'filed_after_deadline');
    expect(issue).toMatchObject({ severity: 'warning', path: 'filing.date' });
    expect(issue?.message).toContain('Reyes Mata');
  });

  it('changed country conditions filed after a court-order period: the error says how to file without the order', () => {
    const ev = evaluate(
      validCase({
        motion: {
          basis: 'changed-country-conditions',
          reliefSought: ['asylum'],
          evidence: [{ title: 'Report', kind: 'country-conditions', date: '2017-04-01' }],
          courtOrderClock: { caption: 'Hamama v. Adducci', citation: 'x', trigger: 'production', triggerDate: '2017-08-07', days: 90 },
        },
        filing: { date: '2017-11-20' },
      }),
      '2017-11-20',
    );
    expect(ev.issues.find((i) => i.code === 'filed_after_deadline')?.message).toContain('remove motion.courtOrderClock');
  });

  it('a motion filed on the due date is timely', () => {
    const ev = evaluate(validCase({ motion: { basis: 'new-evidence' }, filing: { date: '2017-06-13' } }), '2017-06-13');
    expect(ev.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('with no filing date, a passed deadline is a warning', () => {
    const ev = evaluate(validCase({ motion: { basis: 'new-evidence' } }), '2017-07-01');
    expect(ev.issues).toContainEqual(expect.objectContaining({ code: 'deadline_passed', severity: 'warning' }));
  });

  it('a court-order trigger that disagrees with the recorded production is a warning', () => {
    const ev = evaluate(
      validCase({
        motion: {
          basis: 'court-order',
          courtOrderClock: { caption: 'Hamama v. Adducci', citation: 'x', trigger: 'production', triggerDate: '2017-08-07', days: 90 },
        },
        records: { agencies: ['uscis', 'eoir'], requests: [{ agency: 'uscis', submitted: '2017-07-03', produced: '2017-08-14' }] },
      }),
      '2017-09-01',
    );
    expect(ev.issues).toContainEqual(
      expect.objectContaining({ code: 'court_order_trigger_mismatch', path: 'motion.courtOrderClock.triggerDate', severity: 'warning' }),
    );
  });
});
