/**
 * Alien registration numbers (domain reference 4.8, validation rule V01).
 *
 * An A-number is "A" followed by 7, 8 or 9 digits; shorter ones are written with leading zeros to
 * make 9. Reopen stores exactly 9 digits and accepts every spelling people write: "A012-345-678",
 * "A 012 345 678", "a12345678", "12345678". More than 9 digits is an error, never truncated.
 */

export type ANumberProblem =
  | { code: 'a_number_invalid'; found: string }
  | { code: 'a_number_too_short'; digits: number }
  | { code: 'a_number_too_long'; digits: number };

export type ANumberResult = { ok: true; value: string } | { ok: false; problem: ANumberProblem };

const ALLOWED = /^[Aa]?[\d\s\-–.]*$/;

export function normalizeANumber(input: string | number): ANumberResult {
  const raw = typeof input === 'number' ? (Number.isSafeInteger(input) && input >= 0 ? String(input) : '') : input;
  const trimmed = raw.trim();
  if (trimmed === '' || !ALLOWED.test(trimmed)) {
    return { ok: false, problem: { code: 'a_number_invalid', found: raw } };
  }
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length > 9) return { ok: false, problem: { code: 'a_number_too_long', digits: digits.length } };
  if (digits.length < 7) return { ok: false, problem: { code: 'a_number_too_short', digits: digits.length } };
  return { ok: true, value: digits.padStart(9, '0') };
}

/** "A012-345-678": the spelling printed in captions and cover pages (reference 4.8, display variants). */
export function formatANumber(nineDigits: string): string {
  return `A${nineDigits.slice(0, 3)}-${nineDigits.slice(3, 6)}-${nineDigits.slice(6, 9)}`;
}
