/** Small builders and readers shared by the PDF renderer's tests. */
import type { Block, DocumentTree, PageFurniture, Paragraph, ParagraphStyle, Run } from '../../../src/compose/tree.js';
import type { LaidOutPage, Measurer, TextItem } from '../../../src/render/pdf/index.js';

/** Every character 0.5 em wide in every face (6 pt at 12 pt: 78 characters fill the 468 pt line);
 * the face name says the style, so tests can see bold and italic. */
export const fakeMeasurer: Measurer = {
  faces: (text, { bold, italic }) => [{ text, face: `${bold ? 'B' : ''}${italic ? 'I' : ''}` || 'R' }],
  width: (_face, text) => [...text].length * 0.5,
  ascent: 0.8,
  descent: 0.2,
};

export const text = (t: string, format: Omit<Extract<Run, { kind: 'text' }>, 'kind' | 'text'> = {}): Run => ({
  kind: 'text',
  text: t,
  ...format,
});

export const para = (content: string | Run[], style: ParagraphStyle = 'FilerBlock', extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: 'paragraph',
  style,
  runs: typeof content === 'string' ? [text(content)] : content,
  ...extra,
});

export const doc = (blocks: Block[], furniture: PageFurniture = { pageNumbers: false }): DocumentTree => ({
  title: 'Test document',
  asOf: '2025-03-04',
  furniture,
  blocks,
});

/** One-line paragraphs: FilerBlock lines are 13.8 pt (12 × 1.1499) with no spacing, 46 to a page. */
export const fillerLines = (n: number, prefix = 'filler'): Paragraph[] =>
  Array.from({ length: n }, (_, i) => para(`${prefix} ${i + 1}`));

export const bodyText = (page: LaidOutPage): TextItem[] =>
  page.items.filter((i): i is TextItem => i.kind === 'text' && !i.furniture);

/** The page's body lines, top to bottom: items sharing a baseline joined in drawing order. */
export function lines(page: LaidOutPage): string[] {
  const out: { y: number; text: string }[] = [];
  for (const item of bodyText(page)) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - item.y) < 1e-6) last.text += item.text;
    else out.push({ y: item.y, text: item.text });
  }
  return out.map((l) => l.text);
}

/** Which page (0-based) first shows `needle` in its body text. */
export const pageOf = (pages: LaidOutPage[], needle: string) => pages.findIndex((p) => lines(p).some((l) => l.includes(needle)));
