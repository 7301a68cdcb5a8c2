import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { doc, para, text } from './helpers.js';

/** A document whose glyphs, in their order of first use, no other test draws. */
const unique = (n: number) =>
  doc([para([text(`Zq${n} xv ${String.fromCharCode(0x100 + (n % 100))}ĳ ŧ`, { bold: n % 2 === 0 }), text(' ŉ ẞ', { italic: true })], 'Body')]);

describe('font programs shared between documents', () => {
  it('gives the same bytes from a compressed program it kept as from one it compressed, before and after the cache is full', async () => {
    const first = await renderPdf(unique(0));
    expect(await renderPdf(unique(0))).toEqual(first);
    // More documents with glyph orders of their own than the cache keeps: the first is compressed again.
    for (let n = 1; n <= 80; n++) await renderPdf(unique(n));
    expect(await renderPdf(unique(0))).toEqual(first);
  });
});
