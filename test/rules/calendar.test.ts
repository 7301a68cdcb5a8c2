import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessDays,
  addEoirDays,
  BIA_APPEAL_CITATION,
  federalHolidays,
  holidaysOn,
  isBusinessDay,
  isFederalHoliday,
  isWeekend,
  nonBusinessReason,
  rollForward,
} from '../../src/rules/calendar.js';
import { addDays, compareDates, dateParts, dayOfWeek, daysBetween, isCivilDate } from '../../src/case/civil-date.js';
import { CLOSURE_DATES, CLOSURES, FEDERAL_HOLIDAYS } from '../../src/rules/data/holidays.js';

const observed = (year: number, opts: { inauguration?: boolean } = {}): string[] =>
  federalHolidays(year, opts).map((h) => h.date);

// Observed federal holidays as OPM published them (and as domain reference 6.5 lists 2017).
const OPM_LISTS: Record<number, string[]> = {
  2017: ['2017-01-02', '2017-01-16', '2017-02-20', '2017-05-29', '2017-07-04', '2017-09-04', '2017-10-09', '2017-11-10', '2017-11-23', '2017-12-25'],
  2020: ['2020-01-01', '2020-01-20', '2020-02-17', '2020-05-25', '2020-07-03', '2020-09-07', '2020-10-12', '2020-11-11', '2020-11-26', '2020-12-25'],
  2021: ['2021-01-01', '2021-01-18', '2021-02-15', '2021-05-31', '2021-06-18', '2021-07-05', '2021-09-06', '2021-10-11', '2021-11-11', '2021-11-25', '2021-12-24', '2021-12-31'],
  2022: ['2022-01-17', '2022-02-21', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-10-10', '2022-11-11', '2022-11-24', '2022-12-26'],
  2023: ['2023-01-02', '2023-01-16', '2023-02-20', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-10-09', '2023-11-10', '2023-11-23', '2023-12-25'],
  2024: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25'],
  2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
};

describe('federalHolidays: the complete observed lists', () => {
  test.each(Object.entries(OPM_LISTS))('%s', (year, dates) => {
    expect(observed(Number(year))).toEqual(dates);
  });

  test('each entry names the holiday, the day the law names, and cites the statute', () => {
    const byDate = new Map(federalHolidays(2021).map((h) => [h.date, h]));
    expect(byDate.get('2021-06-18')).toEqual({
      date: '2021-06-18',
      actual: '2021-06-19',
      name: 'Juneteenth National Independence Day',
      citation: '5 U.S.C. 6103(a); Pub. L. 117-17, from 2021; 5 U.S.C. 6103(b); Executive Order 11582',
    });
    // Next year's New Year's Day, observed in this year.
    expect(byDate.get('2021-12-31')).toMatchObject({ actual: '2022-01-01', name: "New Year's Day" });
    expect(byDate.get('2021-11-11')).toEqual({
      date: '2021-11-11',
      actual: '2021-11-11',
      name: 'Veterans Day',
      citation: '5 U.S.C. 6103(a); Pub. L. 94-97, from 1978',
    });
    const christmas2022 = federalHolidays(2022).find((h) => h.name === 'Christmas Day');
    expect(christmas2022).toMatchObject({ date: '2022-12-26', actual: '2022-12-25' });
  });

  test('2022 has no New Year entry of its own: it was observed on Friday 2021-12-31', () => {
    expect(federalHolidays(2022).some((h) => h.name === "New Year's Day")).toBe(false);
    expect(isFederalHoliday('2021-12-31')).toBe(true);
    expect(isBusinessDay('2021-12-31')).toBe(false);
  });

  test('no Juneteenth before 2021', () => {
    for (const year of [2016, 2017, 2018, 2019, 2020]) {
      expect(federalHolidays(year).map((h) => h.name)).not.toContain('Juneteenth National Independence Day');
      const june19 = `${year}-06-19`;
      expect(isFederalHoliday(june19)).toBe(false);
    }
    expect(isBusinessDay('2020-06-19')).toBe(true); // a Friday
    expect(isBusinessDay('2021-06-18')).toBe(false);
  });

  test('no MLK Day before 1986', () => {
    expect(federalHolidays(1985).map((h) => h.name)).not.toContain('Birthday of Martin Luther King, Jr.');
    expect(isBusinessDay('1985-01-21')).toBe(true);
    expect(federalHolidays(1986).find((h) => h.name === 'Birthday of Martin Luther King, Jr.')?.date).toBe('1986-01-20');
  });

  test('Veterans Day was the fourth Monday of October from 1971 to 1977', () => {
    expect(federalHolidays(1975).find((h) => h.name === 'Veterans Day')?.date).toBe('1975-10-27');
    expect(isFederalHoliday('1975-11-11')).toBe(false);
    // Back on November 11 from 1978; that day was a Saturday, observed Friday.
    expect(federalHolidays(1978).find((h) => h.name === 'Veterans Day')).toMatchObject({
      date: '1978-11-10',
      actual: '1978-11-11',
    });
  });

  test('the calendar refuses years it does not model', () => {
    expect(() => federalHolidays(1970)).toThrow(RangeError);
    expect(() => federalHolidays(2200)).toThrow(RangeError);
    expect(() => federalHolidays(2017.5)).toThrow(RangeError);
    expect(() => isBusinessDay('1970-06-01')).toThrow(RangeError);
    // 1971: nine holidays of its own plus New Year's Day 1972 (a Saturday), observed Friday 1971-12-31.
    expect(federalHolidays(1971)).toHaveLength(10);
    expect(federalHolidays(1971).at(-1)).toMatchObject({ date: '1971-12-31', actual: '1972-01-01' });
    expect(federalHolidays(2199)).toHaveLength(11);
  });
});

describe('holiday rules, checked against Date.UTC for 1971-2199', () => {
  // An independent check of every rule row: the actual date has the right weekday and falls in
  // the right week of the month, and the observed date follows the weekend rule.
  const utc = (d: string): Date => {
    const { year, month, day } = dateParts(d);
    return new Date(Date.UTC(year, month - 1, day));
  };

  test('every observed holiday is a weekday, at most one day from the day the law names', () => {
    for (let year = 1971; year <= 2199; year += 1) {
      for (const h of federalHolidays(year)) {
        const actualDow = utc(h.actual).getUTCDay();
        const shift = daysBetween(h.actual, h.date);
        expect(shift).toBe(actualDow === 6 ? -1 : actualDow === 0 ? 1 : 0);
        expect(isWeekend(h.date)).toBe(false);
        expect(dateParts(h.date).year).toBe(year);
      }
    }
  });

  test('each row lands on its weekday in its week', () => {
    for (let year = 1971; year <= 2199; year += 1) {
      for (const def of FEDERAL_HOLIDAYS) {
        const inForce = year >= def.firstYear && (def.lastYear === undefined || year <= def.lastYear);
        const actuals = [year - 1, year, year + 1]
          .filter((y) => y >= 1971 && y <= 2199)
          .flatMap((y) => federalHolidays(y))
          .filter((h) => h.name === def.name && dateParts(h.actual).year === year)
          .map((h) => h.actual);
        const mine = actuals.filter((a) => dateParts(a).month === def.rule.month);
        if (!inForce) {
          expect(mine).toEqual([]);
          continue;
        }
        expect(mine).toHaveLength(1);
        const actual = mine[0] ?? '';
        const day = utc(actual).getUTCDate();
        const rule = def.rule;
        if (rule.kind === 'fixed') {
          expect(day).toBe(rule.day);
        } else {
          expect(utc(actual).getUTCDay()).toBe(rule.weekday);
          if (rule.kind === 'nth-weekday') expect(Math.ceil(day / 7)).toBe(rule.nth);
          else expect(utc(addDays(actual, 7)).getUTCMonth() + 1).not.toBe(rule.month);
        }
      }
    }
  });
});

describe('Inauguration Day (D.C.-area offices only)', () => {
  test('off by default, on when asked', () => {
    expect(isBusinessDay('2017-01-20')).toBe(true);
    expect(isBusinessDay('2017-01-20', { inauguration: true })).toBe(false);
    expect(observed(2017, { inauguration: true })).toContain('2017-01-20');
    expect(observed(2018, { inauguration: true })).toEqual(observed(2018));
  });

  test('a Sunday January 20 moves to Monday January 21 (1985)', () => {
    expect(federalHolidays(1985, { inauguration: true }).find((h) => h.name === 'Inauguration Day')).toEqual({
      date: '1985-01-21',
      actual: '1985-01-20',
      name: 'Inauguration Day',
      citation: '5 U.S.C. 6103(c)',
    });
  });

  test('a Saturday January 20 gives no Friday off (2001)', () => {
    expect(observed(2001, { inauguration: true })).toEqual(observed(2001));
    expect(isBusinessDay('2001-01-19', { inauguration: true })).toBe(true);
  });

  test('on MLK Day both are listed (2025)', () => {
    expect(holidaysOn('2025-01-20', { inauguration: true }).map((h) => h.name)).toEqual([
      'Birthday of Martin Luther King, Jr.',
      'Inauguration Day',
    ]);
    expect(nonBusinessReason('2025-01-20', { inauguration: true })).toBe(
      'Birthday of Martin Luther King, Jr. and Inauguration Day',
    );
  });
});

describe('closures', () => {
  test('the table holds the closures the brief names, each a weekday that is not a holiday', () => {
    for (const d of ['2018-12-05', '2019-12-24', '2020-12-24', '2024-12-24', '2025-01-09', '2025-12-24', '2025-12-26']) {
      expect(CLOSURE_DATES).toContain(d);
    }
    expect([...CLOSURE_DATES].sort(compareDates)).toEqual(CLOSURE_DATES);
    expect(new Set(CLOSURE_DATES).size).toBe(CLOSURE_DATES.length);
    for (const c of CLOSURES) {
      expect(isCivilDate(c.date) && isCivilDate(c.signed)).toBe(true);
      expect(compareDates(c.signed, c.date)).toBeLessThan(0);
      expect(isWeekend(c.date)).toBe(false);
      expect(isFederalHoliday(c.date)).toBe(false);
      expect(c.executiveOrder).toMatch(/^Executive Order \d{5}$/);
      expect(['H·S', 'H·K', 'M', 'L']).toContain(c.confidence);
    }
  });

  test('a closure is a non-business day only when passed, and never a holiday', () => {
    expect(isBusinessDay('2018-12-05')).toBe(true);
    expect(isBusinessDay('2018-12-05', { closures: CLOSURE_DATES })).toBe(false);
    expect(isFederalHoliday('2018-12-05')).toBe(false);
    expect(nonBusinessReason('2018-12-05', { closures: CLOSURE_DATES })).toBe(
      'closed by Executive Order 13852 (National day of mourning for President George H. W. Bush)',
    );
    expect(nonBusinessReason('2021-02-16', { closures: ['2021-02-16'] })).toBe('listed as a closure day');
    expect(rollForward('2019-12-24', { closures: CLOSURE_DATES })).toEqual({
      date: '2019-12-26',
      rolled: true,
      skipped: [
        { date: '2019-12-24', reason: 'closed by Executive Order 13900 (Day before Christmas Day)' },
        { date: '2019-12-25', reason: 'Christmas Day' },
      ],
    });
  });

  test('a mistyped closure is an error, not a silent no-op', () => {
    expect(() => isBusinessDay('2019-12-24', { closures: ['2019-12-32'] })).toThrow(RangeError);
    expect(() => addEoirDays('2019-11-24', 30, { closures: ['12/24/2019'] })).toThrow(RangeError);
  });

  test('addEoirDays ignores closures for the due date unless asked, and warns', () => {
    const plain = addEoirDays('2019-11-24', 30);
    expect(plain).toMatchObject({ raw: '2019-12-24', due: '2019-12-24', rolled: false, warnings: [] });

    const passed = addEoirDays('2019-11-24', 30, { closures: CLOSURE_DATES });
    expect(passed.due).toBe('2019-12-24');
    expect(passed.warnings).toEqual([
      'The office may be closed on the due date, Tuesday, December 24, 2019: closed by Executive Order 13900 ' +
        '(Day before Christmas Day). The due date was not moved later; plan to file by the business day before.',
    ]);

    const extended = addEoirDays('2019-11-24', 30, { closures: CLOSURE_DATES, closuresExtendDeadline: true });
    expect(extended).toMatchObject({ raw: '2019-12-24', due: '2019-12-26', rolled: true, warnings: [] });
    expect(extended.explanation).toBe(
      '30 days from November 24, 2019 is Tuesday, December 24, 2019, closed by Executive Order 13900 (Day before ' +
        'Christmas Day); the deadline moves to the next business day, Thursday, December 26, 2019 (ICPM 3.1(c)).',
    );
  });

  test('addBusinessDays counts closure days unless asked', () => {
    // Received Mon 2018-12-03; 2018-12-05 and 2018-12-24 were closures.
    expect(addBusinessDays('2018-12-03', 20).due).toBe('2019-01-02');
    expect(addBusinessDays('2018-12-03', 20, { closures: CLOSURE_DATES }).due).toBe('2019-01-02');
    expect(addBusinessDays('2018-12-03', 20, { closures: CLOSURE_DATES, closuresExtendDeadline: true }).due).toBe(
      '2019-01-04',
    );
  });
});

describe('EOIR worked examples (domain reference 6.2)', () => {
  test.each([
    // trigger, days, raw, due
    ['2017-03-15', 90, '2017-06-13', '2017-06-13'], // IJ order, appeal waived; MTR
    ['2017-05-10', 30, '2017-06-09', '2017-06-09'], // appeal deadline: the order is final then
    ['2017-06-09', 90, '2017-09-07', '2017-09-07'], // MTR from finality: the legal date
    ['2017-05-10', 90, '2017-08-08', '2017-08-08'], // MTR from the decision: the safe date
    ['2017-02-03', 90, '2017-05-04', '2017-05-04'], // BIA dismissal; MTR to the BIA
    ['2017-01-09', 180, '2017-07-08', '2017-07-10'], // in absentia, exceptional circumstances
    ['2017-08-07', 90, '2017-11-05', '2017-11-06'], // Hamama-style production + 90
    ['2022-03-22', 90, '2022-06-20', '2022-06-21'], // past Juneteenth observed
    ['2017-10-13', 30, '2017-11-12', '2017-11-13'], // PFR; Veterans Day 2017 observed on Friday 11-10
  ])('%s + %i: raw %s, due %s', (trigger, days, raw, due) => {
    const r = addEoirDays(trigger, days);
    expect(r.raw).toBe(raw);
    expect(r.due).toBe(due);
    expect(r.rolled).toBe(raw !== due);
    expect(r.citation).toBe('ICPM 3.1(c)');
  });

  test('the two-step MTR deadline chains: decision + 30 = finality, finality + 90', () => {
    const finality = addEoirDays('2017-05-10', 30).due;
    expect(addEoirDays(finality, 90).due).toBe('2017-09-07');
  });

  test('explanations', () => {
    expect(addEoirDays('2017-08-07', 90).explanation).toBe(
      '90 days from August 7, 2017 is Sunday, November 5, 2017; the deadline moves to the next business day, ' +
        'Monday, November 6, 2017 (ICPM 3.1(c)).',
    );
    expect(addEoirDays('2022-03-22', 90).explanation).toBe(
      '90 days from March 22, 2022 is Monday, June 20, 2022, Juneteenth National Independence Day (observed); ' +
        'the deadline moves to the next business day, Tuesday, June 21, 2022 (ICPM 3.1(c)).',
    );
    expect(addEoirDays('2017-03-15', 90).explanation).toBe(
      '90 days from March 15, 2017 is Tuesday, June 13, 2017, a business day, so that is the deadline (ICPM 3.1(c)).',
    );
    expect(addEoirDays('2017-03-15', 1).explanation).toMatch(/^1 day from March 15, 2017 is Thursday/);
  });

  test('skipped days say why, across a long weekend', () => {
    // 2022-12-24 is a Saturday; Christmas (Sunday) is observed Monday the 26th.
    expect(addEoirDays('2022-11-24', 30)).toMatchObject({
      raw: '2022-12-24',
      due: '2022-12-27',
      skipped: [
        { date: '2022-12-24', reason: 'Saturday' },
        { date: '2022-12-25', reason: 'Sunday' },
        { date: '2022-12-26', reason: 'Christmas Day (observed)' },
      ],
    });
  });

  test('a BIA appeal cites the regulation', () => {
    const r = addEoirDays('2017-10-13', 30, { citation: BIA_APPEAL_CITATION });
    expect(r.citation).toBe('8 C.F.R. 1003.38(b)');
    expect(r.explanation).toMatch(/\(8 C\.F\.R\. 1003\.38\(b\)\)\.$/);
  });

  test('the BIA counts Inauguration Day when asked', () => {
    // 2016-12-21 + 30 = Friday 2017-01-20.
    expect(addEoirDays('2016-12-21', 30).due).toBe('2017-01-20');
    expect(addEoirDays('2016-12-21', 30, { inauguration: true }).due).toBe('2017-01-23');
  });

  test('bad input is refused', () => {
    expect(() => addEoirDays('2017-02-30', 90)).toThrow(RangeError);
    expect(() => addEoirDays('2017-03-15', -1)).toThrow(RangeError);
    expect(() => addEoirDays('2017-03-15', 2.5)).toThrow(RangeError);
  });
});

describe('FOIA business days (domain reference 6.3)', () => {
  test('received Mon 2017-07-03, day 20 skipping July 4 = Tue 2017-08-01', () => {
    const r = addBusinessDays('2017-07-03', 20);
    expect(r.due).toBe('2017-08-01');
    expect(r.citation).toBe('5 U.S.C. 552(a)(6)(A)(i)');
    expect(r.skipped).toEqual([{ date: '2017-07-04', reason: 'Independence Day' }]);
    expect(r.explanation).toBe(
      '20 business days after receipt on Monday, July 3, 2017, not counting Saturdays, Sundays or ' +
        'Independence Day (Tuesday, July 4, 2017), is Tuesday, August 1, 2017 (5 U.S.C. 552(a)(6)(A)(i)).',
    );
  });

  test('received Wed 2022-06-15, skipping Juneteenth observed on June 20 = Fri 2022-07-15', () => {
    const r = addBusinessDays('2022-06-15', 20);
    expect(r.due).toBe('2022-07-15');
    expect(r.skipped.map((s) => s.date)).toEqual(['2022-06-20', '2022-07-04']);
  });

  test('received on a non-business day: the count starts with the next business day', () => {
    // Saturday 2017-07-01 and Sunday 07-02 are not counted; Monday 07-03 is day 1.
    expect(addBusinessDays('2017-07-01', 1).due).toBe('2017-07-03');
    expect(addBusinessDays('2017-07-01', 20).due).toBe('2017-07-31');
    expect(addBusinessDays('2017-07-04', 1).due).toBe('2017-07-05');
    expect(addBusinessDays('2017-07-01', 20).explanation).toContain(
      'receipt on Saturday, July 1, 2017 (not a business day, so the count starts with the next one)',
    );
  });

  test('the extension and DHS appeal windows reuse it with their own citation', () => {
    const r = addBusinessDays('2017-08-01', 10, { citation: '5 U.S.C. 552(a)(6)(B)(i)' });
    expect(r.due).toBe('2017-08-15');
    expect(r.citation).toBe('5 U.S.C. 552(a)(6)(B)(i)');
  });

  test('bad input is refused', () => {
    expect(() => addBusinessDays('2017-07-03', 0)).toThrow(RangeError);
    expect(() => addBusinessDays('2017-07-03', -5)).toThrow(RangeError);
    expect(() => addBusinessDays('not a date', 20)).toThrow(RangeError);
  });
});

describe('properties over 1990-2060', () => {
  const date = fc
    .integer({ min: 0, max: daysBetween('1990-01-01', '2060-12-31') })
    .map((n) => addDays('1990-01-01', n));
  const options = fc.record({ inauguration: fc.boolean() });

  test('rollForward: Inauguration Day after MLK Day pushes a Saturday to the Wednesday', () => {
    expect(rollForward('2009-01-17', { inauguration: true }).date).toBe('2009-01-21');
    expect(rollForward('2009-01-17').date).toBe('2009-01-20');
  });

  // At most 3 days later (a Saturday before a Monday holiday), or 4 with Inauguration Day, which
  // can fall on the Tuesday after Martin Luther King Day (Sat 2009-01-17 rolls to Wed 2009-01-21).
  test('rollForward gives the first business day on or after the date, at most 3 days later (4 with Inauguration Day)', () => {
    fc.assert(
      fc.property(date, options, (d, opts) => {
        const r = rollForward(d, opts);
        expect(isBusinessDay(r.date, opts)).toBe(true);
        expect(isWeekend(r.date)).toBe(false);
        expect(isFederalHoliday(r.date, opts)).toBe(false);
        const gap = daysBetween(d, r.date);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(opts.inauguration ? 4 : 3);
        // Every day passed over is listed, in order, and really is not a business day.
        expect(r.skipped.map((s) => s.date)).toEqual(Array.from({ length: gap }, (_, i) => addDays(d, i)));
        for (const s of r.skipped) expect(isBusinessDay(s.date, opts)).toBe(false);
        expect(r.rolled).toBe(gap > 0);
      }),
      { numRuns: 3000 },
    );
  });

  test('addEoirDays is the raw date rolled forward, never earlier', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 400 }), (d, n) => {
        const r = addEoirDays(d, n);
        expect(r.raw).toBe(addDays(d, n));
        expect(r.due).toBe(rollForward(r.raw).date);
        expect(compareDates(r.due, r.raw)).toBeGreaterThanOrEqual(0);
        expect(isBusinessDay(r.due)).toBe(true);
        expect(r.explanation).toContain(`${n} day`);
        expect(r.explanation.endsWith('(ICPM 3.1(c)).')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('addBusinessDays lands on a business day with exactly n business days in (received, due]', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 120 }), options, (d, n, opts) => {
        const { due } = addBusinessDays(d, n, opts);
        expect(isBusinessDay(due, opts)).toBe(true);
        let count = 0;
        for (let x = addDays(d, 1); compareDates(x, due) <= 0; x = addDays(x, 1)) {
          if (isBusinessDay(x, opts)) count += 1;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  test('one more business day is always later', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => {
        expect(compareDates(addBusinessDays(d, n + 1).due, addBusinessDays(d, n).due)).toBe(1);
      }),
    );
  });

  test('a business day is exactly a weekday that is not an observed holiday', () => {
    fc.assert(
      fc.property(date, (d) => {
        const dow = dayOfWeek(d);
        expect(isBusinessDay(d)).toBe(dow !== 0 && dow !== 6 && !isFederalHoliday(d));
      }),
      { numRuns: 3000 },
    );
  });
});
