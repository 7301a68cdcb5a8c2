import { describe, expect, it } from 'vitest';
import { STYLES } from '../../../src/render/styles.js';
import { breakLines } from '../../../src/render/pdf/lines.js';
import { layoutDocument, renderPdf } from '../../../src/render/pdf/index.js';
import { doc, fakeMeasurer, lines, para, text } from './helpers.js';
import { extract } from './extract.js';

/** FilerBlock with the fake measurer: 78 characters to a line. */
const layout = (content: Parameters<typeof para>[0]) => lines(layoutDocument(doc([para(content)]), fakeMeasurer)[0]!);
const pad = (n: number) => 'x'.repeat(n);

describe('breaking inside a word (UAX #14)', () => {
  it('ends a line after a hyphen of a word that does not fit, with no space added', () => {
    // "well-" fits after 70 characters and a space (76), "well-known" (81) does not.
    expect(layout(`${pad(70)} well-known words`)).toEqual([`${pad(70)} well-`, 'known words']);
  });

  it('ends a line after a slash, an en dash or an em dash, never before the dash', () => {
    expect(layout(`${pad(72)} and/or more`)).toEqual([`${pad(72)} and/`, 'or more']);
    expect(layout(`${pad(70)} 2019–2020 term`)).toEqual([`${pad(70)} 2019–`, '2020 term']);
    expect(layout(`${pad(70)} reopen—and more`)).toEqual([`${pad(70)} reopen—`, 'and more']);
    expect(layout(`${pad(73)} reopen—and`)).toEqual([pad(73), 'reopen—and']);
  });

  it('keeps an A-number whole: no break between a hyphen and a digit', () => {
    expect(layout(`${pad(66)} A012-345-678 filed`)).toEqual([pad(66), 'A012-345-678 filed']);
  });

  it('never ends a line at a no-break space or a non-breaking hyphen', () => {
    const cite = '8\u00a0C.F.R.\u00a0§\u00a01003.23(b)(4)(ii)';
    for (let n = 50; n < 78; n++) {
      const got = layout(`${pad(n)} ${cite} applies`);
      expect(got.some((line) => line.includes(cite)), `after ${n} characters`).toBe(true);
    }
    for (const nb of ['\u202f', '\u2007']) expect(layout(`${pad(70)} §${nb}1003.2`)).toEqual([pad(70), `§${nb}1003.2`]);
    expect(layout(`${pad(72)} non\u2011citizen`)).toEqual([pad(72), 'non\u2011citizen']);
    // A hyphen right before a no-break space gives no break either.
    expect(layout(`${pad(72)} ab-\u00a0cd`)).toEqual([pad(72), 'ab-\u00a0cd']);
  });

  it('does not break a citation between its parentheses', () => {
    expect(layout(`${pad(66)} 1003.23(b)(4)(ii)`)).toEqual([pad(66), '1003.23(b)(4)(ii)']);
  });

  it('cuts between clusters only a piece with no break opportunity that is wider than a line', () => {
    const word = `${'a'.repeat(40)}-${'b'.repeat(100)}-${'c'.repeat(10)}`;
    expect(layout(word)).toEqual([`${'a'.repeat(40)}-`, 'b'.repeat(78), `${'b'.repeat(22)}-${'c'.repeat(10)}`]);
    // The hyphens of a long hyphenated name are where it wraps.
    const name = Array.from({ length: 12 }, (_, i) => `Name${i}`).join('-');
    const got = layout(name);
    expect(got.join('')).toBe(name);
    for (const line of got.slice(0, -1)) expect(line.endsWith('-')).toBe(true);
  });

  it('draws a soft hyphen that ends a line as a hyphen, and not at all elsewhere', () => {
    expect(layout(`${pad(70)} Ha\u00adnna\u00adford`)).toEqual([`${pad(70)} Ha\u00adnna-`, 'ford']);
  });

  it('breaks a word that spans runs of different formats at its hyphen, keeping the formats', () => {
    const runs = [text(`${pad(70)} Sa`), text('mi-You', { bold: true }), text('ssef')];
    const got = breakLines(runs, { size: 12, bold: false, italic: false }, 468, 468, fakeMeasurer);
    expect(got.map((l) => l.atoms.map((a) => [a.text, a.face]))).toEqual([
      [[pad(70), 'R'], [' ', 'R'], ['Sa', 'R'], ['mi-', 'B']],
      [['You', 'B'], ['ssef', 'R']],
    ]);
    for (const line of got) expect(line.width).toBeLessThanOrEqual(468);
  });

  it('fills the first line after its indent, then whole lines', () => {
    const got = breakLines([text(`${pad(60)} well-known`)], { ...STYLES.Body, bold: false, italic: false }, 420, 468, fakeMeasurer);
    // 70 characters on the first line: "well-" fits (66), "well-known" (71) does not.
    expect(got.map((l) => l.atoms.map((a) => a.text).join(''))).toEqual([`${pad(60)} well-`, 'known']);
  });
});

describe('breaking inside a word, in a real PDF', () => {
  it('wraps a hyphenated name at its hyphen and keeps a citation with no-break spaces on one line', async () => {
    const cite = '8\u00a0C.F.R.\u00a0§\u00a01003.23(b)(4)(ii)';
    // In Tinos an x is half an em, 6 points: 78 fill a line. The name and the citation straddle the
    // line's end at one place or another as the run of x's grows.
    const texts = Array.from({ length: 16 }, (_, i) => `${'x'.repeat(38 + 3 * i)} Ḥanna-Nguyễn-Abdelrahman, under ${cite}, and A012-345-678.`);
    const tree = doc(texts.map((t) => para(t, 'BodySingle')));
    const pages = await extract(await renderPdf(tree));
    const bodyLines = pages.flatMap((p) => p.body.split('\n')).map((l) => l.trim()).filter(Boolean);
    // Some line ends inside the name, after one of its hyphens.
    expect(bodyLines.some((l) => /Ḥanna-$|Nguyễn-$/.test(l))).toBe(true);
    const norm = (s: string) => s.replace(/\u00a0/g, ' ');
    for (const line of bodyLines) {
      // A line ends only at a space or after a hyphen; never at "C.F.R." or "§" of the citation.
      expect(line).not.toMatch(/(C\.F\.R\.|§)$/);
      expect(line).not.toMatch(/^(§|1003\.23)/);
      expect(line).not.toMatch(/A012-$|^345-/);
    }
    const all = norm(bodyLines.join(' '));
    expect(all.split(norm(cite)).length - 1).toBe(texts.length);
    expect(all.split('A012-345-678').length - 1).toBe(texts.length);
  });
});
