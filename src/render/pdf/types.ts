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

/** Room a single line needs above and below its baseline, in ems (per point of size). */
export interface LineExtent {
  ascent: number;
  /** A positive number. */
  descent: number;
}

/** What the layout needs to know about fonts. The real one is backed by fontkit; tests fake it. */
export interface Measurer {
  /**
   * Splits a word (text without breaking spaces) into consecutive pieces, each drawn by one face:
   * the style's face where it has the glyphs, a fallback face where it does not. `prefer`, when
   * given, is a face to use wherever it has the glyphs (digits inside Arabic text take the face of
   * the Arabic letters).
   */
  faces(text: string, style: FontStyle, prefer?: string): FacePiece[];
  /** The advance width of `text` in `face` at a size of 1 point. */
  width(face: string, text: string): number;
  /**
   * A single line of the body face: height above the baseline and depth below it, per point of
   * size; the two add up to the line's height (styles.ts, SINGLE_LINE_FACTOR).
   */
  readonly ascent: number;
  /** A positive number. */
  readonly descent: number;
  /**
   * What a single line of `face` needs above and below the baseline (its ascender and line gap,
   * its descender). A line holding a face that needs more than `ascent` or `descent` is made that
   * much taller, as Word makes a line as tall as its tallest font; text stays inside its face's
   * extent, which is what the layout's last check holds it to. Without it, every face fits the body
   * face's line.
   */
  extent?(face: string): LineExtent;
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
  /** A right-to-left run (an odd bidi level): drawn with its words from right to left. */
  rtl: boolean;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  face: string;
  size: number;
  underline: boolean;
  /** Running header or footer: drawn as an artifact so text extraction can tell it from the body. */
  furniture: boolean;
  /**
   * Set on the text of a right-to-left run: items sharing one piece are drawn as one marked-content
   * sequence, which a reader takes as one string to put back in reading order (./bidi.ts).
   */
  piece?: ReadingPiece;
}

/** An identity shared by the items of one piece of a right-to-left run. */
export interface ReadingPiece {
  readonly rtl: true;
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
