import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  civilDate,
  compareDates,
  dateParts,
  dayOfWeek,
  daysBetween,
  formatLong,
  formatLongWithWeekday,
  isCivilDate,
  MAX_YEAR,
  MIN_YEAR,
  weekdayName,
} from '../../src/case/civil-date.js';

// The oracle for these tests is Date.UTC, which the module itself never uses: an independent
// implementation of the same calendar.
function utcOracle(y: number, m: number, d: number): { valid: boolean; iso: string; dow: number } {
  const t = new Date(Date.UTC(y, m - 1, d));
  const valid = t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  return { valid, iso: t.toISOString().slice(0, 10), dow: t.getUTCDay() };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

const anyDate = fc
  .integer({ min: 0, max: daysBetween(`${MIN_YEAR}-01-01`, `${MAX_YEAR}-12-31`) })
  .map((n) => addDays(`${MIN_YEAR}-01-01`, n));

describe('isCivilDate', () => {
  test.each([
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['2017-12-31', true],
    ['1900-01-01', true],
    ['2199-12-31', true],
    ['2017-02-30', false],
    ['2019-02-29', false],
    ['1900-02-29', false], // a century year that is not a leap year
    ['2017-04-31', false],
    ['2017-13-01', false],
    ['2017-00-10', false],
    ['2017-01-00', false],
    ['2017-1-05', false],
    [' 2017-01-05', false],
    ['2017-01-05T00:00:00Z', false],
    ['1899-12-31', false],
    ['2200-01-01', false],
    ['', false],
  ])('%s -> %s', (s, expected) => {
    expect(isCivilDate(s)).toBe(expected);
  });

  test('non-strings are not dates', () => {
    expect(isCivilDate(undefined)).toBe(false);
    expect(isCivilDate(20170105)).toBe(false);
    expect(isCivilDate(new Date(Date.UTC(2017, 0, 5)))).toBe(false);
  });

  test('agrees with a round trip through Date.UTC for every year, month and day 1-31', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isCivilDate(s)).toBe(utcOracle(y, m, d).valid);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('arbitrary strings never throw and are dates only in the exact form', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (isCivilDate(s)) expect(s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe('arithmetic', () => {
  test('addDays crosses months, leap days and years', () => {
    expect(addDays('2017-08-07', 90)).toBe('2017-11-05');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('2017-03-15', 0)).toBe('2017-03-15');
  });

  test('addDays and dayOfWeek agree with Date.UTC', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        const { year, month, day } = dateParts(date);
        expect(dayOfWeek(date)).toBe(utcOracle(year, month, day).dow);
        const oracle = utcOracle(year, month, day + n).iso;
        if (isCivilDate(oracle)) expect(addDays(date, n)).toBe(oracle);
        else expect(() => addDays(date, n)).toThrow(RangeError);
      }),
      { numRuns: 3000 },
    );
  });

  test('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(daysBetween(b, a) + daysBetween(a, b)).toBe(0);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }).map((y) => `${y}-06-15`), fc.integer({ min: -9000, max: 9000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  test('compareDates orders like the strings do, and sorts', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
    expect(['2017-11-06', '2017-02-03', '2017-11-05'].sort(compareDates)).toEqual([
      '2017-02-03',
      '2017-11-05',
      '2017-11-06',
    ]);
  });

  test('the known weekdays of the worked examples', () => {
    expect(dayOfWeek('2017-11-05')).toBe(0);
    expect(dayOfWeek('2017-11-06')).toBe(1);
    expect(dayOfWeek('2017-07-08')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1900-01-01')).toBe(1);
  });
});

describe('formatting', () => {
  test('formatLong and weekdayName', () => {
    expect(formatLong('2017-11-06')).toBe('November 6, 2017');
    expect(formatLong('2021-12-31')).toBe('December 31, 2021');
    expect(formatLong('2000-01-01')).toBe('January 1, 2000');
    expect(weekdayName('2017-11-06')).toBe('Monday');
    expect(weekdayName('2017-11-05')).toBe('Sunday');
    expect(formatLongWithWeekday('2017-11-05')).toBe('Sunday, November 5, 2017');
  });
});

describe('invalid input stops the computation', () => {
  test.each([['2017-02-30'], ['2017-2-3'], ['garbage'], ['1899-12-31']])('%s', (bad) => {
    expect(() => addDays(bad, 1)).toThrow(RangeError);
    expect(() => dayOfWeek(bad)).toThrow(RangeError);
    expect(() => formatLong(bad)).toThrow(RangeError);
    expect(() => daysBetween(bad, '2017-01-01')).toThrow(RangeError);
    expect(() => compareDates('2017-01-01', bad)).toThrow(RangeError);
  });

  test('no silent rollover and no fractional days', () => {
    expect(() => civilDate(2017, 2, 30)).toThrow(RangeError);
    expect(civilDate(2020, 2, 29)).toBe('2020-02-29');
    expect(() => addDays('2017-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2017-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('2199-12-31', 1)).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  test('prints a 24-hour time as prose does, and refuses anything else', async () => {
    const { formatTime } = await import('../../src/case/civil-date.js');
    expect(['00:15', '06:00', '11:59', '12:00', '13:30', '23:05'].map(formatTime)).toEqual(['12:15 a.m.', '6:00 a.m.', '11:59 a.m.', '12:00 p.m.', '1:30 p.m.', '11:05 p.m.']);
    for (const bad of ['6:00', '24:00', '12:60', '']) expect(() => formatTime(bad)).toThrow(RangeError);
  });
});
