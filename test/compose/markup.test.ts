import Handlebars from 'handlebars';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkupError, parseMarkup } from '../../src/compose/markup.js';
import { COMPILE_OPTIONS, createEnvironment, escapeMarkup, prepareView } from '../../src/compose/render-template.js';
import { walkRuns, type Block } from '../../src/compose/tree.js';

const textOf = (blocks: Block[]) =>
  [...walkRuns(blocks)].map((r) => (r.kind === 'text' ? r.text : '\n')).join('');

describe('the filing markup', () => {
  it('maps headings, paragraphs and inline marks onto the tree', () => {
    const blocks = parseMarkup('# I. INTRODUCTION\n\nRespondent **moves** *the Court* to :u[reopen].');
    expect(blocks).toEqual([
      { kind: 'paragraph', style: 'Heading1', runs: [{ kind: 'text', text: 'I. INTRODUCTION' }], keepWithNext: true },
      {
        kind: 'paragraph',
        style: 'Body',
        runs: [
          { kind: 'text', text: 'Respondent ' },
          { kind: 'text', text: 'moves', bold: true },
          { kind: 'text', text: ' ' },
          { kind: 'text', text: 'the Court', italic: true },
          { kind: 'text', text: ' to ' },
          { kind: 'text', text: 'reopen', underline: true },
          { kind: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('prints each source line as a line inside a line container', () => {
    const [p] = parseMarkup(':::filer\nLaila Haddad\n1 Woodward Avenue\nDetroit, MI 48226\n:::');
    expect(p).toEqual({
      kind: 'paragraph',
      style: 'FilerBlock',
      runs: [
        { kind: 'text', text: 'Laila Haddad' },
        { kind: 'break' },
        { kind: 'text', text: '1 Woodward Avenue' },
        { kind: 'break' },
        { kind: 'text', text: 'Detroit, MI 48226' },
      ],
    });
  });

  it('builds the caption box, ordered lists, sized tables, page breaks, spacers and keep blocks', () => {
    const blocks = parseMarkup(
      [
        '::::caption',
        ':::cell',
        'In the Matter of:',
        ':::',
        ':::cell',
        'File No. A012-345-678',
        ':::',
        '::::',
        '',
        '3. three',
        '4. four',
        '',
        ':::table{widths="1,4"}',
        '| Tab | Title |',
        '| --- | --- |',
        '| A | Form I-589 |',
        ':::',
        '',
        '::pagebreak',
        '',
        '::spacer{pt=24}',
        '',
        ':::keep',
        'kept',
        ':::',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'list', 'table', 'pageBreak', 'spacer', 'keep']);
    expect(blocks[0]).toMatchObject({ borders: 'caption', widths: [3, 2], rows: [{ cells: [{}, {}] }] });
    expect(blocks[1]).toMatchObject({ ordered: true, start: 3 });
    expect(blocks[2]).toMatchObject({ borders: 'grid', widths: [1, 4], rows: [{ header: true }, {}] });
    expect(blocks[4]).toEqual({ kind: 'spacer', points: 24 });
  });

  it('refuses what filings do not use, with the line', () => {
    expect(() => parseMarkup('text\n\n:::nonsense\nx\n:::')).toThrow(MarkupError);
    expect(() => parseMarkup('text\n\n:::nonsense\nx\n:::')).toThrow(/line 3: unknown block ":::nonsense"/);
    expect(() => parseMarkup('see [link](http://x)')).toThrow(/"link"/);
    expect(() => parseMarkup('::spacer{pt=abc}')).toThrow(/pt between/);
  });

  it('shows a missing fact as a highlighted marker', () => {
    const [p] = parseMarkup('EOIR ID: :missing[counsel.eoirId]');
    expect(p).toMatchObject({ runs: [{ text: 'EOIR ID: ' }, { text: '[MISSING: counsel.eoirId]', marker: true, bold: true }] });
  });
});

describe('values in templates are text, never markup', () => {
  const env = createEnvironment({});
  const render = (template: string, view: unknown) => parseMarkup(env.compile(template, COMPILE_OPTIONS)(prepareView(view)));

  const adversarial = [
    '# not a heading',
    '1. not a list',
    '- not a bullet',
    ':::detained',
    '::pagebreak',
    ':missing[x]',
    '**not bold** and *not italic* and _nor this_',
    '[link](http://example.org) <b>html</b> &amp; `code`',
    '| a | b |',
    '{{name}} {#each} [[body]] \\backslash\\',
    'line one\nline two\n\nnew paragraph',
    '    four spaces of indent',
    '> not a quote',
    'x'.repeat(10_000),
  ];

  it.each(adversarial.map((v) => [v.length > 40 ? `${v.slice(0, 20)}... (${v.length} characters)` : v, v]))('%s', (_name, value) => {
    const blocks = render('Before {{v}} after.', { v: value });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', style: 'Body' });
    expect(textOf(blocks)).toBe(`Before ${value.replace(/\s+/g, ' ').trim()} after.`);
  });

  it('holds for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (value) => {
        const blocks = render(':::lines\nA {{v}} B\n:::', { v: value });
        expect(blocks).toHaveLength(1);
        // Breaking white space folds to one space; no-break spaces (U+00A0, U+2007, U+202F) stay.
        const expected = `A ${value.replace(/[^\S\u00a0\u2007\u202f]+/g, ' ').trim()} B`.replace(/ +/g, ' ');
        expect(textOf(blocks)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps paragraph breaks only where the template asks for paragraphs', () => {
    const blocks = render('{{paragraphs v}}', { v: 'One *a*.\n\nTwo # b.' });
    expect(blocks.map((b) => (b.kind === 'paragraph' ? textOf([b]) : b.kind))).toEqual(['One *a*.', 'Two # b.']);
  });

  it('escapes every ASCII punctuation mark', () => {
    expect(escapeMarkup('a*b_c')).toBe('a\\*b\\_c');
  });

  it('fails loudly on a field the view model lacks (strict mode)', () => {
    expect(() => env.compile('{{nope}}', COMPILE_OPTIONS)(prepareView({}))).toThrow(/"nope" not defined/);
  });

  it('refuses helpers it does not know', () => {
    expect(() => env.compile('{{frobnicate a}}', COMPILE_OPTIONS)(prepareView({ a: 1 }))).toThrow(/frobnicate/);
    // Reopen's helpers live in its own environment, not in the global Handlebars.
    expect(Handlebars.helpers).not.toHaveProperty('paragraphs');
  });
});
