/** Reading a rendered PDF back the way a court's system or a screen reader would: with pdf.js. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block } from '../../../src/compose/tree.js';
import { listLabel } from '../../../src/render/styles.js';

export interface ExtractedItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

export interface ExtractedPage {
  view: number[];
  /** The filing's own text; line ends become newlines. */
  body: string;
  /** Text inside /Artifact marked content: running headers and footers. */
  furniture: string;
  items: ExtractedItem[];
}

/** Metrics of the 14 standard fonts, for PDFs drawn with pdf-lib's Times (the speed floor). */
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function extract(bytes: Uint8Array): Promise<ExtractedPage[]> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, standardFontDataUrl }).promise;
  const pages: ExtractedPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
    const artifact: boolean[] = [];
    const out: ExtractedPage = { view: page.view, body: '', furniture: '', items: [] };
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') artifact.pop();
        // pdf.js sets `tag` on marked content; its typings leave it out.
        else artifact.push((item as { tag?: string }).tag === 'Artifact');
        continue;
      }
      const str = item.str + (item.hasEOL ? '\n' : '');
      if (artifact.includes(true)) out.furniture += str;
      else out.body += str;
      if (item.str.trim() !== '') out.items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
    }
    pages.push(out);
  }
  await pdf.destroy();
  return pages;
}

export const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The words a tree says, in reading order (table cells row by row, left to right; list labels). */
export function treeWords(blocks: readonly Block[], depth = 0): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
        return words(block.runs.map((r) => (r.kind === 'text' ? r.text : ' ')).join(''));
      case 'table':
        return block.rows.flatMap((row) => row.cells.flatMap((cell) => treeWords(cell.blocks)));
      case 'keep':
        return treeWords(block.blocks, depth);
      case 'list':
        return block.items.flatMap((item, i) => [listLabel(block.ordered, depth, (block.start ?? 1) + i), ...treeWords(item, depth + 1)]);
      default:
        return [];
    }
  });
}

/** The font dictionaries of a PDF, as pdf-lib parses them. */
export async function fontDictionaries(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const dicts = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((o): o is PDFDict => o instanceof PDFDict);
  const ofType = (type: string) => dicts.filter((d) => d.get(PDFName.of('Type')) === PDFName.of(type));
  return {
    type0: ofType('Font').filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Type0')),
    descriptors: ofType('FontDescriptor'),
  };
}
