/**
 * The page and paragraph styles both renderers share, in points (1 inch = 72 points).
 *
 * The DOCX shell (templates/_shell) defines a Word style of each name with the same values, so a
 * document looks the same in Word and in the PDF; a clinic that restyles the shell in Word changes
 * the DOCX only. Letter paper, 1-inch margins and 12-point type follow 8 C.F.R. 1003.32 and the
 * practice manuals (domain reference 3.1); double spacing for motions is the manuals' recommendation
 * (a low-confidence fact, hence one number to change here).
 */
import type { Align, ParagraphStyle } from '../compose/tree.js';

export const PAGE = {
  width: 612, // 8.5 in
  height: 792, // 11 in
  margin: { top: 72, right: 72, bottom: 72, left: 72 },
  /** Header and footer baselines sit inside the margins. */
  headerBaseline: 42,
  footerBaseline: 40,
  furnitureSize: 10,
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export interface StyleSpec {
  size: number;
  /** Distance between baselines as a multiple of the size times 1.15 (Word's "single" for this font family). */
  lineSpacing: number;
  bold: boolean;
  italic: boolean;
  align: Align;
  spaceBefore: number;
  spaceAfter: number;
  indentLeft: number;
  indentRight: number;
  firstLine: number;
  keepWithNext: boolean;
}

const base: StyleSpec = {
  size: 12,
  lineSpacing: 1,
  bold: false,
  italic: false,
  align: 'left',
  spaceBefore: 0,
  spaceAfter: 0,
  indentLeft: 0,
  indentRight: 0,
  firstLine: 0,
  keepWithNext: false,
};

/** Double spacing for motion prose (domain reference 3.1, [L]). */
export const BODY_LINE_SPACING = 2;

export const STYLES: Record<ParagraphStyle, StyleSpec> = {
  Body: { ...base, lineSpacing: BODY_LINE_SPACING, firstLine: 36 },
  BodySingle: { ...base, spaceAfter: 12 },
  Title: { ...base, bold: true, align: 'center', spaceBefore: 12, spaceAfter: 12, keepWithNext: true },
  CourtHeading: { ...base, bold: true, align: 'center' },
  FilerBlock: { ...base },
  Detained: { ...base, bold: true, align: 'right' },
  Heading1: { ...base, bold: true, spaceBefore: 12, spaceAfter: 6, keepWithNext: true },
  Heading2: { ...base, bold: true, spaceBefore: 12, spaceAfter: 6, indentLeft: 18, keepWithNext: true },
  Heading3: { ...base, bold: true, italic: true, spaceBefore: 6, spaceAfter: 6, indentLeft: 36, keepWithNext: true },
  BlockQuote: { ...base, indentLeft: 72, indentRight: 72, spaceAfter: 12 },
  // Numbered paragraphs of a motion or declaration are spaced like the body around them.
  ListItem: { ...base, lineSpacing: BODY_LINE_SPACING },
  // A list in a letter (the records a request asks for): single spaced, items a little apart.
  ListItemSingle: { ...base, spaceAfter: 12 },
  Signature: { ...base, indentLeft: 252 },
  TableText: { ...base, size: 11 },
  Small: { ...base, size: 10 },
};

/**
 * Word's "single" line for Times New Roman, the DOCX's font, in ems: its ascender, descender and
 * line gap, (1825 + 443 + 87)/2048 = 1.1499. The PDF's face, Tinos, has the same figures, so a
 * PDF line is as tall as Word's and pages match.
 */
export const SINGLE_LINE_FACTOR = (1825 + 443 + 87) / 2048;

export function lineHeight(style: StyleSpec): number {
  return style.size * SINGLE_LINE_FACTOR * style.lineSpacing;
}

/**
 * List labels by nesting depth, the same in both renderers: Word numbers lists itself from the
 * shell's numbering.xml (decimal, lower letter, lower roman; bullet, en dash), and the PDF draws
 * the labels this function gives. A test keeps numbering.xml and this function in step.
 */
export const LIST_INDENT = 36;

const ORDERED_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman'] as const;
const BULLET_LABELS = ['•', '–'] as const;
/** Word has nine list levels; deeper lists use the deepest. */
const MAX_DEPTH = 8;

export function listLabel(ordered: boolean, depth: number, n: number): string {
  const d = Math.min(depth, MAX_DEPTH);
  if (!ordered) return BULLET_LABELS[d % BULLET_LABELS.length]!;
  const format = ORDERED_FORMATS[d % ORDERED_FORMATS.length]!;
  const number = format === 'decimal' ? String(n) : format === 'lowerLetter' ? letters(n) : roman(n);
  // Levels 4 to 6 are written (1), (a), (i); the others 1., a., i.
  return d >= 3 && d <= 5 ? `(${number})` : `${number}.`;
}

function letters(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(97 + ((i - 1) % 26)) + s;
  return s;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  let rest = n;
  for (const [value, digits] of table) while (rest >= value) { s += digits; rest -= value; }
  return s;
}
