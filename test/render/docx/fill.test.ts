import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillShell, ShellFiller, type ShellData } from '../../../src/render/docx/fill.js';
import { defaultShell, type DocxParts } from '../../../src/render/docx/index.js';
import { ADVERSARIAL } from './fixtures.js';

const shell = defaultShell();

/** Values that change what docxtemplater writes around them, and text that merely looks like markup. */
const value = fc.oneof(
  fc.constantFrom('', ' ', '\t', 'Line one\nline two', 'tab\there', 'cr\r', '  padded  ', '\uE000title&\uE001', '\uE000title&amp;\uE001', ...ADVERSARIAL),
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", '[', ']', '$', '\n', 'ḥ', 'س', '\uE000', '\uE001') }),
);

const data = fc.record({
  title: value,
  created: fc.constantFrom('2025-03-04T00:00:00Z', ''),
  headerLeft: value,
  headerRight: value,
  footerLeft: value,
  pageNumbers: fc.boolean(),
  body: fc.constantFrom('<w:p/>', '<w:p><w:r><w:t>$&amp; $1</w:t></w:r></w:p>'),
});

/** The default shell with its parts changed, and every part holding a tag marked as templated. */
function variant(change: Record<string, (xml: string) => string>): { parts: DocxParts; templated: Set<string> } {
  const parts = new Map(shell.parts);
  for (const [name, edit] of Object.entries(change)) parts.set(name, edit(parts.get(name) as string));
  return { parts, templated: new Set([...shell.templated, ...Object.keys(change)]) };
}

const SHELLS = {
  default: { parts: shell.parts, templated: shell.templated },
  // A field used as a condition and twice in one part, as a clinic's header might.
  conditional: variant({
    'word/header1.xml': (xml) => xml.replace('[[headerRight]]', '[[#headerRight]]Detained: [[headerRight]] ([[headerRight]])[[/headerRight]][[^headerRight]]Not detained[[/headerRight]]'),
  }),
  // A field written as raw XML: every document is then filled by docxtemplater in full.
  raw: variant({
    'word/document.xml': (xml) => xml.replace('<w:sectPr>', '<w:p><w:r><w:t>[[@title]]</w:t></w:r></w:p><w:sectPr>'),
  }),
};

/** The fills a filler keeps, by shape of data: a map of marked parts, or 'in full'. */
const fillsOf = (filler: ShellFiller) => (filler as unknown as { fills: Map<string, unknown> }).fills;
const PLAIN: ShellData = { title: 'Motion', created: '2025-03-04T00:00:00Z', headerLeft: 'A', headerRight: 'B', footerLeft: 'C', pageNumbers: true, body: '' };

describe('ShellFiller', () => {
  it.each(Object.entries(SHELLS))('fills the %s shell exactly as docxtemplater does for each document', (_name, { parts, templated }) => {
    const filler = new ShellFiller(parts, templated, 'test shell');
    fc.assert(
      fc.property(data, (d: ShellData) => {
        expect(filler.fill(d)).toEqual(fillShell(parts, templated, d, 'test shell'));
      }),
      { numRuns: 300 },
    );
  });

  it('runs docxtemplater once for documents that differ only in plain text, unless the shell writes raw XML', () => {
    for (const [name, { parts, templated }] of Object.entries(SHELLS)) {
      const filler = new ShellFiller(parts, templated, 'test shell');
      filler.fill(PLAIN);
      filler.fill({ ...PLAIN, title: 'Declaration', headerLeft: 'Ḥanna & Sons' });
      expect([...fillsOf(filler).values()].map((fill) => (fill === 'in full' ? fill : 'marked'))).toEqual([name === 'raw' ? 'in full' : 'marked']);
    }
  });

  it('keeps a bounded number of fills however many shapes of data a batch brings', () => {
    const filler = new ShellFiller(shell.parts, shell.templated, 'test shell');
    for (let i = 0; i < 100; i++) {
      const d = { ...PLAIN, headerLeft: `Line ${i}\nnext` };
      expect(filler.fill(d)).toEqual(fillShell(shell.parts, shell.templated, d, 'test shell'));
    }
    expect(fillsOf(filler).size).toBeLessThanOrEqual(16);
  });
});
