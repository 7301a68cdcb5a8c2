/**
 * The data the pure layout consumes and produces. Nothing here knows pdf-lib or fontkit: a test
 * can lay out a document with a fake measurer and inspect every position.
 *
 * Coordinates are PDF points with the origin at the bottom left of the page, y growing upwards,
 * so the drawing step copies numbers and computes nothing.
 */

export interface FontStyle {
  bold: boolean;
  italic: boolean;
}

/** A stretch of text that one face draws. */
export interface FacePiece {
  text: string;
  face: string;
}

/** What the layout needs to know about fonts. The real one is backed by fontkit; tests fake it. */
export interface Measurer {
  /**
   * Splits a word (text without breaking spaces) into consecutive pieces, each drawn by one face:
   * the style's face where it has the glyphs, a fallback face where it does not.
   */
  faces(text: string, style: FontStyle): FacePiece[];
  /** The advance width of `text` in `face` at a size of 1 point. */
  width(face: string, text: string): number;
  /** Height above the baseline, per point of size, that glyphs of all faces stay within. */
  readonly ascent: number;
  /** Depth below the baseline, per point of size (a positive number). */
  readonly descent: number;
}

/** Text of one face and format inside a line, in logical order (internal to the layout). */
export interface Atom {
  text: string;
  face: string;
  underline: boolean;
  marker: boolean;
  width: number;
}

/** Whether two pieces of text can be drawn as one string. */
export const sameFormat = (a: Atom, b: Atom) =>
  a.face === b.face && a.underline === b.underline && a.marker === b.marker;

export interface TextItem {
  kind: 'text';
  /** In logical (reading) order, also for right-to-left text. */
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  face: string;
  size: number;
  underline: boolean;
  /** Running header or footer: drawn as an artifact so text extraction can tell it from the body. */
  furniture: boolean;
}

/** The filled box behind a preview marker such as `[MISSING: respondent.aNumber]`. */
export interface HighlightItem {
  kind: 'highlight';
  x: number;
  /** The bottom edge. */
  y: number;
  width: number;
  height: number;
}

/** A straight line: table rules. */
export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
}

export type PageItem = TextItem | HighlightItem | RuleItem;

export interface LaidOutPage {
  items: PageItem[];
}
