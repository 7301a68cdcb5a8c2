import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate.js';
import { validCase, type Json } from '../helpers/cases.js';

const ev = (patch: Json, asOf = '2017-06-01') => evaluate(validCase(patch), asOf);
const codes = (patch: Json, asOf?: string) => ev(patch, asOf).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);

describe('forum', () => {
  it('the immigration court when the judge decided last', () => {
    expect(ev({ motion: { basis: 'new-evidence' } }).forum?.value).toBe('immigration-court');
    expect(ev({ proceedings: { order: { appeal: 'reserved' } }, motion: { basis: 'new-evidence' } }).forum?.value).toBe('immigration-court');
  });

  it('the Board when it decided the appeal', () => {
    const e = ev({
      proceedings: { order: { appeal: 'filed' }, appealDecision: { date: '2017-05-01', outcome: 'dismissed' } },
      motion: { basis: 'new-evidence' },
    });
    expect(e.forum?.value).toBe('bia');
    expect(e.forum?.citation).toContain('8 C.F.R. 1003.2(c)');
    expect(e.venue?.name).toBe('Board of Immigration Appeals');
    expect(e.venue?.address?.city).toBe('Falls Church');
  });

  it('the Board while an appeal is pending (as a motion to remand)', () => {
    expect(ev({ proceedings: { order: { appeal: 'filed' } }, motion: { basis: 'new-evidence' } }).forum?.value).toBe('bia');
  });

  it('in absentia rescission always goes to the immigration court', () => {
    const e = ev({
      proceedings: { order: { inAbsentia: true, appeal: 'filed' }, appealDecision: { date: '2017-05-01', outcome: 'dismissed' } },
      motion: { basis: 'in-absentia-no-notice' },
    });
    expect(e.forum?.value).toBe('immigration-court');
  });

  it('no motion: no forum and no automatic stay', () => {
    const e = ev({});
    expect([e.forum, e.automaticStay, e.deadlines]).toEqual([null, null, []]);
  });

  it('fills the court address from the reference list, never inventing one', () => {
    const known = ev({ proceedings: { court: { name: 'Detroit Immigration Court', code: undefined } } });
    expect(known.court!.code).toBe('DET');
    expect(known.court!.address?.city).toBe('Detroit');
    expect(known.court!.ropMailbox).toBe('EOIR.DET.ROP.Requests@usdoj.gov');
    const unknown = ev({ proceedings: { court: { name: 'Atlantis Immigration Court', code: undefined } } });
    expect([unknown.court!.address, unknown.court!.code]).toEqual([null, null]);
  });
});

describe('automatic stay', () => {
  it('stays removal for an in absentia rescission motion in removal proceedings', () => {
    const e = ev({ proceedings: { order: { inAbsentia: true } }, motion: { basis: 'in-absentia-exceptional' } });
    expect(e.automaticStay?.value).toBe(true);
    expect(e.automaticStay?.citation).toContain('1003.23(b)(4)(ii)');
  });

  it('does not stay removal for other motions', () => {
    const e = ev({ motion: { basis: 'changed-country-conditions', reliefSought: ['asylum'] } });
    expect(e.automaticStay?.value).toBe(false);
  });

  it('warns that deportation proceedings follow other in absentia rules', () => {
    expect(codes({ proceedings: { type: 'deportation', order: { inAbsentia: true } }, motion: { basis: 'in-absentia-no-notice' } })).toContain(
      'warning:deportation_in_absentia@proceedings.type',
    );
  });
});

