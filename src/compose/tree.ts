/**
 * The document tree: what a filing says, with no notion of DOCX or PDF.
 *
 * Templates produce filing markup; the markup parser turns it into this tree; the DOCX and PDF
 * renderers each consume the same tree, which is why the two outputs say the same words in the
 * same order. Every node is plain data so a test can build one by hand or inspect one.
 */

/** A run of text with uniform formatting. `text` never contains a newline: use a `break` run. */
export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A preview marker such as `[MISSING: respondent.aNumber]`: printed highlighted so it cannot be missed. */
  marker?: boolean;
}

/** A forced line break inside a paragraph. */
export interface BreakRun {
  kind: 'break';
}

export type Run = TextRun | BreakRun;

/**
 * Named paragraph styles. Both renderers know them: the DOCX shell defines each as a Word style
 * of the same name (so a clinic can restyle it in Word), the PDF renderer has a matching table.
 */
export type ParagraphStyle =
  | 'Body' // motion prose: double spaced, first-line indent
  | 'BodySingle' // single spaced prose without indent (letters, cover page lines)
  | 'Title' // the document title: bold, centred, capitals come from the text itself
  | 'CourtHeading' // "UNITED STATES DEPARTMENT OF JUSTICE" and the lines under it: centred
  | 'FilerBlock' // the filer's name and address at the top left of a cover page
  | 'Detained' // "DETAINED" at the top right
  | 'Heading1'
  | 'Heading2'
  | 'Heading3'
  | 'BlockQuote'
  | 'ListItem' // numbered paragraphs of a motion or declaration: spaced like the body
  | 'ListItemSingle' // a list in a letter: single spaced, a little space after each item
  | 'Signature' // the signature block: single spaced, starting at the middle of the line
  | 'TableText'
  | 'Small';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Paragraph {
  kind: 'paragraph';
  style: ParagraphStyle;
  runs: Run[];
  /** Overrides the style's alignment. */
  align?: Align;
  /** Keep this paragraph on the same page as the next block (headings always do). */
  keepWithNext?: boolean;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start?: number;
  items: Block[][];
}

export interface TableCell {
  blocks: Block[];
  /** Columns this cell spans; default 1. */
  span?: number;
}

export interface TableRow {
  cells: TableCell[];
  /** Repeated at the top of each page the table continues on. */
  header?: boolean;
}

export interface Table {
  kind: 'table';
  /** Relative column widths (any positive numbers; renderers scale them to the text width). */
  widths: number[];
  rows: TableRow[];
  /** `grid`: every cell ruled; `caption`: the immigration-court caption box; `none`: no rules. */
  borders: 'grid' | 'caption' | 'none';
}

export interface PageBreak {
  kind: 'pageBreak';
  /**
   * Names the place where a filing inserts other pages (the exhibits, between the index and the
   * proposed order). Renderers treat it as a plain page break; the packet splits the tree there.
   */
  mark?: string;
}

/** Blocks the paginator keeps on one page when they fit on one (signature blocks, short tables). */
export interface KeepTogether {
  kind: 'keep';
  blocks: Block[];
}

/** Vertical space, in points. */
export interface Spacer {
  kind: 'spacer';
  points: number;
  /** No page break between this space and the next block (space inside what a signature signs). */
  keepWithNext?: boolean;
}

export type Block = Paragraph | ListBlock | Table | PageBreak | KeepTogether | Spacer;

/** The running header and footer of every page of a document. Plain strings: no case law here. */
export interface PageFurniture {
  /** Printed at the top right of every page, e.g. "DETAINED". */
  headerRight?: string;
  /** Printed at the top left of every page, e.g. the respondent's name and A-number. */
  headerLeft?: string;
  /** Printed at the bottom left of every page. */
  footerLeft?: string;
  /** Whether to print "Page N of M" at the bottom centre. */
  pageNumbers: boolean;
}

export interface DocumentTree {
  /** The document's title, for the PDF's metadata and the DOCX core properties. */
  title: string;
  /** Fixes every date a renderer would otherwise take from the clock (PDF dates, zip dates). */
  asOf: string;
  furniture: PageFurniture;
  blocks: Block[];
}

/** Every text run of a tree in reading order; the parity tests and the coverage check use it. */
export function* walkRuns(blocks: readonly Block[]): Generator<Run> {
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        yield* block.runs;
        break;
      case 'list':
        for (const item of block.items) yield* walkRuns(item);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row.cells) yield* walkRuns(cell.blocks);
        break;
      case 'keep':
        yield* walkRuns(block.blocks);
        break;
      case 'pageBreak':
      case 'spacer':
        break;
    }
  }
}
