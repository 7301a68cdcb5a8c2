/**
 * The business-day calendar and the two ways filings count time (domain reference 6.1-6.5):
 *
 * - EOIR periods (`addEoirDays`): calendar days, the trigger is day 0, and a last day that falls on
 *   a Saturday, Sunday or observed federal holiday moves to the next business day (ICPM 3.1(c);
 *   8 C.F.R. 1003.38(b) for BIA appeals).
 * - FOIA periods (`addBusinessDays`): business days, the receipt day is day 0, Saturdays, Sundays
 *   and legal public holidays not counted (5 U.S.C. 552(a)(6)(A)(i)).
 *
 * "Holiday" always means the OBSERVED day, year-aware (data/holidays.ts). Closures by executive
 * order are an option of the calendar, and the deadline functions ignore them unless the caller
 * sets `closuresExtendDeadline`: see DeadlineOptions.
 *
 * Everything here is a pure function of its arguments: no clock, no zone, no environment.
 */
import {
  addDays,
  type CivilDate,
  civilDate,
  compareDates,
  dateParts,
  dayOfWeek,
  daysInMonth,
  formatLong,
  formatLongWithWeekday,
  isCivilDate,
  MAX_YEAR,
  weekdayName,
} from '../case/civil-date.js';
import {
  CLOSURES,
  FEDERAL_HOLIDAYS,
  HOLIDAY_TABLE_FIRST_YEAR,
  type HolidayRule,
  INAUGURATION_DAY,
  OBSERVED_DAY_RULE,
} from './data/holidays.js';

/** Immigration-court filings (ICPM 3.1(c)); the default citation of addEoirDays. */
export const ICPM_CITATION = 'ICPM 3.1(c)';
/** BIA appeals: same counting, by regulation. */
export const BIA_APPEAL_CITATION = '8 C.F.R. 1003.38(b)';
/** FOIA response time; the default citation of addBusinessDays. */
export const FOIA_CITATION = '5 U.S.C. 552(a)(6)(A)(i)';

export interface HolidayOptions {
  /** Count Inauguration Day (5 U.S.C. 6103(c)): only for offices in the D.C. area, such as the BIA. */
  inauguration?: boolean;
}

export interface CalendarOptions extends HolidayOptions {
  /** Extra days the office is closed (executive orders, weather): not business days when given. */
  closures?: readonly CivilDate[];
}

/**
 * Options of the deadline functions.
 *
 * Closures never make a due date later by default (domain reference 6.1.6; case format "Day
 * counting"): whether a particular court actually closed on an executive-order day is not
 * certain (each order lets agency heads keep offices open), a closure may be declared after the
 * filer planned around the date, and a date that is too early costs a day while one that is too
 * late can cost a person the case. So the deadline callers do not pass closures for `due`; if they
 * do pass them, they are only used to warn that the office may be closed on the due date. Setting
 * `closuresExtendDeadline` (for example to argue that a filing was timely) lets them move it.
 */
export interface DeadlineOptions extends CalendarOptions {
  closuresExtendDeadline?: boolean;
  /** The rule the result cites, when not the function's default (e.g. BIA_APPEAL_CITATION). */
  citation?: string;
}

/** A holiday as observed in a year: `date` is the day off, `actual` the day the law names. */
export interface ObservedHoliday {
  date: CivilDate;
  actual: CivilDate;
  name: string;
  citation: string;
}

/** A day a count passed over, and why it is not a business day. */
export interface SkippedDay {
  date: CivilDate;
  reason: string;
}

export interface RollResult {
  /** The first business day on or after the input. */
  date: CivilDate;
  rolled: boolean;
  /** The non-business days passed over, in order (empty when not rolled). */
  skipped: readonly SkippedDay[];
}

export interface EoirDeadline {
  trigger: CivilDate;
  days: number;
  /** trigger + days, before rolling forward. */
  raw: CivilDate;
  /** The last day to file. */
  due: CivilDate;
  rolled: boolean;
  skipped: readonly SkippedDay[];
  citation: string;
  explanation: string;
  /** For example: the office may be closed on the due date. Empty when there is nothing to say. */
  warnings: readonly string[];
}

