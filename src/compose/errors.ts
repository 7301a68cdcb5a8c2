/**
 * How composing a document fails, in words: a template with problems (file and line, the same
 * words `reopen templates check` prints), or data too large or too deeply nested to print (the
 * place in the data named, never its text). No message quotes case data: they end up in logs.
 */

export interface TemplateProblem {
  file: string;
  /** 1-based; 0 when the problem is the whole file. */
  line: number;
  message: string;
}

/** Templates that cannot be used; `problems` holds each with its file and line. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  constructor(readonly problems: readonly TemplateProblem[]) {
    super(`the templates have ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ` +
      problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; '));
  }
}

/** Data a document cannot be printed from: text too long, a list too long, nesting too deep. */
export class ViewTooLargeError extends Error {
  override readonly name = 'ViewTooLargeError';

  constructor(
    readonly document: string,
    /** Dot path in the document's data (its view model); "" when no one place is to blame. */
    readonly path: string,
    sentence: string,
  ) {
    super(sentence);
  }
}

/** The stack ran out: something recursed far deeper than any document needs. */
export const isStackOverflow = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

/** A string or buffer past what JavaScript can hold (about 512 million characters for a string). */
export function isTooLong(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (error instanceof RangeError && /Invalid (?:string|array) length|allocation failed/i.test(error.message)) ||
    code === 'ERR_STRING_TOO_LONG' || code === 'ERR_BUFFER_TOO_LARGE';
}
