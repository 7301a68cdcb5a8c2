/**
 * What the relief sought asks of the client (domain reference 1.6, prima facie eligibility): the
 * asylum one-year deadline and its changed-circumstances exception, and whether a marriage behind
 * an adjustment application took place during proceedings. Pure and cited, like every rule.
 */
import { compareDates, dateParts, daysInMonth, civilDate, type Case } from '../case/index.js';
import { rollForward } from './calendar.js';
import type { Confidence } from './ruling.js';

export interface OneYear {
  /** The last arrival the one year counts from (or April 1, 1997 for earlier arrivals). */
  from: string;
  arrival: string;
  /** The last day to apply within one year, rolled past a weekend or holiday. */
  due: string;
  /** The application comes after `due`: it needs an exception (changed circumstances). */
  late: boolean;
  /** The latest date a new fact of the motion arose, when the case gives one. */
  changedOn: string | null;
  citation: string;
  confidence: Confidence;
}

/** The one-year period does not run from an arrival before this date (8 C.F.R. 1208.4(a)(2)(ii), [M]). */
export const ONE_YEAR_EARLIEST_START = '1997-04-01';

/** The same day one year later; February 29 becomes February 28. */
function oneYearAfter(date: string): string {
  const { year, month, day } = dateParts(date);
  return civilDate(year + 1, month, Math.min(day, daysInMonth(year + 1, month)));
}

/**
 * The asylum one-year deadline for an application filed with the motion on `filedOn`
 * (INA 208(a)(2)(B)), or null when asylum is not sought or the arrival date is not known.
 */
export function asylumOneYear(c: Case, filedOn: string): OneYear | null {
  const arrival = c.respondent.arrivalDate;
  if (!(c.motion?.reliefSought ?? []).includes('asylum') || arrival === undefined) return null;
  const from = compareDates(arrival, ONE_YEAR_EARLIEST_START) < 0 ? ONE_YEAR_EARLIEST_START : arrival;
  const due = rollForward(oneYearAfter(from)).date;
  const arose = (c.motion?.newFacts ?? []).flatMap((f) => (f.arose ? [f.arose] : [])).sort(compareDates);
  return {
    from,
    arrival,
    due,
    late: compareDates(filedOn, due) > 0,
    changedOn: arose.at(-1) ?? null,
    citation: 'INA 208(a)(2)(B); 8 C.F.R. 1208.4(a)(2)(ii)',
    confidence: from === arrival ? 'high' : 'medium',
  };
}

/**
 * Whether the marriage behind an adjustment application took place during proceedings, so that
 * INA 245(e) asks for clear and convincing evidence that it is bona fide (Matter of
 * Velarde-Pacheco). Proceedings last until the respondent leaves the United States, so a marriage
 * on or after the order date is during them; one before it may be, if proceedings had already
 * begun, which the case does not record.
 */
export function marriageDuringProceedings(c: Case): 'yes' | 'unknown' | null {
  const married = c.motion?.marriageDate;
  if (married === undefined || !(c.motion?.reliefSought ?? []).includes('adjustment')) return null;
  return compareDates(married, c.proceedings.order.date) >= 0 ? 'yes' : 'unknown';
}
