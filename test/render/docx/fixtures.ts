/**
 * Trees and readers shared by the DOCX tests: a motion of about 2,000 words built by hand, and
 * strict ways to open what the renderer wrote.
 */
import { DOMParser } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import type { Block, DocumentTree, Paragraph, Run, TextRun } from '../../../src/compose/tree.js';
import { walkRuns } from '../../../src/compose/tree.js';
import { assertWellFormed } from './strict-xml.js';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function text(value: string, format: Omit<TextRun, 'kind' | 'text'> = {}): TextRun {
  return { kind: 'text', text: value, ...format };
}

export function para(style: Paragraph['style'], ...runs: Run[]): Paragraph {
  return { kind: 'paragraph', style, runs };
}

export function tree(blocks: Block[], furniture: Partial<DocumentTree['furniture']> = {}): DocumentTree {
  return { title: 'Test', asOf: '2025-03-14', furniture: { pageNumbers: true, ...furniture }, blocks };
}

/** Text that has broken renderers: XML specials, template syntax, combining marks, scripts, length. */
export const ADVERSARIAL = [
  `& < > " '`,
  '{{name}} {#each} {/each} {emphasis added}',
  '[[x]] ]] [[ [[@body]] <!--reopen:body-->',
  '$& $\' $` $1 (replacement patterns)',
  'emoji 👩🏽‍⚖️ 🇺🇸',
  'e\u0301 (e + combining acute)',
  'Nguyễn',
  'ʿAbd al-Ṣamad',
  'alias سامي يوسف, born 1990',
  'שלום',
  'x'.repeat(10_000),
];

const PROSE =
  ('Respondent respectfully moves the Board to reopen these proceedings under 8 U.S.C. § 1229a(c)(7) ' +
    'because “changed country conditions” — documented in Exhibits A & B — are material & were not ' +
    'available at the prior hearing; the evidence shows that Ḥanna ʿAbd al-Ṣamad, known as سامي يوسف, ' +
    'faces a risk > 50% and < certainty, which the Board’s precedent {emphasis added} treats as sufficient.').split(' ');

/** `count` words of legal prose, deterministic, with the characters that break naive renderers. */
export function prose(count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => PROSE[(i + offset) % PROSE.length]).join(' ');
}

/** A motion to reopen of about 2,000 words: caption box, headings, lists, an exhibit table, a signature. */
export function motionTree(): DocumentTree {
  const body: Block[] = [];
  for (let section = 0; section < 6; section += 1) {
    body.push({ ...para('Heading1', text(`${section + 1}. ARGUMENT ${section + 1}`)), keepWithNext: true });
    for (let p = 0; p < 4; p += 1) {
      body.push(para('Body', text(prose(62, section * 7 + p)), text(' See '), text('Matter of X-', { italic: true }), text(', 27 I&N Dec. 1 (BIA 2017).')));
    }
    body.push({ kind: 'list', ordered: true, start: 1, items: [[para('ListItem', text(prose(20, section)))], [para('ListItem', text(prose(15, section + 3)))]] });
  }
  return {
    title: 'Motion to Reopen & Stay — Nguyễn',
    asOf: '2025-03-14',
    furniture: { headerLeft: 'Nguyễn Văn An — A 123-456-789', headerRight: 'DETAINED', footerLeft: 'Motion to Reopen', pageNumbers: true },
    blocks: [
      para('Detained', text('DETAINED')),
      para('CourtHeading', text('UNITED STATES DEPARTMENT OF JUSTICE'), { kind: 'break' }, text('EXECUTIVE OFFICE FOR IMMIGRATION REVIEW')),
      {
        kind: 'table',
        widths: [3, 2],
        borders: 'caption',
        rows: [{ cells: [
          { blocks: [para('TableText', text('In the Matter of:')), para('TableText', text('NGUYỄN Văn An', { bold: true })), para('TableText', text('Respondent.'))] },
          { blocks: [para('TableText', text('File No.: A 123-456-789'))] },
        ] }],
      },
      para('Title', text('RESPONDENT’S MOTION TO REOPEN')),
      ...body,
      { kind: 'list', ordered: false, items: [[para('ListItem', text('Exhibit A: declaration'))], [para('ListItem', text('Exhibit B: country report')), { kind: 'list', ordered: true, start: 3, items: [[para('ListItem', text('nested three'))]] }]] },
      {
        kind: 'table',
        widths: [1, 4, 1],
        borders: 'grid',
        rows: [
          { header: true, cells: [{ blocks: [para('TableText', text('Tab', { bold: true }))] }, { blocks: [para('TableText', text('Document', { bold: true }))] }, { blocks: [para('TableText', text('Pages', { bold: true }))] }] },
          { cells: [{ blocks: [para('TableText', text('A'))] }, { blocks: [para('TableText', text('Declaration of Nguyễn Văn An'))] }, { blocks: [para('TableText', text('1-12'))] }] },
          { cells: [{ blocks: [para('TableText', text('B'))] }, { span: 2, blocks: [para('TableText', text('Country report (pages vary)'))] }] },
        ],
      },
      { kind: 'spacer', points: 24 },
      { kind: 'keep', blocks: [para('Signature', text('Respectfully submitted,')), para('Signature', text('/s/ ')), para('Signature', text('Attorney for Respondent'))] },
      { kind: 'pageBreak' },
      para('Title', text('CERTIFICATE OF SERVICE')),
      para('BodySingle', text('I served a copy on DHS on '), text('[MISSING: service.date]', { marker: true }), text('.')),
    ],
  };
}