describe('the one-motion limit', () => {
  const prior = (filed: string, extra: Json = {}) => ({ kind: 'reopen', forum: 'immigration-court', filed, ...extra });

  it('bars a second motion on a basis that is not an exception', () => {
    expect(codes({ proceedings: { priorMotions: [prior('2017-04-01')] }, motion: { basis: 'new-evidence' } })).toContain(
      'error:number_limit@proceedings.priorMotions.0',
    );
  });

  it('counts only motions to reopen filed on or after 1996-07-31', () => {
    const old = { proceedings: { order: { date: '1995-01-10' }, priorMotions: [prior('1996-07-30')] }, motion: { basis: 'new-evidence' } };
    expect(codes(old).some((c) => c.includes('number_limit'))).toBe(false);
    const reconsider = { proceedings: { priorMotions: [{ kind: 'reconsider', forum: 'immigration-court', filed: '2017-04-01' }] }, motion: { basis: 'new-evidence' } };
    expect(codes(reconsider).some((c) => c.includes('number_limit'))).toBe(false);
  });

  it.each(['changed-country-conditions', 'joint', 'sua-sponte', 'court-order'] as const)('lets %s through (V04)', (basis) => {
    const c = codes({
      proceedings: { priorMotions: [prior('2017-04-01')] },
      motion: {
        basis,
        reliefSought: ['asylum'],
        dhsPosition: 'joins',
        courtOrderClock: { caption: 'Hamama v. Adducci', citation: 'x', trigger: 'production', triggerDate: '2017-05-01', days: 90 },
      },
    });
    expect(c.some((x) => x.includes('number_limit'))).toBe(false);
  });

  it('in absentia rescission has its own one-motion rule: an earlier rescission bars it, another motion does not', () => {
    const inAbsentia = (priorBasis?: string) =>
      codes({
        proceedings: { order: { inAbsentia: true }, priorMotions: [prior('2017-04-01', priorBasis ? { basis: priorBasis } : {})] },
        motion: { basis: 'in-absentia-no-notice' },
      });
    expect(inAbsentia('in-absentia-exceptional')).toContain('error:in_absentia_number_limit@proceedings.priorMotions.0');
    expect(inAbsentia('new-evidence')).toEqual([]);
    expect(inAbsentia()).toEqual(['warning:prior_motion_basis_unknown@proceedings.priorMotions.0.basis']);
  });
});

describe('bars and warnings', () => {
  it('a frivolous finding bars a changed-country-conditions motion', () => {
    expect(
      codes({ proceedings: { frivolousFinding: true }, motion: { basis: 'changed-country-conditions', reliefSought: ['asylum'] } }),
    ).toContain('error:frivolous_bar@proceedings.frivolousFinding');
  });

  it('changed country conditions must seek protection, and should show newer evidence', () => {
    const c = codes({ motion: { basis: 'changed-country-conditions', reliefSought: ['adjustment'] } });
    expect(c).toContain('error:changed_conditions_relief@motion.reliefSought');
    expect(c).toContain('warning:changed_conditions_evidence@motion.evidence');
    const ok = codes({
      motion: {
        basis: 'changed-country-conditions',
        reliefSought: ['asylum'],
        evidence: [{ title: 'Report', kind: 'country-conditions', date: '2017-04-01' }],
      },
    });
    expect(ok).toEqual([]);
  });

  it('departure since the order is a warning, not an error, naming the circuit where the court sits', () => {
    const e = ev({ proceedings: { departedSinceOrder: true }, motion: { basis: 'new-evidence' } });
    expect(e.issues.map((i) => `${i.severity}:${i.code}@${i.path}`)).toEqual(['warning:departure_bar@proceedings.departedSinceOrder']);
    expect(e.issues[0]?.message).toContain('Sixth Circuit, where this court sits');
  });

  it('a joint motion that DHS opposes is a contradiction', () => {
    expect(codes({ motion: { basis: 'joint', dhsPosition: 'opposes' } })).toContain('error:contradiction@motion.dhsPosition');
  });

  it('an in absentia basis needs an in absentia order', () => {
    expect(codes({ motion: { basis: 'in-absentia-no-notice' } })).toContain('error:in_absentia_basis_mismatch@motion.basis');
  });

  it('events cannot be later than the check date', () => {
    expect(codes({ proceedings: { order: { date: '2017-06-02' } } }, '2017-06-01')).toContain(
      'error:date_in_future@proceedings.order.date',
    );
  });
});

