/**
 * TrueType subsets, byte for byte what @pdf-lib/fontkit 1.1.1's TTFSubset writes (a test compares
 * the two over every glyph of every bundled face), at a small fraction of its cost, with one fix:
 * a glyph record of odd length is padded to an even one. fontkit does not pad, and in a subset with
 * short offsets (half the offset, stored) every glyph after an odd record is then read one byte off
 * and drawn as garbage or not at all; Tinos has odd records, DejaVu and Noto Sans Syriac none, so
 * for those faces the bytes are still fontkit's.
 *
 * fontkit's subsetter was most of what an embedded-font PDF cost beyond the floor's: it decodes
 * each glyph's whole outline only to learn whether the glyph is composite, re-encodes the hinting
 * tables value by value, and hands the bytes over through its bundled browser stand-in for
 * process.nextTick, which waits on a setTimeout: a millisecond or more of idling per face. Here the
 * glyph records and every table the glyph set does not change are read once per face and process,
 * and a subset is a few copies and counters.
 *
 * Layout, as fontkit writes it: a directory (tag "true", entries in fontkit's table order, check
 * sums 0), then the tables back to back with no padding. head, hhea and maxp are fontkit's own
 * encoding, taken from a reference subset it writes once per face, with the one field each that
 * depends on the glyph set replaced; cvt, prep and fpgm do not depend on it at all.
 */
import type { Font } from '@pdf-lib/fontkit';

/** fontkit's subset stream as it behaves (its typings leave out 'error'). */
interface EventStream {
  on(event: 'data' | 'end' | 'error', callback: (data: Uint8Array) => unknown): EventStream;
}

interface SourceTable {
  offset: number;
  length: number;
}

/** The tables fontkit's TTFSubset writes, in its order; absent ones are left out. */
const WRITTEN = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
type WrittenTag = (typeof WRITTEN)[number];

/** Where the counts that depend on the glyph set sit in the tables (OpenType head, hhea, maxp). */
const HEAD_INDEX_TO_LOC_FORMAT = 50;
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

/** Composite glyph flags (OpenType glyf). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

interface GlyphRecord {
  /** The glyph's bytes in the source glyf table (a view, never written to). */
  bytes: Uint8Array;
  /** For a composite glyph, each component's glyph id and where in `bytes` it is written. */
  components: { gid: number; pos: number }[];
  /** The glyph's hmtx entry: advance width (uint16) and left side bearing (int16), as written. */
  metrics: Uint8Array;
}

function tableDirectory(bytes: Uint8Array): Map<string, SourceTable> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, SourceTable>();
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

function fontkitSubset(font: Font): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    (font.createSubset().encodeStream() as unknown as EventStream)
      .on('data', (data) => parts.push(data))
      .on('end', () => resolve(Buffer.concat(parts)))
      .on('error', reject);
  });
}

/** One face's subsetter: what every subset of the face shares, and its glyphs as they are needed. */
export class FaceSubsetter {
  private readonly source: Uint8Array;
  private readonly view: DataView;
  private readonly glyf: SourceTable;
  private readonly hmtx: SourceTable;
  private readonly longLoca: boolean;
  private readonly loca: SourceTable;
  private readonly numberOfMetrics: number;
  private readonly records: (GlyphRecord | undefined)[] = [];
  /** fontkit's directory header and its encoding of the tables that are the same in every subset. */
  private readonly header: Uint8Array;
  private readonly tags: readonly WrittenTag[];
  private readonly fixed: ReadonlyMap<WrittenTag, Uint8Array>;

  private constructor(source: Uint8Array, reference: Uint8Array) {
    this.source = source;
    this.view = new DataView(source.buffer, source.byteOffset, source.byteLength);
    const tables = tableDirectory(source);
    // fontkit re-encodes the outlines of a variable font's glyphs; only static fonts are copied.
    if (tables.has('fvar')) throw new Error('A variable font cannot be subset here');
    const table = (tag: string) => {
      const found = tables.get(tag);
      if (!found) throw new Error(`The font has no ${tag} table to subset`);
      return found;
    };
    this.glyf = table('glyf');
    this.loca = table('loca');
    this.hmtx = table('hmtx');
    this.longLoca = this.view.getInt16(table('head').offset + HEAD_INDEX_TO_LOC_FORMAT) !== 0;
    this.numberOfMetrics = this.view.getUint16(table('hhea').offset + HHEA_NUMBER_OF_METRICS);

    const written = tableDirectory(reference);
    this.header = reference.slice(0, 12);
    this.tags = [...written.keys()].map((tag) => {
      if (!(WRITTEN as readonly string[]).includes(tag)) throw new Error(`fontkit wrote an unexpected ${tag} table`);
      return tag as WrittenTag;
    });
    const fixed = new Map<WrittenTag, Uint8Array>();
    for (const [tag, { offset, length }] of written) fixed.set(tag as WrittenTag, reference.slice(offset, offset + length));
    this.fixed = fixed;
  }

  /** Reads the face and has fontkit write one reference subset: once per face and process. */
  static async of(bytes: Uint8Array, font: Font): Promise<FaceSubsetter> {
    return new FaceSubsetter(bytes, await fontkitSubset(font));
  }

