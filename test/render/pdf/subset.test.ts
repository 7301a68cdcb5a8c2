import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { ALL_FACES, loadFace } from '../../../src/render/pdf/fonts.js';
import type { FaceId } from '../../../src/render/pdf/fonts.js';
import { FaceSubsetter } from '../../../src/render/pdf/subset.js';

/** What fontkit's own subsetter writes for glyphs included in this order, and its glyph order
 * (the ids asked for, then the components of composite glyphs). */
function fontkitSubset(font: Font, gids: readonly number[]): Promise<{ bytes: Buffer; order: number[] }> {
  const subset = font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (data) => parts.push(data))
      .on('end', () => resolve({ bytes: Buffer.concat(parts), order: [...(subset as unknown as { glyphs: number[] }).glyphs] }));
  });
}

/** Glyph orders as documents produce them, and the extremes: every glyph (long offsets, all the
 * composites), backwards, and seeded random draws. */
function orders(font: Font): number[][] {
  const all = Array.from({ length: font.numGlyphs - 1 }, (_, i) => i + 1);
  let seed = 17;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const random = Array.from({ length: 8 }, () => [...new Set(Array.from({ length: 1 + Math.floor(next() * 300) }, () => 1 + Math.floor(next() * (font.numGlyphs - 1))))]);
  // Glyph 0, which a face without the script lays out, is in every subset already.
  const shaped = ['Motion to Reopen', 'Nguyễn Văn Ḥanna É É́ ǅ ʿAbd al-Ṣamad', 'سامي يوسف لا ٥٢', 'שלום', 'ܝܘܣܦ ܚܢܐ ܡܪܝܡ'].map((text) => [
    ...new Set(font.layout(text).glyphs.map((g) => g.id).filter((id) => id !== 0)),
  ]);
  return [[], all, [...all].reverse(), ...random, ...shaped];
}

const shapedMotion = (font: Font) => [...new Set(font.layout('Motion to Reopen').glyphs.map((g) => g.id))];

/** The font's tables by tag. */
function tables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    out.set(tag, bytes.subarray(offset, offset + view.getUint32(at + 12)));
  }
  return out;
}

/** The glyph records of the face that are of odd length. */
function oddRecords(face: FaceId): number {
  const offsets = (loadFace(face).font as unknown as { loca: { offsets: number[] } }).loca.offsets;
  return offsets.slice(1).filter((end, i) => (end - offsets[i]!) % 2 === 1).length;
}

/** Glyph ids of `subset` whose record is not the source glyph's (a composite's component ids
 * aside), padded to an even length: a cheap check for subsets of thousands of glyphs. */
function misplaced(subset: Uint8Array, order: readonly number[], source: Font, sourceBytes: Uint8Array): number[] {
  const offsets = (font: Font) => (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
  const [ours, theirs] = [offsets(fontkit.create(subset)), offsets(source)];
  const [glyf, sourceGlyf] = [tables(subset).get('glyf')!, tables(sourceBytes).get('glyf')!];
  return order.flatMap((gid, i) => {
    const record = sourceGlyf.subarray(theirs[gid]!, theirs[gid + 1]!);
    const written = glyf.subarray(ours[i]!, ours[i + 1]!);
    const composite = record.length > 0 && new DataView(record.buffer, record.byteOffset).getInt16(0) < 0;
    const same = written.length === record.length + (record.length % 2) && (composite || Buffer.from(written.subarray(0, record.length)).equals(record));
    return same ? [] : [i];
  });
}

/** Glyph ids of `subset` whose outline or advance is not that of the source glyph it stands for. */
function misread(subset: Uint8Array, order: readonly number[], source: Font): number[] {
  const parsed = fontkit.create(subset);
  const shape = (font: Font, gid: number) => {
    try {
      const glyph = font.getGlyph(gid);
      return `${glyph.advanceWidth} ${glyph.path.toSVG()}`;
    } catch (error) {
      // A record read from the wrong place may run off the table.
      return String(error);
    }
  };
  return order.flatMap((gid, i) => (shape(parsed, i) === shape(source, gid) ? [] : [i]));
}

describe('FaceSubsetter', () => {
  it('covers faces with hinting tables and faces without (Tinos has fpgm and cvt, Noto Sans Syriac neither)', () => {
    const tags = (face: FaceId) => Object.keys((loadFace(face).font as unknown as { directory: { tables: object } }).directory.tables);
    expect(tags('tinos')).toEqual(expect.arrayContaining(['fpgm', 'cvt ', 'prep']));
    expect(tags('syriac')).not.toContain('fpgm');
    expect(tags('syriac')).not.toContain('cvt ');
  });

  it.each(ALL_FACES.filter((face) => oddRecords(face) === 0))('writes the %s subsets byte for byte as fontkit does', async (face) => {
    const { bytes, font } = loadFace(face);
    const subsetter = await FaceSubsetter.of(bytes, font);
    for (const gids of orders(font)) {
      const ours = subsetter.encode([0, ...gids]);
      expect(Buffer.from(ours).equals((await fontkitSubset(font, gids)).bytes), `${face}, ${gids.length} glyphs`).toBe(true);
    }
  });

  // Tinos has glyph records of odd length. fontkit copies them unpadded and then halves their
  // offsets for the short loca format, so every glyph after one is read a byte off: text that
  // extracts well and prints as blanks or garbage. Ours pads them; every other table is fontkit's.
  it.each(ALL_FACES.filter((face) => oddRecords(face) > 0))('writes the %s subsets as fontkit does, odd glyph records padded, every glyph intact', async (face) => {
    const { bytes, font } = loadFace(face);
    const subsetter = await FaceSubsetter.of(bytes, font);
    let fontkitMisread = 0;
    for (const gids of orders(font)) {
      const ours = subsetter.encode([0, ...gids]);
      const theirs = await fontkitSubset(font, gids);
      const [a, b] = [tables(ours), tables(theirs.bytes)];
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [tag, table] of a) {
        if (tag === 'glyf' || tag === 'loca') continue;
        const expected = Buffer.from(b.get(tag)!);
        // Padding may make the glyph data long enough to need long offsets where fontkit's did not.
        if (tag === 'head') expected.writeInt16BE(Buffer.from(table).readInt16BE(50), 50);
        expect(Buffer.from(table).equals(expected), `${face}, ${gids.length} glyphs, ${tag}`).toBe(true);
      }
      expect(misplaced(ours, theirs.order, font, bytes), `${face}, ${gids.length} glyphs`).toEqual([]);
      // Decoding every outline is slow: the subsets of a few hundred glyphs are drawn, outline by outline.
      if (gids.length < 400) expect(misread(ours, theirs.order, font), `${face}, ${gids.length} glyphs`).toEqual([]);
      // fontkit's own subset of the words of a motion already loses glyphs.
      if (gids.length === shapedMotion(font).length) fontkitMisread += misread(theirs.bytes, theirs.order, font).length;
    }
    expect(fontkitMisread).toBeGreaterThan(0);
  });
});