export interface BusinessDayDeadline {
  received: CivilDate;
  businessDays: number;
  due: CivilDate;
  /** Weekday holidays and closures the count passed over (weekends are not listed). */
  skipped: readonly SkippedDay[];
  citation: string;
  explanation: string;
  warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Holidays

function ruleDate(rule: HolidayRule, year: number): CivilDate {
  switch (rule.kind) {
    case 'fixed':
      return civilDate(year, rule.month, rule.day);
    case 'nth-weekday': {
      const first = civilDate(year, rule.month, 1);
      const offset = (rule.weekday - dayOfWeek(first) + 7) % 7;
      return civilDate(year, rule.month, 1 + offset + 7 * (rule.nth - 1));
    }
    case 'last-weekday': {
      const lastDay = daysInMonth(year, rule.month);
      const offset = (dayOfWeek(civilDate(year, rule.month, lastDay)) - rule.weekday + 7) % 7;
      return civilDate(year, rule.month, lastDay - offset);
    }
  }
}

function observedDate(actual: CivilDate): CivilDate {
  const dow = dayOfWeek(actual);
  if (dow === 6) return addDays(actual, OBSERVED_DAY_RULE.saturdayShift);
  if (dow === 0) return addDays(actual, OBSERVED_DAY_RULE.sundayShift);
  return actual;
}

// Every holiday whose ACTUAL date is in `year`, with its observed date (which may be in another year).
function holidaysOfYear(year: number, inauguration: boolean): ObservedHoliday[] {
  const out: ObservedHoliday[] = [];
  for (const def of FEDERAL_HOLIDAYS) {
    if (year < def.firstYear || (def.lastYear !== undefined && year > def.lastYear)) continue;
    const actual = ruleDate(def.rule, year);
    const date = observedDate(actual);
    const citation = date === actual ? def.citation : `${def.citation}; ${OBSERVED_DAY_RULE.citation}`;
    out.push({ date, actual, name: def.name, citation });
  }
  if (
    inauguration &&
    year >= INAUGURATION_DAY.firstYear &&
    (year - INAUGURATION_DAY.firstYear) % INAUGURATION_DAY.everyYears === 0
  ) {
    const actual = civilDate(year, INAUGURATION_DAY.month, INAUGURATION_DAY.day);
    const dow = dayOfWeek(actual);
    // 6103(c) has its own Sunday rule and no Saturday substitute; the 6103(b) rule does not apply.
    if (dow === 0) {
      out.push({
        date: civilDate(year, INAUGURATION_DAY.month, INAUGURATION_DAY.sundayMovesTo),
        actual,
        name: INAUGURATION_DAY.name,
        citation: INAUGURATION_DAY.citation,
      });
    } else if (dow !== 6 || INAUGURATION_DAY.saturdayObserved) {
      out.push({ date: actual, actual, name: INAUGURATION_DAY.name, citation: INAUGURATION_DAY.citation });
    }
  }
  return out;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < HOLIDAY_TABLE_FIRST_YEAR || year > MAX_YEAR) {
    throw new RangeError(`the holiday calendar covers ${HOLIDAY_TABLE_FIRST_YEAR}-${MAX_YEAR}, not ${year}`);
  }
}

// Memoised by year and option; the values are frozen so sharing them cannot leak a mutation.
const yearCache = new Map<string, readonly ObservedHoliday[]>();

/**
 * The federal holidays OBSERVED in a calendar year, by date. A Saturday New Year's Day of the next
 * year is in this list (observed December 31); that year's list then starts with MLK Day.
 */
