/**
 * One paragraph of the tree as a `w:p`. Element order inside `w:pPr` and `w:rPr` follows the
 * WordprocessingML schema sequence: Word rejects a file whose properties come out of order.
 */
import type { Align, Paragraph, Run, TextRun } from '../../compose/tree.js';
import { STYLES } from '../styles.js';
import { withoutDirectionControls } from '../direction.js';
import { invalidTree } from './errors.js';
import { assertXmlText, directionSegments, escapeXml } from './xml-text.js';

/** What the enclosing structure adds to a paragraph: keep flags, a list number, a list indent. */
export interface ParagraphExtras {
  keepNext?: boolean;
  keepLines?: boolean;
  numbering?: { numId: number; level: number };
  /** Left indent in twips for a list item's second and later paragraphs, aligned with its text. */
  indentLeft?: number;
}

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

export function paragraphXml(paragraph: Paragraph, where: string, extras: ParagraphExtras = {}): string {
  // The tree is typed, but it may come from JSON: an unknown style would print as a style Word lacks.
  if (!Object.hasOwn(STYLES, paragraph.style)) {
    throw invalidTree(where, `unknown paragraph style "${String(paragraph.style)}"`);
  }
  let pPr = `<w:pStyle w:val="${paragraph.style}"/>`;
  if (paragraph.keepWithNext === true || extras.keepNext === true) pPr += '<w:keepNext/>';
  if (extras.keepLines === true) pPr += '<w:keepLines/>';
  if (extras.numbering) {
    const { numId, level } = extras.numbering;
    pPr += `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;
  }
  if (extras.indentLeft !== undefined) pPr += `<w:ind w:left="${extras.indentLeft}"/>`;
  if (paragraph.align !== undefined) {
    if (!Object.hasOwn(JC, paragraph.align)) throw invalidTree(where, `unknown alignment "${String(paragraph.align)}"`);
    pPr += `<w:jc w:val="${JC[paragraph.align]}"/>`;
  }
  let runs = '';
  paragraph.runs.forEach((run, index) => {
    runs += runXml(run, `${where}.runs[${index}]`);
  });
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs}</w:p>`;
}

function runXml(run: Run, where: string): string {
  if (run.kind === 'break') return '<w:r><w:br/></w:r>';
  if (run.kind !== 'text' || typeof run.text !== 'string') throw invalidTree(where, 'not a text or break run');
  assertXmlText(run.text, where);
  let xml = '';
  // Embeddings, overrides and isolates are not written (Word would honour them, the PDF does
  // not); the marks LRM, RLM and ALM are (../direction.ts).
  for (const segment of directionSegments(withoutDirectionControls(run.text))) {
    const content = runContent(segment.text);
    if (content !== '') xml += `<w:r>${runProperties(run, segment.rtl)}${content}</w:r>`;
  }
  return xml;
}

function runProperties(run: TextRun, rtl: boolean): string {
  let rPr = '';
  if (run.marker === true) rPr += '<w:rStyle w:val="Marker"/>';
  // hint="cs" makes the spaces and punctuation inside an Arabic stretch use the complex-script font too.
  if (rtl) rPr += '<w:rFonts w:hint="cs"/>';
  if (run.bold === true) rPr += '<w:b/><w:bCs/>';
  if (run.italic === true) rPr += '<w:i/><w:iCs/>';
  if (run.underline === true) rPr += '<w:u w:val="single"/>';
  if (rtl) rPr += '<w:rtl/>';
  return rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`;
}

const LINE_OR_TAB = /\r\n|[\r\n\t]/;

/**
 * `w:t` elements for a text. Newlines should arrive as break runs; one that slips through becomes
 * a `w:br` rather than a space Word would show, and a tab becomes a `w:tab` for the same reason.
 */
function runContent(text: string): string {
  if (!LINE_OR_TAB.test(text)) return text === '' ? '' : textElement(text);
  let xml = '';
  for (const piece of text.split(/(\r\n|[\r\n\t])/)) {
    if (piece === '\t') xml += '<w:tab/>';
    else if (piece === '\n' || piece === '\r' || piece === '\r\n') xml += '<w:br/>';
    else if (piece !== '') xml += textElement(piece);
  }
  return xml;
}

function textElement(text: string): string {
  return `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
}
