/**
 * The combined filing: PDFs in filing order, one document with continuous page numbers, split
 * into numbered parts when it is larger than the e-filing limit (domain reference 3.3, 3.5; V16).
 *
 * The packet knows pages and order, not how a piece was rendered: it takes PDF bytes. Page
 * numbers are stamped on every page, exhibits included, as "Page N of M" at the foot of the page,
 * marked as an artifact (like the renderer's own running footers) so that readers and text
 * extraction can tell it from the filing's words.
 */
import { PDFDocument, StandardFonts, beginMarkedContent, degrees, endMarkedContent, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface FilingPiece {
  /** What the piece is, for messages ("Tab C", "the motion"). */
  label: string;
  pdf: Uint8Array;
}

export interface AssembleOptions {
  asOf: string;
  title: string;
  /** The largest file allowed (ECAS: 25 MB). */
  maxBytes: number;
}

export interface AssembledFiling {
  /** One file, or the numbered parts in order. */
  files: Uint8Array[];
  pageCount: number;
  /** First page (1-based) of each piece, in the order given. */
  starts: number[];
  /** Pages of each file, in order. */
  filePages: number[];
}

export class PacketError extends Error {
  constructor(
    readonly code: 'page_too_large' | 'unreadable_piece',
    message: string,
  ) {
    super(message);
  }
}

const STAMP_SIZE = 10;
const STAMP_BASELINE = 40;

export async function assembleFiling(pieces: readonly FilingPiece[], opts: AssembleOptions): Promise<AssembledFiling> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  const starts: number[] = [];
  for (const piece of pieces) {
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(piece.pdf, { updateMetadata: false });
    } catch (err) {
      throw new PacketError('unreadable_piece', `${piece.label} could not be read as a PDF: ${(err as Error).message}`);
    }
    starts.push(merged.getPageCount() + 1);
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const p of pages) merged.addPage(p);
  }
  const total = merged.getPageCount();
  const font = await merged.embedFont(StandardFonts.Helvetica);
  merged.getPages().forEach((page, i) => stampPageNumber(page, `Page ${i + 1} of ${total}`, font));
  setInfo(merged, opts, opts.title);

  const whole = await merged.save();
  if (whole.length <= opts.maxBytes) return { files: [whole], pageCount: total, starts, filePages: [total] };
  const ranges = await splitBySize(merged, opts);
  const files: Uint8Array[] = [];
  for (const [n, [from, to]] of ranges.entries()) files.push(await saveRange(merged, from, to, opts, `${opts.title}, part ${n + 1} of ${ranges.length}`));
  return { files, pageCount: total, starts, filePages: ranges.map(([from, to]) => to - from + 1) };
}

function setInfo(doc: PDFDocument, opts: AssembleOptions, title: string): void {
  const date = new Date(`${opts.asOf}T00:00:00Z`);
  doc.setTitle(title);
  doc.setProducer('Reopen');
  doc.setCreator('Reopen');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

/** "Page N of M" centred at the foot of the page as the reader sees it, whatever its rotation. */
function stampPageNumber(page: PDFPage, text: string, font: PDFFont): void {
  const { width, height } = page.getSize();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const textWidth = font.widthOfTextAtSize(text, STAMP_SIZE);
  // Where "bottom centre" of the displayed page lies in the page's own (unrotated) coordinates.
  const shown = rotation === 90 || rotation === 270 ? { w: height, h: width } : { w: width, h: height };
  const baseline = Math.min(STAMP_BASELINE, shown.h / 4);
  const x0 = (shown.w - textWidth) / 2;
  const place: Record<number, { x: number; y: number; rotate: number }> = {
    0: { x: x0, y: baseline, rotate: 0 },
    90: { x: width - baseline, y: x0, rotate: 90 },
    180: { x: width - x0, y: height - baseline, rotate: 180 },
    270: { x: baseline, y: height - x0, rotate: 270 },
  };
  const at = place[rotation] ?? place[0]!;
  page.pushOperators(beginMarkedContent('Artifact'));
  page.drawText(text, { x: at.x, y: at.y, size: STAMP_SIZE, font, color: rgb(0, 0, 0), rotate: degrees(at.rotate) });
  page.pushOperators(endMarkedContent());
}

async function saveRange(doc: PDFDocument, from: number, to: number, opts: AssembleOptions, title: string): Promise<Uint8Array> {
  const part = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: to - from + 1 }, (_, k) => from - 1 + k);
  for (const p of await part.copyPages(doc, indices)) part.addPage(p);
  setInfo(part, opts, title);
  return part.save();
}

/**
 * Page ranges (1-based, inclusive) whose files are each within the limit: the longest run of
 * pages that fits, found by doubling then halving, so a long filing costs a few saves per part.
 */
async function splitBySize(doc: PDFDocument, opts: AssembleOptions): Promise<[number, number][]> {
  const total = doc.getPageCount();
  const sizes = new Map<string, number>();
  const size = async (from: number, to: number) => {
    const key = `${from}-${to}`;
    if (!sizes.has(key)) sizes.set(key, (await saveRange(doc, from, to, opts, opts.title)).length);
    return sizes.get(key)!;
  };
  const ranges: [number, number][] = [];
  let from = 1;
  while (from <= total) {
    if ((await size(from, from)) > opts.maxBytes) {
      throw new PacketError(
        'page_too_large',
        `Page ${from} of the filing is larger than ${Math.floor(opts.maxBytes / 1_000_000)} MB on its own, so the filing cannot be split to fit the limit; scan that page again at a lower resolution.`,
      );
    }
    let good = from;
    let step = 1;
    let bad = total + 1;
    while (good + step <= total && (await size(from, good + step)) <= opts.maxBytes) {
      good += step;
      step *= 2;
    }
    if (good + step <= total) bad = good + step;
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      if ((await size(from, mid)) <= opts.maxBytes) good = mid;
      else bad = mid;
    }
    ranges.push([from, good]);
    from = good + 1;
  }
  return ranges;
}