export function federalHolidays(year: number, opts: HolidayOptions = {}): readonly ObservedHoliday[] {
  checkYear(year);
  const inauguration = opts.inauguration === true;
  const key = `${year}:${inauguration}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  // Observed days move at most one day, so only the neighbouring years can contribute; in practice
  // only next year's New Year's Day does. Year MAX_YEAR + 1 is outside the civil-date range, and
  // January 1, 2200 is a Wednesday, so nothing of it is observed in MAX_YEAR.
  const candidates: ObservedHoliday[] = [];
  for (const y of [year - 1, year, year + 1]) {
    if (y >= HOLIDAY_TABLE_FIRST_YEAR && y <= MAX_YEAR) candidates.push(...holidaysOfYear(y, inauguration));
  }
  const list = Object.freeze(
    candidates
      .filter((h) => dateParts(h.date).year === year)
      .sort((a, b) => compareDates(a.date, b.date) || a.name.localeCompare(b.name))
      .map((h) => Object.freeze(h)),
  );
  yearCache.set(key, list);
  return list;
}

/** The observed holidays on a date (two when Inauguration Day is also MLK Day, as in 2025). */
export function holidaysOn(date: CivilDate, opts: HolidayOptions = {}): readonly ObservedHoliday[] {
  return federalHolidays(dateParts(date).year, opts).filter((h) => h.date === date);
}

/** True on an observed federal holiday (not on a closure: closures are not holidays). */
export function isFederalHoliday(date: CivilDate, opts: HolidayOptions = {}): boolean {
  return holidaysOn(date, opts).length > 0;
}

export function isWeekend(date: CivilDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function checkClosures(closures: readonly CivilDate[] | undefined): void {
  // A mistyped closure would otherwise be silently ignored.
  for (const c of closures ?? []) {
    if (!isCivilDate(c)) throw new RangeError(`closure is not a civil date: ${JSON.stringify(c)}`);
  }
}

function closureReason(date: CivilDate): string {
  const known = CLOSURES.find((c) => c.date === date);
  return known ? `closed by ${known.executiveOrder} (${known.reason})` : 'listed as a closure day';
}

/**
 * Why a date is not a business day ("Saturday", "Independence Day (observed)", "closed by
 * Executive Order 13900 (Day before Christmas Day)"), or undefined when it is one.
 */
export function nonBusinessReason(date: CivilDate, opts: CalendarOptions = {}): string | undefined {
  checkClosures(opts.closures);
  if (isWeekend(date)) return weekdayName(date);
  const holidays = holidaysOn(date, opts);
  if (holidays.length > 0) {
    return holidays.map((h) => (h.date === h.actual ? h.name : `${h.name} (observed)`)).join(' and ');
  }
  if (opts.closures?.includes(date)) return closureReason(date);
  return undefined;
}

/** Monday to Friday, not an observed federal holiday, and not one of `opts.closures`. */
export function isBusinessDay(date: CivilDate, opts: CalendarOptions = {}): boolean {
  return nonBusinessReason(date, opts) === undefined;
}

/** The next business day on or after `date`, with the days passed over and why. */
export function rollForward(date: CivilDate, opts: CalendarOptions = {}): RollResult {
  const skipped: SkippedDay[] = [];
  let current = date;
  for (let reason = nonBusinessReason(current, opts); reason !== undefined; reason = nonBusinessReason(current, opts)) {
    skipped.push({ date: current, reason });
    // Holidays alone never close more than three days in a row; only a runaway closure list can.
    if (skipped.length > 31) throw new RangeError(`no business day within a month after ${date}`);
    current = addDays(current, 1);
  }
  return { date: current, rolled: skipped.length > 0, skipped };
}

// ---------------------------------------------------------------------------------------------
// Deadlines

// The calendar a deadline counts with: closures only when the caller asked them to extend it.
function countingCalendar(opts: DeadlineOptions): CalendarOptions {
  const cal: CalendarOptions = {};
  if (opts.inauguration !== undefined) cal.inauguration = opts.inauguration;
  if (opts.closuresExtendDeadline === true && opts.closures !== undefined) cal.closures = opts.closures;
  return cal;
}

function closureWarnings(due: CivilDate, opts: DeadlineOptions): string[] {
  checkClosures(opts.closures);
  if (opts.closuresExtendDeadline === true || !opts.closures?.includes(due)) return [];
  return [
    `The office may be closed on the due date, ${formatLongWithWeekday(due)}: ${closureReason(due)}. ` +
      'The due date was not moved later; plan to file by the business day before.',
  ];
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * An EOIR period: `days` calendar days after `trigger` (day 0), moved forward past Saturdays,
 * Sundays and observed federal holidays (ICPM 3.1(c); 8 C.F.R. 1003.38(b) for BIA appeals).
 */
export function addEoirDays(trigger: CivilDate, days: number, opts: DeadlineOptions = {}): EoirDeadline {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0: ${days}`);
  const citation = opts.citation ?? ICPM_CITATION;
  const raw = addDays(trigger, days);
  const roll = rollForward(raw, countingCalendar(opts));
  const first = roll.skipped[0];
  // A weekend day already names itself ("Sunday, November 5, 2017"); a holiday or closure does not.
  const why = first && !isWeekend(raw) ? `, ${first.reason}` : '';
  const explanation = roll.rolled
    ? `${plural(days, 'day')} from ${formatLong(trigger)} is ${formatLongWithWeekday(raw)}${why}; ` +
      `the deadline moves to the next business day, ${formatLongWithWeekday(roll.date)} (${citation}).`
    : `${plural(days, 'day')} from ${formatLong(trigger)} is ${formatLongWithWeekday(raw)}, a business day, ` +
      `so that is the deadline (${citation}).`;
  return {
    trigger,
    days,
    raw,
    due: roll.date,
    rolled: roll.rolled,
    skipped: roll.skipped,
    citation,
    explanation,
    warnings: closureWarnings(roll.date, opts),
  };
}

