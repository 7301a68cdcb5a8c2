import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, ParagraphStyle, Run } from '../../../src/compose/tree.js';
import { STYLES } from '../../../src/render/styles.js';
import { TEXT_BOX, layoutDocument } from '../../../src/render/pdf/index.js';
import { bodyText, doc, fakeMeasurer } from './helpers.js';

const styles = Object.keys(STYLES) as ParagraphStyle[];
// Mostly ordinary words, some with hyphens, slashes, dashes and no-break spaces (places a line may
// or may not end inside a word), some longer than any line (up to 400 characters).
const word = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzĀḤṢʿ&<>{#'), minLength: 1, maxLength: 14 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'abc12-/–—\u00a0\u2011()'), minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'xyz-'), minLength: 60, maxLength: 400 }) },
);
const run: fc.Arbitrary<Run> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' ')), bold: fc.boolean(), italic: fc.boolean(), underline: fc.boolean(), marker: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'break' as const }) },
);
const paragraph: fc.Arbitrary<Paragraph> = fc.record({
  kind: fc.constant('paragraph' as const),
  style: fc.constantFrom(...styles),
  // Consecutive text runs are separated by a space so that a word never spans two runs here.
  runs: fc.array(run, { minLength: 1, maxLength: 6 }).map((runs) => runs.map((r) => (r.kind === 'text' ? { ...r, text: `${r.text} ` } : r))),
  align: fc.constantFrom('left' as const, 'center' as const, 'right' as const, 'justify' as const),
});

/** The layout's text in reading order, a line break between items on different baselines. */
function laidOutTokens(paragraphs: Paragraph[]): string[] {
  const pages = layoutDocument(doc(paragraphs), fakeMeasurer);
  let y = Number.NaN;
  let out = '';
  for (const item of pages.flatMap(bodyText)) {
    out += (item.y === y ? '' : '\n') + item.text;
    y = item.y;
  }
  return out.split(/\s+/).filter(Boolean);
}

describe('layout of random paragraphs', () => {
  it('keeps every text item inside the text box', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 25 }), (paragraphs) => {
        for (const page of layoutDocument(doc(paragraphs), fakeMeasurer)) {
          for (const item of bodyText(page)) {
            expect(item.x).toBeGreaterThanOrEqual(TEXT_BOX.left - 1e-6);
            expect(item.x + item.width).toBeLessThanOrEqual(TEXT_BOX.right + 1e-6);
            expect(item.y - fakeMeasurer.descent * item.size).toBeGreaterThanOrEqual(TEXT_BOX.bottom - 1e-6);
            expect(item.y + fakeMeasurer.ascent * item.size).toBeLessThanOrEqual(TEXT_BOX.top + 1e-6);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lays out exactly the input words in order: nothing lost, nothing duplicated', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 25 }), (paragraphs) => {
        const words = paragraphs.flatMap((p) => p.runs.flatMap((r) => (r.kind === 'text' ? r.text.split(/\s+/).filter(Boolean) : [])));
        const tokens = laidOutTokens(paragraphs);
        // A word wider than its line comes back in pieces on consecutive lines; glue them.
        let t = 0;
        for (const w of words) {
          let got = '';
          while (got.length < w.length && t < tokens.length) got += tokens[t++];
          expect(got).toBe(w);
        }
        expect(t).toBe(tokens.length);
      }),
      { numRuns: 150 },
    );
  });
});
