/**
 * Embedding a face, subset, into a document: what pdf-lib's CustomFontSubsetEmbedder writes (byte
 * for byte, but for the padding of odd glyph records that ./subset.ts adds), without what it cost.
 *
 * - Text is encoded from the shaping cache (./shaping.ts), in the direction the bidi levels give:
 *   pdf-lib's embedder lays every string out again and builds its hex code by code.
 * - The subset font program is written by ./subset.ts instead of fontkit's subsetter.
 * - The compressed program, and the compressed ToUnicode map, are kept for the next document with
 *   the face's glyphs in the same order, which determines their bytes: deflating them is the
 *   largest cost a face adds, and documents are rendered again with the same glyphs (while a
 *   filing's page numbers settle, after a correction).
 *
 * pdf-lib's subset embedder cannot be extended (its constructor is private), so this one repeats its
 * glyph bookkeeping on top of the CustomFontEmbedder it extends; the font, descriptor, widths and
 * ToUnicode objects are still written by pdf-lib.
 */
import { Cache, CustomFontEmbedder, PDFFont, PDFHexString, PDFRawStream, toHexStringOfMinLength } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFRef } from 'pdf-lib';
import { Lru } from '../lru.js';
import type { EmbeddedFace, FontFamily } from './draw.js';
import { fontMeasurer, shaper } from './shaping.js';
import type { FaceShaper } from './shaping.js';
import { FaceSubsetter } from './subset.js';

/** pdf-lib declares its own copies of fontkit's types; the objects are fontkit's. */
type PdfLibFont = CustomFontEmbedder['font'];
type PdfLibGlyph = ReturnType<PdfLibFont['glyphForCodePoint']>;

/** Compressed font programs by face and glyph order; one is 2-20 KB, so this holds about 1 MB. */
const programs = new Lru<string, Uint8Array>(64);
/** Compressed ToUnicode maps by face and the characters of its glyphs in order; about 1 KB each. */
const unicodeMaps = new Lru<string, Uint8Array>(64);

/** Subset ids as the four hex digits a content stream shows them in, made once per process. */
const hexIds: string[] = [];
const hexId = (id: number) => (hexIds[id] ??= toHexStringOfMinLength(id, 4));

class SubsetEmbedder extends CustomFontEmbedder {
  /** Glyph ids in order of first use after glyph 0: a glyph's id in the subset is its position. */
  private readonly order: number[] = [0];
  private readonly subsetIds = new Map<number, number>([[0, 0]]);
  /** The glyphs drawn, by subset id less one: what the widths and the ToUnicode map list. */
  private readonly drawn: PdfLibGlyph[] = [];

  constructor(
    private readonly shaped: FaceShaper,
    private readonly subsetter: FaceSubsetter,
    customName: string,
  ) {
    super(shaped.font as unknown as PdfLibFont, shaped.face.bytes, customName);
    this.glyphCache = Cache.populatedBy(() => this.drawn);
  }

  override encodeText(text: string): PDFHexString {
    return this.encodeRun(text, false);
  }

  /** A run of text in logical order, its glyphs in visual order for the direction given. */
  encodeRun(text: string, rtl: boolean): PDFHexString {
    let hex = '';
    for (const glyph of this.shaped.glyphsOf(text, rtl)) {
      let id = this.subsetIds.get(glyph.id);
      if (id === undefined) {
        id = this.order.push(glyph.id) - 1;
        this.subsetIds.set(glyph.id, id);
      }
      // The last glyph object drawn for an id is the one whose code points go into ToUnicode.
      this.drawn[id - 1] = glyph as unknown as PdfLibGlyph;
      hex += hexId(id);
    }
    this.glyphCache.invalidate();
    return PDFHexString.of(hex);
  }

  protected override glyphId(glyph?: PdfLibGlyph): number {
    return glyph ? this.subsetIds.get(glyph.id)! : -1;
  }

  protected override async embedFontStream(context: PDFContext): Promise<PDFRef> {
    const key = `${this.fontName}:${this.order.join(',')}`;
    const cached = programs.get(key);
    if (cached) return context.register(context.stream(cached, { Filter: 'FlateDecode' }));
    const stream = context.flateStream(this.subsetter.encode(this.order));
    programs.set(key, stream.contents);
    return context.register(stream);
  }

  protected override embedUnicodeCmap(context: PDFContext): PDFRef {
    // The map lists each subset id with the characters of the glyph last drawn for it.
    const key = `${this.fontName}:${this.drawn.map((g) => g.codePoints.join('.')).join(',')}`;
    const cached = unicodeMaps.get(key);
    if (cached) return context.register(context.stream(cached, { Filter: 'FlateDecode' }));
    const ref = super.embedUnicodeCmap(context);
    const stream = context.lookup(ref);
    if (stream instanceof PDFRawStream) unicodeMaps.set(key, stream.contents);
    return ref;
  }
}

const subsetters = new Map<string, Promise<FaceSubsetter>>();

/**
 * Embeds a face, subset, under a name that starts with the PDF subset tag (ISO 32000 9.6.4). The
 * font is not in the document's own list of fonts, so whoever draws with it embeds it before saving.
 */
export async function embedFace(doc: PDFDocument, face: string, subsetTag: string): Promise<EmbeddedFace> {
  const shaped = shaper(face);
  let subsetter = subsetters.get(face);
  if (!subsetter) subsetters.set(face, (subsetter = FaceSubsetter.of(shaped.face.bytes, shaped.font)));
  const embedder = new SubsetEmbedder(shaped, await subsetter, `${subsetTag}+${shaped.font.postscriptName}`);
  return { font: PDFFont.of(doc.context.nextRef(), doc, embedder), encode: (text, rtl) => embedder.encodeRun(text, rtl) };
}

/**
 * Tinos (Times New Roman's metrics) with DejaVu Serif, DejaVu Sans and Noto Sans Syriac as
 * fallbacks, embedded and subset: the family of every filing.
 */
export const filingFonts: FontFamily = { measurer: fontMeasurer, embed: embedFace };
