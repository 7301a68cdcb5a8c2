/**
 * Characters no bundled font can print, reported where a chosen document prints them: a field is
 * an issue only when a document built for the case shows it. `check` and `generate` both call
 * this on the same view models, so check reports exactly what generate refuses.
 */
import { labelOf, makeIssue, type Case, type Issue } from './case/index.js';
import { uncoveredCharacters } from './render/pdf/index.js';

/** Every string a view model holds (what its template can print). */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/** Every text field of the case with its dot path. */
function* fields(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* fields(v, path ? `${path}.${i}` : String(i));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* fields(v, path ? `${path}.${k}` : k);
}

/**
 * One `unprintable_character` error per case field that a view prints and that holds a character
 * none of the bundled fonts has, naming the field and the characters (code points shown).
 */
export function unprintableIssues(c: Case, views: readonly unknown[]): Issue[] {
  const printedTexts = views.flatMap((view) => [...strings(view)]).filter((t) => uncoveredCharacters(t).length > 0);
  if (printedTexts.length === 0) return [];
  const printedChars = new Set(printedTexts.flatMap((t) => uncoveredCharacters(t)));
  const lowered = printedTexts.map((t) => t.toLowerCase());
  const candidates = [...fields(c, '')]
    .map(([path, text]) => ({ path, text, bad: uncoveredCharacters(text).filter((ch) => printedChars.has(ch)) }))
    .filter((f) => f.bad.length > 0);
  // A field is printed when some printed text holds it (a name part inside the full name, in any case).
  const shown = candidates.filter((f) => lowered.some((t) => t.includes(f.text.trim().toLowerCase())));
  // A character printed but found whole in no field came from a field rewritten on the way: name them all.
  const covered = new Set(shown.flatMap((f) => f.bad));
  const rest = candidates.filter((f) => !shown.includes(f) && f.bad.some((ch) => !covered.has(ch)));
  return [...shown, ...rest].map((f) => {
    const list = f.bad.map((ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    return makeIssue('unprintable_character', f.path, 'error', { label: labelOf(f.path), characters: list });
  });
}