describe('stay requests', () => {
  const detained = {
    respondent: { mailingAddress: undefined },
    custody: {
      status: 'detained',
      facility: { name: 'Northeast Ohio Correctional Center', address: { street: '2240 Hubbard Road', city: 'Youngstown', state: 'OH', zip: '44505' } },
      scheduledRemoval: { date: '2017-06-20', time: '09:00', confirmedByDhs: true },
    },
  };

  it('a stay from a body with nothing pending is an error', () => {
    expect(codes({ stay: { immigrationCourt: true } })).toContain('error:stay_nothing_pending@stay.immigrationCourt');
    expect(codes({ motion: { basis: 'new-evidence' }, stay: { bia: true } })).toContain('error:stay_nothing_pending@stay.bia');
    expect(codes({ motion: { basis: 'new-evidence' }, stay: { immigrationCourt: true } })).toEqual([]);
  });

  it('an emergency stay at the Board needs custody, a DHS-confirmed date and time, and a matter pending (V18)', () => {
    const board = {
      ...detained,
      proceedings: { order: { appeal: 'filed' }, appealDecision: { date: '2017-05-01', outcome: 'dismissed' } },
      motion: { basis: 'new-evidence' },
      stay: { bia: true, emergency: true },
    };
    expect(codes(board)).toEqual([]);
    const unconfirmed = { ...board, custody: { ...detained.custody, scheduledRemoval: { date: '2017-06-20', confirmedByDhs: false } } };
    const issue = ev(unconfirmed).issues.find((i) => i.code === 'emergency_stay_criteria');
    expect(issue).toMatchObject({ path: 'stay.emergency', severity: 'error' });
    expect(issue?.message).toContain('DHS has confirmed a specific removal date and time');
    const released = { ...board, custody: { status: 'supervision' }, respondent: {} };
    expect(ev(released).issues.find((i) => i.code === 'emergency_stay_criteria')?.message).toContain('DHS physical custody');
  });

  it('the emergency form before the judge is refused without custody or a DHS-confirmed removal still to come', () => {
    const judge = { ...detained, motion: { basis: 'new-evidence' }, stay: { immigrationCourt: true, emergency: true } };
    expect(codes(judge)).toEqual([]);
    const refused = (over: object) => ev({ ...judge, ...over }).issues.find((i) => i.code === 'emergency_stay_criteria');
    const released = refused({ respondent: {}, custody: { status: 'supervision', scheduledRemoval: { date: '2017-06-20', time: '09:00', confirmedByDhs: true } } });
    expect(released).toMatchObject({ path: 'stay.emergency', severity: 'error' });
    expect(released?.message).toContain('DHS physical custody');
    const unconfirmed = refused({ custody: { ...detained.custody, scheduledRemoval: { date: '2017-06-20', time: '09:00', confirmedByDhs: false } } });
    expect(unconfirmed).toMatchObject({ path: 'stay.emergency', severity: 'error' });
    expect(unconfirmed?.message).toContain('DHS has confirmed a specific removal date and time');
    const noTime = refused({ custody: { ...detained.custody, scheduledRemoval: { date: '2017-06-20', confirmedByDhs: true } } });
    expect(noTime?.severity).toBe('error');
    const past = refused({ custody: { ...detained.custody, scheduledRemoval: { date: '2017-05-20', time: '09:00', confirmedByDhs: true } } });
    expect(past?.message).toContain('the confirmed date has passed');
    // An ordinary stay motion on the same facts is fine.
    expect(codes({ ...judge, respondent: {}, custody: { status: 'supervision' }, stay: { immigrationCourt: true } })).toEqual([]);
  });

  it('a decided earlier motion is not pending, whatever dates are missing', () => {
    const decided = { proceedings: { priorMotions: [{ kind: 'reopen', forum: 'immigration-court', filed: '2017-04-01', outcome: 'denied' }] }, stay: { immigrationCourt: true } };
    expect(codes(decided)).toContain('error:stay_nothing_pending@stay.immigrationCourt');
  });

  it('a frivolous finding also bars a stay under the changed-conditions exception', () => {
    expect(
      codes({ proceedings: { frivolousFinding: true }, motion: { basis: 'changed-country-conditions', reliefSought: ['asylum'] }, stay: { immigrationCourt: true } }),
    ).toContain('error:frivolous_bar@stay.immigrationCourt');
  });
});

