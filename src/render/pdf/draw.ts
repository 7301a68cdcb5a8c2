/**
 * The thin drawing step: positioned items onto Letter pages with pdf-lib. No decisions about
 * where anything goes are made here; the only computation is the underline's offset.
 *
 * Deterministic: the dates come from the tree's `asOf`, Producer and Creator are fixed, pdf-lib
 * writes no document ID, its resource names come from its seeded generator, and the subset tags
 * are derived from the text itself.
 */
import { PDFDocument, beginMarkedContent, degrees, drawText, endMarkedContent, rgb } from 'pdf-lib';
import type { PDFFont, PDFHexString, PDFName, PDFPage } from 'pdf-lib';
import { PAGE } from '../styles.js';
import { RenderError } from './errors.js';
import type { LaidOutPage, Measurer, TextItem } from './types.js';

/** A face embedded in one document. */
export interface EmbeddedFace {
  font: PDFFont;
  /** The text's glyphs in visual order; `rtl` says it is a right-to-left run in logical order. */
  encode(text: string, rtl: boolean): PDFHexString;
}

/** Embeds one face into a document; the subset tag is unique to the text drawn with it. */
export type EmbedFace = (doc: PDFDocument, face: string, subsetTag: string) => Promise<EmbeddedFace>;

/** The fonts a document is laid out and drawn with: measuring and embedding must agree. */
export interface FontFamily {
  measurer: Measurer;
  embed: EmbedFace;
}

export interface DocumentInfo {
  title: string;
  /** A civil date, YYYY-MM-DD: the PDF's creation and modification dates are its midnight UTC. */
  asOf: string;
}

const BLACK = rgb(0, 0, 0);
const HIGHLIGHT = rgb(1, 0.92, 0.23);
/** Tinos' `post` table (Times New Roman's figures): underline top 223/2048 em below the baseline,
 * 100/2048 em thick in the regular face. */
const UNDERLINE_TOP = -223 / 2048;
const UNDERLINE_THICKNESS = 100 / 2048;
const UPRIGHT = degrees(0);

export async function drawPdf(pages: readonly LaidOutPage[], info: DocumentInfo, embed: EmbedFace): Promise<Uint8Array> {
  const date = civilDate(info.asOf);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setLanguage('en-US');
  doc.setProducer('Reopen');
  doc.setCreator('Reopen');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const fonts = await embedUsedFaces(doc, pages, embed);
  for (const laid of pages) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    // Highlights first so the text of a marker is drawn on top of its box.
    for (const item of laid.items) {
      if (item.kind === 'highlight') page.drawRectangle({ ...item, color: HIGHLIGHT });
    }
    // Each face is named once in the page's resources, however many strings it draws.
    const keys = new Map<string, PDFName>();
    const items = laid.items;
    items.forEach((item, i) => {
      if (item.kind === 'text') {
        const face = fonts.get(item.face)!;
        let key = keys.get(item.face);
        if (!key) keys.set(item.face, (key = page.node.newFontDictionary(face.font.name, face.font.ref)));
        const before = items[i - 1];
        const after = items[i + 1];
        drawTextItem(page, item, face, key, {
          opens: before?.kind !== 'text' || !together(before, item),
          closes: after?.kind !== 'text' || !together(item, after),
        });
      } else if (item.kind === 'rule') {
        const { x1, y1, x2, y2, thickness } = item;
        page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: BLACK });
      }
    });
  }
  // PDFDocument.save embeds the fonts it made, in order of first use; the subset embedder makes
  // its own, so they are embedded here, in that same order.
  for (const { font } of fonts.values()) await font.embed();
  return doc.save();
}

/** Whether two consecutive text items are drawn in one marked-content sequence: the items of one
 * piece of a right-to-left run are (a reader takes the sequence as one string). */
const together = (a: TextItem, b: TextItem) => a.piece !== undefined && a.piece === b.piece && a.furniture === b.furniture;

/**
 * What pdf-lib's page.drawText writes, with the text encoded in the direction the layout gave,
 * inside the item's marked-content sequence when `opens` (and ending it when `closes`): running
 * headers and footers are artifacts, so text extraction and screen readers can tell them from the
 * filing's own words; the items of one piece of a right-to-left run share a /Span, which a reader
 * such as pdf.js takes as one string and nothing more (./bidi.ts). Other items are not marked.
 */
function drawTextItem(page: PDFPage, item: TextItem, face: EmbeddedFace, key: PDFName, sequence: { opens: boolean; closes: boolean }) {
  const tag = item.furniture ? 'Artifact' : item.piece ? 'Span' : undefined;
  if (tag && sequence.opens) page.pushOperators(beginMarkedContent(tag));
  const { x, y, size } = item;
  page.pushOperators(...drawText(face.encode(item.text, item.rtl), { x, y, size, font: key, color: BLACK, rotate: UPRIGHT, xSkew: UPRIGHT, ySkew: UPRIGHT }));
  if (item.underline) {
    const thickness = UNDERLINE_THICKNESS * item.size;
    const y = item.y + UNDERLINE_TOP * item.size - thickness / 2;
    page.drawLine({ start: { x: item.x, y }, end: { x: item.x + item.width, y }, thickness, color: BLACK });
  }
  if (tag && sequence.closes) page.pushOperators(endMarkedContent());
}

/** Only the faces some text uses, in order of first use, each tagged from its own text. */
async function embedUsedFaces(doc: PDFDocument, pages: readonly LaidOutPage[], embed: EmbedFace) {
  const hashes = new Map<string, number>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind === 'text') hashes.set(item.face, fnv1a(item.text, hashes.get(item.face) ?? 0x811c9dc5));
    }
  }
  const fonts = new Map<string, EmbeddedFace>();
  for (const [face, hash] of hashes) fonts.set(face, await embed(doc, face, subsetTag(hash)));
  return fonts;
}

function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function subsetTag(hash: number): string {
  let tag = '';
  for (let i = 0, h = hash; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  return tag;
}

function civilDate(asOf: string): Date {
  const date = new Date(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== asOf) {
    throw new RenderError('invalid_as_of', `The document date "${asOf}" is not a date of the form YYYY-MM-DD.`);
  }
  return date;
}
