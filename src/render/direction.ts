/**
 * What both renderers do with the characters that steer bidirectional text without being seen
 * (issue "Untrusted inputs", item 4), so that the PDF and the DOCX never read differently:
 *
 * - the embeddings and overrides (U+202A to U+202E) and the isolates (U+2066 to U+2069) are
 *   dropped: neither renderer honours them. The case format refuses them in names, A-numbers,
 *   dates and addresses and strips them from other text (src/case/direction.ts), so they reach a
 *   renderer only in a tree built by hand; dropping them there too means Word (which would honour
 *   them) and the PDF (which would reorder by them) cannot show one text two ways.
 * - the marks LRM (U+200E), RLM (U+200F) and ALM (U+061C) are kept and honoured: the DOCX writes
 *   them for Word, and the PDF resolves its bidi levels with them (bidi-js) but draws no glyph for
 *   them, as they have no ink.
 */

/** Embeddings, overrides, their pop, and the isolates. */
export const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** LRM, RLM and ALM: invisible, but they settle the direction of the neutral characters beside them. */
export const BIDI_MARKS = /[\u200E\u200F\u061C]/g;

const HAS_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The text without embeddings, overrides and isolates; marks are left where they are. */
export function withoutDirectionControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(DIRECTION_CONTROLS, '') : text;
}

export function isBidiMark(char: string): boolean {
  return char === '\u200E' || char === '\u200F' || char === '\u061C';
}

export function isDirectionControl(char: string): boolean {
  return HAS_CONTROL.test(char);
}