  private locaOffset(gid: number): number {
    const at = this.loca.offset;
    return this.longLoca ? this.view.getUint32(at + 4 * gid) : this.view.getUint16(at + 2 * gid) * 2;
  }

  private record(gid: number): GlyphRecord {
    let record = this.records[gid];
    if (record) return record;
    const start = this.glyf.offset + this.locaOffset(gid);
    const bytes = this.source.subarray(start, this.glyf.offset + this.locaOffset(gid + 1));
    const components: GlyphRecord['components'] = [];
    // An empty glyph (a space) has no header at all; a negative contour count marks a composite.
    if (bytes.length > 0 && this.view.getInt16(start) < 0) {
      let at = 10;
      for (let flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
        flags = this.view.getUint16(start + at);
        components.push({ gid: this.view.getUint16(start + at + 2), pos: at + 2 });
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      }
    }
    record = { bytes, components, metrics: this.metrics(gid) };
    this.records[gid] = record;
    return record;
  }

  /** hmtx has an entry per glyph up to numberOfMetrics; later glyphs repeat the last advance and
   * keep only a bearing of their own (0 when the table stops short, as fontkit reads it). */
  private metrics(gid: number): Uint8Array {
    const { offset, length } = this.hmtx;
    if (gid < this.numberOfMetrics) return this.source.subarray(offset + 4 * gid, offset + 4 * gid + 4);
    const metrics = new Uint8Array(4);
    if (this.numberOfMetrics > 0) metrics.set(this.source.subarray(offset + 4 * (this.numberOfMetrics - 1), offset + 4 * this.numberOfMetrics - 2));
    const bearing = offset + 4 * this.numberOfMetrics + 2 * (gid - this.numberOfMetrics);
    if (bearing + 2 <= offset + length) metrics.set(this.source.subarray(bearing, bearing + 2), 2);
    return metrics;
  }

  /**
   * The subset font of `gids` (glyph 0 first), each taking the id of its position; the components
   * of composite glyphs are added after them, in the order they are met, as fontkit does.
   */
  encode(gids: readonly number[]): Uint8Array {
    const order = [...gids];
    const index = new Map<number, number>(order.map((gid, i) => [gid, i]));
    const include = (gid: number) => {
      let i = index.get(gid);
      if (i === undefined) {
        i = order.length;
        order.push(gid);
        index.set(gid, i);
      }
      return i;
    };
    const glyphs: Uint8Array[] = [];
    const offsets: number[] = [];
    let glyfLength = 0;
    for (let i = 0; i < order.length; i++) {
      const record = this.record(order[i]!);
      let bytes = record.bytes;
      if (record.components.length > 0 || bytes.length % 2 === 1) {
        // A record of odd length is padded to an even one: fontkit copies it as it is, and then its
        // short offsets, which are halves, lose their last bit and every later glyph is read from
        // the wrong place (Tinos has such records; DejaVu and Noto Sans Syriac have none).
        const copy = new Uint8Array(bytes.length + (bytes.length % 2));
        copy.set(bytes);
        bytes = copy;
        for (const { gid, pos } of record.components) {
          const id = include(gid);
          bytes[pos] = id >> 8;
          bytes[pos + 1] = id & 0xff;
        }
      }
      glyphs.push(bytes);
      offsets.push(glyfLength);
      glyfLength += bytes.length;
    }
    offsets.push(glyfLength);
    const count = order.length;
    const longLoca = glyfLength > 0xffff;
    const variable: Partial<Record<WrittenTag, number>> = { glyf: glyfLength, loca: offsets.length * (longLoca ? 4 : 2), hmtx: 4 * count };
    const lengths = new Map(this.tags.map((tag) => [tag, variable[tag] ?? this.fixed.get(tag)!.length]));
    const directoryLength = 12 + 16 * this.tags.length;
    let total = directoryLength;
    for (const length of lengths.values()) total += length;
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    out.set(this.header);

    let at = directoryLength;
    this.tags.forEach((tag, i) => {
      const length = lengths.get(tag)!;
      const entry = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      view.setUint32(entry + 8, at);
      view.setUint32(entry + 12, length);
      switch (tag) {
        case 'glyf':
          for (const bytes of glyphs) {
            out.set(bytes, at);
            at += bytes.length;
          }
          return;
        case 'loca':
          // Short offsets store half the offset; records are padded to even lengths, so none is odd.
          for (const offset of offsets) {
            if (longLoca) view.setUint32(at, offset);
            else view.setUint16(at, offset >>> 1);
            at += longLoca ? 4 : 2;
          }
          return;
        case 'hmtx':
          for (const gid of order) {
            out.set(this.record(gid).metrics, at);
            at += 4;
          }
          return;
        default:
          out.set(this.fixed.get(tag)!, at);
          if (tag === 'head') view.setInt16(at + HEAD_INDEX_TO_LOC_FORMAT, longLoca ? 1 : 0);
          if (tag === 'hhea') view.setUint16(at + HHEA_NUMBER_OF_METRICS, count);
          if (tag === 'maxp') view.setUint16(at + MAXP_NUM_GLYPHS, count);
          at += length;
      }
    });
    return out;
  }
}