/**
 * A FOIA period: the `n`th business day after `received` (day 0), not counting Saturdays, Sundays
 * and observed legal public holidays (5 U.S.C. 552(a)(6)(A)(i)).
 *
 * A request received on a non-business day: the statute counts "20 days (excepting Saturdays,
 * Sundays, and legal public holidays) after the receipt", so the excepted days are simply not
 * counted and day 1 is the first business day after receipt, whatever day receipt was. Some
 * agency rules instead deem such a request received on the next business day, which makes that
 * day day 0 and the due date one business day later; we follow the statute's words, which give
 * the earlier date, and say so in the explanation.
 */
export function addBusinessDays(received: CivilDate, n: number, opts: DeadlineOptions = {}): BusinessDayDeadline {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`business days must be a whole number >= 1: ${n}`);
  const citation = opts.citation ?? FOIA_CITATION;
  const calendar = countingCalendar(opts);
  const receivedOnBusinessDay = isBusinessDay(received, calendar);
  const skipped: SkippedDay[] = [];
  let current = received;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    const reason = nonBusinessReason(current, calendar);
    if (reason === undefined) counted += 1;
    else if (!isWeekend(current)) skipped.push({ date: current, reason });
  }
  const notCounted =
    skipped.length === 0
      ? 'Saturdays and Sundays'
      : `Saturdays, Sundays or ${skipped.map((s) => `${s.reason} (${formatLongWithWeekday(s.date)})`).join(', ')}`;
  const receipt = receivedOnBusinessDay
    ? `receipt on ${formatLongWithWeekday(received)}`
    : `receipt on ${formatLongWithWeekday(received)} (not a business day, so the count starts with the next one)`;
  const explanation =
    `${plural(n, 'business day')} after ${receipt}, not counting ${notCounted}, ` +
    `is ${formatLongWithWeekday(current)} (${citation}).`;
  return {
    received,
    businessDays: n,
    due: current,
    skipped,
    citation,
    explanation,
    warnings: closureWarnings(current, opts),
  };
}

/**
 * The business day `n` business days before `date` (n >= 1): for planning backwards from a
 * deadline, such as the day a paper filing must be sent so it arrives in time. Closures passed in
 * count as non-business days here, which can only make the planned day earlier, never later.
 */
export function businessDaysBefore(date: CivilDate, n: number, opts: CalendarOptions = {}): CivilDate {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`business days must be a whole number >= 1: ${n}`);
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, -1);
    if (isBusinessDay(current, opts)) counted += 1;
  }
  return current;
}
