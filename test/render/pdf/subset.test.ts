import type { Font } from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { loadFace } from '../../../src/render/pdf/fonts.js';
import type { FaceId } from '../../../src/render/pdf/fonts.js';
import { FaceSubsetter } from '../../../src/render/pdf/subset.js';

const FACES: FaceId[] = ['serif', 'serif-bold', 'serif-italic', 'serif-bold-italic', 'sans', 'sans-bold', 'sans-italic', 'sans-bold-italic'];

/** What fontkit's own subsetter writes for glyphs included in this order. */
function fontkitSubset(font: Font, gids: readonly number[]): Promise<Buffer> {
  const subset = font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset.encodeStream().on('data', (data) => parts.push(data)).on('end', () => resolve(Buffer.concat(parts)));
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
  const shaped = ['Motion to Reopen', 'Nguyễn Văn Ḥanna É É́ ǅ ʿAbd al-Ṣamad', 'سامي يوسف لا', 'שלום'].map((text) => [
    ...new Set(font.layout(text).glyphs.map((g) => g.id).filter((id) => id !== 0)),
  ]);
  return [[], all, [...all].reverse(), ...random, ...shaped];
}

describe('FaceSubsetter', () => {
  it.each(FACES)('writes the %s subsets byte for byte as fontkit does', async (face) => {
    const { bytes, font } = loadFace(face);
    const subsetter = await FaceSubsetter.of(bytes, font);
    for (const gids of orders(font)) {
      const ours = subsetter.encode([0, ...gids]);
      expect(Buffer.from(ours).equals(await fontkitSubset(font, gids)), `${face}, ${gids.length} glyphs`).toBe(true);
    }
  });
});
