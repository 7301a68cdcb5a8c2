/**
 * Characters that change the order text is displayed in without being visible themselves: the
 * bidirectional embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069). One
 * rule for the whole case format (issue "Untrusted inputs", item 4):
 *
 * - names, aliases, A-numbers, dates and addresses refuse them, naming the field: in an identifier
 *   a reordered character is a different identifier;
 * - every other text field has them removed before it is read, with a warning, so the filings show
 *   the text in the order it was typed;
 * - the marks LRM (U+200E), RLM (U+200F) and ALM (U+061C) are allowed everywhere: they only
 *   settle the direction of neutral characters next to them, and both renderers honour them.
 *
 * Without the rule, an override reverses a paragraph in the PDF while Word shows it as typed.
 */
export const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** "U+202E (right-to-left override)" for each distinct control in `text`, in order. */
export function describeDirectionControls(text: string): string[] {
  const seen = [...new Set(text.match(DIRECTION_CONTROLS) ?? [])];
  return seen.map((ch) => {
    const cp = ch.codePointAt(0)!;
    return `U+${cp.toString(16).toUpperCase()} (${NAMES[cp] ?? 'direction control'})`;
  });
}

export function stripDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '');
}
