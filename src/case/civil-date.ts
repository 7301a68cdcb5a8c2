/**
 * Civil dates: a day on the calendar, with no time and no zone, written `YYYY-MM-DD`.
 *
 * Deadlines are civil dates (domain reference 6.6). A JS Date at UTC midnight is the previous
 * evening in every U.S. zone, so one leaking into a filing can move a deadline a day. This module
 * therefore never builds a Date: dates are strings, and arithmetic is done on a day number (days
 * since 1970-01-01) with integer formulas (H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms"), so no result can depend on the machine's zone or clock.
 *
 * Every exported function validates its input and throws a RangeError on anything that is not a
 * real date in the supported years: a wrong date must stop the computation, never be rolled over
 * silently (`2017-02-30` is not March 2).
 */

/** A `YYYY-MM-DD` string naming a real calendar date between MIN_YEAR and MAX_YEAR. */
export type CivilDate = string;

/** 0 = Sunday ... 6 = Saturday, as in the reference tables and JS. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The supported years: wide enough for any order or birth date a case holds, small enough to test. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsAreValid(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

interface Parts {
  year: number;
  month: number;
  day: number;
}

function parse(s: unknown): Parts | undefined {
  if (typeof s !== 'string') return undefined;
  const m = PATTERN.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return partsAreValid(year, month, day) ? { year, month, day } : undefined;
}

/** True for a string shaped `YYYY-MM-DD`, real date or not (to tell a wrong shape from an impossible date). */
export function hasDateShape(s: string): boolean {
  return PATTERN.test(s);
}

/** True for a `YYYY-MM-DD` string that names a real date in MIN_YEAR..MAX_YEAR (2019-02-29 is false). */
export function isCivilDate(s: unknown): s is CivilDate {
  return parse(s) !== undefined;
}

function parseOrThrow(date: CivilDate): Parts {
  const p = parse(date);
  if (!p) throw new RangeError(`not a civil date (YYYY-MM-DD, ${MIN_YEAR}-${MAX_YEAR}): ${JSON.stringify(date)}`);
  return p;
}

/** The year, month (1-12) and day of a civil date. */
export function dateParts(date: CivilDate): { year: number; month: number; day: number } {
  return parseOrThrow(date);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds a civil date from its parts; throws unless the parts name a real date (no rollover). */
export function civilDate(year: number, month: number, day: number): CivilDate {
  if (!partsAreValid(year, month, day)) {
    throw new RangeError(`not a real date in ${MIN_YEAR}-${MAX_YEAR}: year ${year}, month ${month}, day ${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
function toDayNumber({ year, month, day }: Parts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0, so the leap day is the last day of the "year"
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// The inverse of toDayNumber (Hinnant's civil_from_days).
function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return civilDate(year, month, day); // throws when arithmetic leaves the supported years
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  return fromDayNumber(toDayNumber(parseOrThrow(date)) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later; addDays(from, result) === to. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(parseOrThrow(to)) - toDayNumber(parseOrThrow(from));
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: CivilDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 non-negative.
  return ((((toDayNumber(parseOrThrow(date)) + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** -1, 0 or 1 as `a` is before, the same as, or after `b`; usable with Array.prototype.sort. */
export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** "November 6, 2017": the form courts use in prose. */
export function formatLong(date: CivilDate): string {
  const { year, month, day } = parseOrThrow(date);
  return `${MONTH_NAMES[month - 1] ?? ''} ${day}, ${year}`;
}

/**
 * A 24-hour clock time as prose prints it: "06:00" -> "6:00 a.m.", "13:30" -> "1:30 p.m.",
 * "12:00" -> "12:00 p.m.", "00:15" -> "12:15 a.m.". The input is HH:MM (case format `time`);
 * throws a RangeError on anything else.
 */
export function formatTime(time: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`not a time written HH:MM: ${time.length} characters`);
  const hour = Number(m[1]);
  return `${hour % 12 === 0 ? 12 : hour % 12}:${m[2]} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** "Monday". */
export function weekdayName(date: CivilDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

/** "Monday, November 6, 2017": what explanations print, so a reader can check the weekday. */
export function formatLongWithWeekday(date: CivilDate): string {
  return `${weekdayName(date)}, ${formatLong(date)}`;
}

/**
 * A date known only in part, as people often know a birth date: `YYYY-MM-DD`, `YYYY-MM` or
 * `YYYY` (case format, `respondent.dateOfBirth`). A partial date is never turned into an exact
 * one: it prints as what is known ("in July 1984", "in 1984").
 */
export type PartialDate = string;

const PARTIAL_PATTERN = /^(\d{4})(?:-(\d{2}))?$/;

/** True for a real civil date, or a year-month or a year in the supported years. */
export function isPartialDate(s: unknown): s is PartialDate {
  if (isCivilDate(s)) return true;
  if (typeof s !== 'string') return false;
  const m = PARTIAL_PATTERN.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  return partsAreValid(year, month, 1);
}

/** True for a string shaped `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, real or not. */
export function hasPartialDateShape(s: string): boolean {
  return PATTERN.test(s) || PARTIAL_PATTERN.test(s);
}

/** The first and last day a partial date may be: `1984-07` spans 1984-07-01 to 1984-07-31. */
export function partialDateSpan(date: PartialDate): { first: CivilDate; last: CivilDate } {
  if (isCivilDate(date)) return { first: date, last: date };
  const m = PARTIAL_PATTERN.exec(date);
  if (!m || !isPartialDate(date)) throw new RangeError(`not a date or partial date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  if (m[2] === undefined) return { first: civilDate(year, 1, 1), last: civilDate(year, 12, 31) };
  const month = Number(m[2]);
  return { first: civilDate(year, month, 1), last: civilDate(year, month, daysInMonth(year, month)) };
}

/**
 * A partial date in prose with its preposition: "on April 2, 1971", "in July 1984", "in 1984".
 * Sworn statements use it so a date known only by year is never printed as an exact day.
 */
export function formatPartialWithPreposition(date: PartialDate): string {
  if (isCivilDate(date)) return `on ${formatLong(date)}`;
  return `in ${formatPartial(date)}`;
}

/** "April 2, 1971", "July 1984" or "1984". */
export function formatPartial(date: PartialDate): string {
  if (isCivilDate(date)) return formatLong(date);
  const m = PARTIAL_PATTERN.exec(date);
  if (!m || !isPartialDate(date)) throw new RangeError(`not a date or partial date: ${JSON.stringify(date)}`);
  return m[2] === undefined ? m[1]! : `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}
