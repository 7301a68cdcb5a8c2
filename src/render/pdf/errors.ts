/**
 * The PDF renderer's one error class. Every code is stable (callers and tests match on it) and
 * every message says what is wrong in words a clinic worker can act on, quoting the text at fault.
 */
export type RenderErrorCode =
  /** A character no bundled font can draw; drawing it would print an empty box or nothing. */
  | 'uncovered_character'
  /** Something that cannot be split is taller than a page, so it would run off the page. */
  | 'block_too_tall'
  /** A running header or footer does not fit on one line inside the margins. */
  | 'furniture_too_long'
  /** Layout placed text outside the text box: a bug, refused rather than printed clipped. */
  | 'outside_text_box'
  /** `asOf` is not a civil date (YYYY-MM-DD), so the PDF dates cannot be fixed. */
  | 'invalid_as_of';

export class RenderError extends Error {
  readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string) {
    super(message);
    this.name = 'RenderError';
    this.code = code;
  }
}

/** `U+0041` style name of a code point, as Unicode charts print it. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text around `index`, on one line, to show where a problem is. */
export function excerpt(text: string, index: number, radius = 24): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
