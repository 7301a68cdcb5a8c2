/**
 * The federal holiday calendar as data: which days are legal public holidays, from which year,
 * how a weekend holiday is observed, and the ad hoc closures by executive order.
 *
 * Source: domain reference 6.5 and the statutes cited on each row. Rules change by statute (a new
 * holiday, a moved one), so every row carries the years it was in force: a 2017 deadline must be
 * computed with the 2017 calendar, not today's (Juneteenth did not exist before 2021).
 *
 * The table starts in 1971. That year the Uniform Monday Holiday Act moved four holidays to
 * Mondays and Executive Order 11582 set today's weekend rule; before it the days and the
 * observance rules differ and are not modelled, so the calendar refuses earlier years rather
 * than answering wrongly.
 *
 * Confidence tags are those of the domain reference (section 0): H·S read in the cited source,
 * H·K settled law not re-read for this table, M medium (check before relying on it), L low.
 */
import type { CivilDate, DayOfWeek } from '../../case/civil-date.js';

export type Confidence = 'H·S' | 'H·K' | 'M' | 'L';

/** How a holiday's actual date is found in a given year. Months are 1-12. */
export type HolidayRule =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'nth-weekday'; month: number; weekday: DayOfWeek; nth: 1 | 2 | 3 | 4 }
  | { kind: 'last-weekday'; month: number; weekday: DayOfWeek };

export interface HolidayDefinition {
  /** Stable id for tests and logs. Two rows may share one when a holiday's rule changed. */
  id: string;
  /** The name 5 U.S.C. 6103(a) gives the day. */
  name: string;
  rule: HolidayRule;
  /** First year the row applies (inclusive). */
  firstYear: number;
  /** Last year the row applies (inclusive); absent while in force. */
  lastYear?: number;
  citation: string;
  confidence: Confidence;
}

/** The first year the calendar answers for (see the file comment). */
export const HOLIDAY_TABLE_FIRST_YEAR = 1971;

const MON: DayOfWeek = 1;
const THU: DayOfWeek = 4;

const UMHA = 'Pub. L. 90-363 (Uniform Monday Holiday Act), from 1971';