/** Every paragraph of the tree in reading order, through lists, tables and keep groups. */
export function* paragraphs(blocks: readonly Block[]): Generator<Paragraph> {
  for (const block of blocks) {
    if (block.kind === 'paragraph') yield block;
    else if (block.kind === 'list') for (const item of block.items) yield* paragraphs(item);
    else if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) yield* paragraphs(cell.blocks);
    else if (block.kind === 'keep') yield* paragraphs(block.blocks);
  }
}

/**
 * The tree's words in reading order. mammoth's raw text drops line breaks (`w:br`), so a reader of
 * its output passes `breakAs: ''`; the break itself is checked in document.xml.
 */
export function treeWords(blocks: readonly Block[], breakAs = '\n'): string[] {
  let all = '';
  for (const paragraph of paragraphs(blocks)) {
    for (const run of walkRuns([paragraph])) all += run.kind === 'break' ? breakAs : run.text;
    all += '\n';
  }
  return all.split(/\s+/).filter((word) => word !== '');
}

export function unzip(bytes: Uint8Array): PizZip {
  return new PizZip(bytes);
}

/**
 * Parses XML and fails on any warning or error. xmldom 0.8 lets a bare `&` or a control character
 * through without a word, so the strict lexer runs first.
 */
export function parseXml(xml: string, name: string): Document {
  assertWellFormed(xml, name);
  const fail = (level: string) => (message: string) => {
    throw new Error(`${name} is not well formed (${level}): ${message}`);
  };
  const parser = new DOMParser({ errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal') } });
  return parser.parseFromString(xml, 'text/xml') as unknown as Document;
}

export function elements(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, localName));
}

export function attr(element: Element | undefined, name: string): string | null {
  return element?.getAttributeNS(W, name) ?? null;
}

/** The text of each `w:p` of a part: `w:t` content, `w:br` as newline, `w:tab` as tab. */
export function paragraphTexts(doc: Document | Element): string[] {
  return elements(doc, 'p').map((p) => {
    let out = '';
    const visit = (node: Node): void => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType !== 1) continue;
        const el = child as Element;
        if (el.namespaceURI === W && el.localName === 'p') continue;
        if (el.namespaceURI === W && el.localName === 't') out += el.textContent ?? '';
        else if (el.namespaceURI === W && el.localName === 'br') out += '\n';
        else if (el.namespaceURI === W && el.localName === 'tab') out += '\t';
        else visit(el);
      }
    };
    visit(p);
    return out;
  });
}
