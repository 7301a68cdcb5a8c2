/**
 * Whether a PDF reads as its DOCX does: the text pdf.js gives back (test/render/pdf/extract.ts) set
 * against the paragraphs Word stores (test/helpers/docx-text.ts).
 *
 * Both are read as a reader reads them: in NFC, with the marks LRM, RLM and ALM dropped (they have
 * no ink and no sound; pdf.js skips invisible format characters, and the PDF draws no glyph for
 * them), and with white space folded (a PDF line break is a space between words). What is left is
 * compared as a sequence of characters, each saying whether a space comes before it.
 *
 * The characters and their order must always be the same. A space may differ only beside a
 * right-to-left run (by Unicode's bidi algorithm over the DOCX paragraph) that pdf.js cannot be
 * given whole: one that changes face at a space (Arabic and Syriac letters, which no one bundled font
 * has both of), holds a bidi mark (a mark can move a space to the other side of a word on the
 * screen, and pdf.js reads the screen), or holds Western digits and so few right-to-left characters
 * that pdf.js reads it as left-to-right text. See src/render/pdf/bidi.ts.
 */
import bidiModule from 'bidi-js';
import type { Block } from '../../src/compose/tree.js';
import { listLabel } from '../../src/render/styles.js';

const bidi = (bidiModule as unknown as typeof bidiModule.default)();

const MARK = /[\u200E\u200F\u061C]/;
const MARK_ALL = /[\u200E\u200F\u061C]/g;
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/;
const SYRIAC_LETTER = /[\u0710-\u072F\u074D-\u074F]/;
const WESTERN_DIGIT = /[0-9]/;

export interface ReadChar {
  char: string;
  /** A space (or line or paragraph break) comes before it. */
  spaceBefore: boolean;
  /** In a right-to-left run pdf.js may be given in more than one string (DOCX side only). */
  excused: boolean;
}

/** A text as read: NFC, no marks, folded white space; `excused` is false throughout. */
export function readText(text: string): ReadChar[] {
  const out: ReadChar[] = [];
  let space = false;
  for (const char of text.normalize('NFC')) {
    if (MARK.test(char)) continue;
    if (/\s/u.test(char)) space = true;
    else {
      out.push({ char, spaceBefore: space && out.length > 0, excused: false });
      space = false;
    }
  }
  return out;
}

/** The DOCX's paragraphs as read, each character marked when it is in a right-to-left run pdf.js
 * may be given in pieces. */
export function readParagraphs(paragraphs: readonly string[]): ReadChar[] {
  const out: ReadChar[] = [];
  for (const raw of paragraphs) {
    const text = raw.normalize('NFC');
    const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
    const excused = new Array<boolean>(text.length).fill(false);
    for (let i = 0; i < text.length; ) {
      if (levels[i]! === 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && levels[j]! > 0) j++;
      const run = text.slice(i, j);
      const hard = (ARABIC_LETTER.test(run) && SYRIAC_LETTER.test(run)) || MARK.test(run) || (WESTERN_DIGIT.test(run) && readLeftToRight(run));
      excused.fill(hard, i, j);
      i = j;
    }
    let space = out.length > 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (MARK.test(char)) continue;
      if (/\s/u.test(char)) space = true;
      else {
        out.push({ char, spaceBefore: space && out.length > 0, excused: excused[i]! });
        space = false;
      }
    }
  }
  return out;
}

/**
 * Whether pdf.js takes a run, as one string, for left-to-right text: when fewer than 30% of its
 * characters (spaces single, marks gone) are right-to-left letters or Arabic-Indic digits, and it has
 * more than four. Western digits count for neither side.
 */
function readLeftToRight(run: string): boolean {
  const chars = run.replace(MARK_ALL, '').replace(/\s+/g, ' ').trim();
  const rtl = [...chars].filter((c) => /[\u0590-\u08FF]/.test(c) && !/[\u06F0-\u06F9]/.test(c)).length;
  return chars.length > 4 && rtl / chars.length < 0.3;
}

export interface ReadingComparison {
  /** The characters, without spaces, as each side reads them. */
  pdf: string;
  docx: string;
  /** Places where one side reads a space and the other does not, before the character at `at`. */
  spaces: { at: number; pdfSpace: boolean; excused: boolean; context: string }[];
}

export function compareReadings(pdfText: string, docxParagraphs: readonly string[]): ReadingComparison {
  const pdf = readText(pdfText);
  const docx = readParagraphs(docxParagraphs);
  const spaces: ReadingComparison['spaces'] = [];
  const n = Math.min(pdf.length, docx.length);
  for (let k = 1; k < n; k++) {
    if (pdf[k]!.spaceBefore === docx[k]!.spaceBefore) continue;
    const context = docx
      .slice(Math.max(0, k - 8), k + 8)
      .map((c) => (c.spaceBefore ? ' ' : '') + c.char)
      .join('');
    spaces.push({ at: k, pdfSpace: pdf[k]!.spaceBefore, excused: docx[k - 1]!.excused || docx[k]!.excused, context });
  }
  return { pdf: pdf.map((c) => c.char).join(''), docx: docx.map((c) => c.char).join(''), spaces };
}

/** The text read back as one string: characters with single spaces. */
export const asRead = (chars: readonly ReadChar[]) => chars.map((c) => (c.spaceBefore ? ' ' : '') + c.char).join('');

/**
 * PDF text with the tree's list labels taken out, in order, as a reader would skip Word's numbers,
 * which are not in the DOCX's text. Throws when a label is not found.
 */
export function withoutListLabels(text: string, labels: readonly string[]): string {
  let k = 0;
  const kept = text.split(/(\s+)/).filter((token) => {
    if (k < labels.length && token === labels[k]) {
      k++;
      return false;
    }
    return true;
  });
  if (k !== labels.length) throw new Error(`list label ${labels[k]} is not in the PDF's text`);
  return kept.join('');
}

/** The list labels of a tree in reading order: the PDF prints them, Word numbers lists outside the text. */
export function listLabels(blocks: readonly Block[], depth = 0): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'list') return b.items.flatMap((item, i) => [listLabel(b.ordered, depth, (b.start ?? 1) + i), ...listLabels(item, depth + 1)]);
    if (b.kind === 'keep') return listLabels(b.blocks, depth);
    if (b.kind === 'table') return b.rows.flatMap((r) => r.cells.flatMap((c) => listLabels(c.blocks, depth)));
    return [];
  });
}