/** The legal public holidays of 5 U.S.C. 6103(a), year-aware. */
export const FEDERAL_HOLIDAYS: readonly HolidayDefinition[] = [
  {
    id: 'new-years-day',
    name: "New Year's Day",
    rule: { kind: 'fixed', month: 1, day: 1 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: '5 U.S.C. 6103(a)',
    confidence: 'H·K',
  },
  {
    id: 'martin-luther-king-jr-day',
    name: 'Birthday of Martin Luther King, Jr.',
    rule: { kind: 'nth-weekday', month: 1, weekday: MON, nth: 3 },
    firstYear: 1986, // enacted 1983, first observed January 20, 1986
    citation: '5 U.S.C. 6103(a); Pub. L. 98-144, from 1986',
    confidence: 'H·K',
  },
  {
    id: 'washingtons-birthday',
    name: "Washington's Birthday",
    rule: { kind: 'nth-weekday', month: 2, weekday: MON, nth: 3 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: `5 U.S.C. 6103(a); ${UMHA}`,
    confidence: 'H·K',
  },
  {
    id: 'memorial-day',
    name: 'Memorial Day',
    rule: { kind: 'last-weekday', month: 5, weekday: MON },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: `5 U.S.C. 6103(a); ${UMHA}`,
    confidence: 'H·K',
  },
  {
    id: 'juneteenth',
    name: 'Juneteenth National Independence Day',
    rule: { kind: 'fixed', month: 6, day: 19 },
    firstYear: 2021, // enacted June 17, 2021; first observed Friday, June 18, 2021
    citation: '5 U.S.C. 6103(a); Pub. L. 117-17, from 2021',
    confidence: 'H·K',
  },
  {
    id: 'independence-day',
    name: 'Independence Day',
    rule: { kind: 'fixed', month: 7, day: 4 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: '5 U.S.C. 6103(a)',
    confidence: 'H·K',
  },
  {
    id: 'labor-day',
    name: 'Labor Day',
    rule: { kind: 'nth-weekday', month: 9, weekday: MON, nth: 1 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: '5 U.S.C. 6103(a)',
    confidence: 'H·K',
  },
  {
    id: 'columbus-day',
    name: 'Columbus Day',
    rule: { kind: 'nth-weekday', month: 10, weekday: MON, nth: 2 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: `5 U.S.C. 6103(a); ${UMHA}`,
    confidence: 'H·K',
  },
  {
    // The Uniform Monday Holiday Act moved Veterans Day to October; Congress moved it back.
    id: 'veterans-day',
    name: 'Veterans Day',
    rule: { kind: 'nth-weekday', month: 10, weekday: MON, nth: 4 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    lastYear: 1977,
    citation: `5 U.S.C. 6103(a); ${UMHA}, until 1977`,
    confidence: 'H·K',
  },
  {
    id: 'veterans-day',
    name: 'Veterans Day',
    rule: { kind: 'fixed', month: 11, day: 11 },
    firstYear: 1978,
    citation: '5 U.S.C. 6103(a); Pub. L. 94-97, from 1978',
    confidence: 'H·K',
  },
  {
    id: 'thanksgiving-day',
    name: 'Thanksgiving Day',
    rule: { kind: 'nth-weekday', month: 11, weekday: THU, nth: 4 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: '5 U.S.C. 6103(a)',
    confidence: 'H·K',
  },
  {
    id: 'christmas-day',
    name: 'Christmas Day',
    rule: { kind: 'fixed', month: 12, day: 25 },
    firstYear: HOLIDAY_TABLE_FIRST_YEAR,
    citation: '5 U.S.C. 6103(a)',
    confidence: 'H·K',
  },
];

/**
 * A holiday on a Saturday is observed the Friday before; one on a Sunday, the Monday after. So a
 * Saturday New Year's Day is observed on December 31 of the year before (Friday 2021-12-31).
 * Applies to the 6103(a) holidays and to days declared holidays by statute or executive order,
 * but not to Inauguration Day (see INAUGURATION_DAY).
 */
export const OBSERVED_DAY_RULE = {
  /** Days to move a holiday that falls on a Saturday. */
  saturdayShift: -1,
  /** Days to move a holiday that falls on a Sunday. */
  sundayShift: 1,
  firstYear: HOLIDAY_TABLE_FIRST_YEAR,
  citation: '5 U.S.C. 6103(b); Executive Order 11582',
  confidence: 'H·K' as Confidence,
} as const;

/**
 * Inauguration Day: January 20 of each fourth year after 1965, a holiday only for federal
 * employees in the District of Columbia, Montgomery and Prince George's Counties (Md.), Arlington
 * and Fairfax Counties, Alexandria and Falls Church (Va.). That area holds EOIR headquarters and
 * the BIA, so the option exists; immigration courts elsewhere stay open, hence off by default.
 */
export const INAUGURATION_DAY = {
  name: 'Inauguration Day',
  month: 1,
  day: 20,
  /** 1969, 1973, ... 2025, 2029. */
  firstYear: 1969,
  everyYears: 4,
  /** On a Sunday the holiday is the next day (the public observance), January 21. */
  sundayMovesTo: 21,
  /**
   * On a Saturday there is no substitute day: 6103(c) names only the Sunday case, and OPM gives no
   * "in lieu of" holiday (confidence M: OPM guidance, not re-read for this table).
   */
  saturdayObserved: false,
  citation: '5 U.S.C. 6103(c)',
  confidence: 'H·K' as Confidence,
} as const;

/**
 * Where Inauguration Day is a holiday (5 U.S.C. 6103(c)): the District of Columbia, Montgomery and
 * Prince George's Counties in Maryland, Arlington and Fairfax Counties and the cities of
 * Alexandria and Falls Church in Virginia. Offices are matched by the city of their address; the
 * list names the places in those counties where EOIR has sat or sits (the Board and EOIR
 * headquarters in Falls Church, the Annandale, Arlington and Hyattsville courts) and the other
 * towns of those counties (confidence M: county membership of each town read from memory).
 * Sterling, Virginia (Loudoun County) is not in the area.
 */
export const DC_AREA = {
  wholeState: ['DC'] as readonly string[],
  cities: {
    MD: ['Bethesda', 'Beltsville', 'College Park', 'Gaithersburg', 'Greenbelt', 'Hyattsville', 'Landover', 'Lanham', 'Largo', 'Rockville', 'Silver Spring', 'Upper Marlboro'],
    VA: ['Alexandria', 'Annandale', 'Arlington', 'Centreville', 'Chantilly', 'Fairfax', 'Falls Church', 'Herndon', 'McLean', 'Reston', 'Springfield', 'Vienna'],
  } as Readonly<Record<string, readonly string[]>>,
  citation: '5 U.S.C. 6103(c)',
  confidence: 'M' as Confidence,
} as const;

/**
 * A day the executive departments were closed by executive order: a Christmas Eve, a national
 * day of mourning. These are not legal public holidays, and each order lets agency heads keep
 * offices open, so whether a given court was closed is a separate fact. The deadline functions
 * therefore never let a closure make a due date later unless asked (calendar.ts says why).
 */
export interface Closure {
  date: CivilDate;
  reason: string;
  executiveOrder: string;
  /** The day the order was signed. */
  signed: CivilDate;
  federalRegister?: string;
  /** Of the date and the order number together; the weaker of the two wins. */
  confidence: Confidence;
  /** Where it was checked. */
  source: string;
  note?: string;
}

/**
 * Whole-day closures of all executive departments, checked for this table. Half-day closures
 * (for example the afternoon of December 24, 2009) are left out: the office was open that day.
 * Left out as not verified here: June 11, 2004 (President Reagan) and January 2, 2007 (President
 * Ford), whose dates are certain but whose order numbers were not confirmed, and December 24,
 * 2015, for which no source was found. Add a row when it is checked.
 */
export const CLOSURES: readonly Closure[] = [
  {
    date: '2007-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 13453',
    signed: '2007-12-06',
    federalRegister: '3 C.F.R. 2007 Comp., p. 315',
    confidence: 'H·S',
    source: 'https://en.wikisource.org/wiki/Page:Title_3_CFR_2007_Compilation.djvu/315',
  },
  {
    date: '2012-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 13633',
    signed: '2012-12-21',
    federalRegister: '77 FR 76339',
    confidence: 'H·S',
    source: 'https://www.gpo.gov/fdsys/pkg/FR-2012-12-28/html/2012-31225.htm',
  },
  {
    date: '2014-12-26',
    reason: 'Day after Christmas Day',
    executiveOrder: 'Executive Order 13682',
    signed: '2014-12-05',
    federalRegister: '79 FR 73459',
    confidence: 'H·S',
    source: 'https://regulations.justia.com/regulations/fedreg/2014/12/10/2014-29121.html',
  },
  {
    date: '2018-12-05',
    reason: 'National day of mourning for President George H. W. Bush',
    executiveOrder: 'Executive Order 13852',
    signed: '2018-12-01',
    federalRegister: '83 FR 62687',
    confidence: 'H·S',
    source: 'https://regulations.justia.com/regulations/fedreg/2018/12/04/2018-26552.html',
  },
  {
    date: '2018-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 13854',
    signed: '2018-12-18',
    federalRegister: '83 FR 65481',
    confidence: 'H·S',
    source: 'https://regulations.vlex.com/vid/providing-for-the-closing-774576449',
  },
  {
    date: '2019-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 13900',
    signed: '2019-12-17',
    federalRegister: '84 FR 69983',
    confidence: 'H·S',
    source: 'https://regulations.vlex.com/vid/providing-for-the-closing-830230813',
  },
  {
    date: '2020-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 13965',
    signed: '2020-12-11',
    federalRegister: '85 FR 81337',
    confidence: 'M',
    source: 'news reports quoting the order (fox32chicago.com, 2020-12-11)',
    note: 'The closure is certain; the order number and FR page come from one secondary table.',
  },
  {
    date: '2024-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 14129',
    signed: '2024-12-18',
    federalRegister: '89 FR 104857',
    confidence: 'M',
    source: 'FR doc. 2024-31143 as summarised at usregs.ai',
    note: 'Number, FR page and signing date from secondary summaries; check against the Register.',
  },
  {
    date: '2025-01-09',
    reason: 'National day of mourning for President Jimmy Carter',
    executiveOrder: 'Executive Order 14133',
    signed: '2024-12-30',
    federalRegister: '90 FR 187',
    confidence: 'H·S',
    source: 'https://regulations.justia.com/regulations/fedreg/2025/01/03/2024-31766.html',
  },
  {
    date: '2025-12-24',
    reason: 'Day before Christmas Day',
    executiveOrder: 'Executive Order 14371',
    signed: '2025-12-18',
    federalRegister: '90 FR 60545',
    confidence: 'M',
    source: 'govwatch.app summary of EO 14371; FR doc. 2025-23847',
    note: 'The closure is well reported; the number and FR page come from secondary sources.',
  },
  {
    date: '2025-12-26',
    reason: 'Day after Christmas Day',
    executiveOrder: 'Executive Order 14371',
    signed: '2025-12-18',
    federalRegister: '90 FR 60545',
    confidence: 'M',
    source: 'govwatch.app summary of EO 14371; FR doc. 2025-23847',
    note: 'The closure is well reported; the number and FR page come from secondary sources.',
  },
];

/** The closure dates alone, in the form CalendarOptions.closures takes. */
export const CLOSURE_DATES: readonly CivilDate[] = CLOSURES.map((c) => c.date);