describe('fees', () => {
  it('$110 before July 2025, unless the motion rests only on asylum-type relief', () => {
    expect(ev({ motion: { basis: 'new-evidence', reliefSought: ['adjustment'] } }).fee?.owed).toBe(110);
    const asylum = ev({ motion: { basis: 'changed-country-conditions', reliefSought: ['asylum', 'withholding', 'cat'] } }).fee;
    expect(asylum?.owed).toBe(0);
    expect(asylum?.lines[0]?.exemptBecause).toContain('asylum');
  });

  it('no fee for an in absentia motion for lack of notice, before or after July 2025', () => {
    const patch = { proceedings: { order: { inAbsentia: true } }, motion: { basis: 'in-absentia-no-notice' } };
    expect(ev(patch).fee?.owed).toBe(0);
    expect(ev(patch, '2026-01-05').fee?.owed).toBe(0);
  });

  it('from July 4, 2025, the $900 statutory fee is added and the fee-free-relief exemption is gone', () => {
    const f = ev({ motion: { basis: 'changed-country-conditions', reliefSought: ['asylum'] } }, '2025-07-04').fee;
    expect(f?.schedule).toBe('obbba-2025');
    expect(f?.owed).toBe(110 + 900 + 100);
    expect(f?.lines.map((l) => l.id)).toEqual(['motion-fee', 'obbba-motion-fee', 'asylum-application-fee']);
    expect(ev({ motion: { basis: 'changed-country-conditions', reliefSought: ['asylum'] } }, '2025-07-03').fee?.owed).toBe(0);
  });

  it('chooses the row by the filing date, not the check date', () => {
    const f = ev({ motion: { basis: 'new-evidence', reliefSought: ['adjustment'] }, filing: { date: '2017-06-10' } }, '2017-06-01').fee;
    expect(f?.on).toBe('2017-06-10');
    expect(f?.owed).toBe(110);
  });

  it('warns that a waiver of the statutory fee is unverified', () => {
    expect(codes({ motion: { basis: 'new-evidence', reliefSought: ['adjustment'], fee: { mode: 'waiver-requested' } } }, '2026-01-05')).toContain(
      'warning:low_confidence@motion.fee.mode',
    );
  });
});

describe('records routing', () => {
  it('routes each agency and counts FOIA answers in business days', () => {
    const e = ev(
      {
        records: {
          agencies: ['uscis', 'eoir', 'fbi'],
          requests: [{ agency: 'uscis', submitted: '2017-07-01', received: '2017-07-03' }],
        },
      },
      '2017-07-10',
    );
    expect(e.records.map((r) => [r.agency, r.route, r.due])).toEqual([
      ['uscis', 'foia', '2017-08-01'],
      ['eoir', 'foia', null],
      ['fbi', 'identity-history', null],
    ]);
  });

  it('asks the court for the record of proceedings when counsel is of record', () => {
    const e = ev({ counsel: { ofRecord: true }, records: { agencies: ['eoir'] } });
    expect(e.records[0]?.route).toBe('rop-request');
    expect(e.records[0]?.citation).toContain('ICPM 12.2(a)(1)');
  });

  it('received defaults to submitted', () => {
    const e = ev({ records: { agencies: ['ice'], requests: [{ agency: 'ice', submitted: '2022-06-15' }] } }, '2022-07-01');
    expect(e.records[0]?.due).toBe('2022-07-15');
  });
});
