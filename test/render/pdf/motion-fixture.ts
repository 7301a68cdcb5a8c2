/**
 * A stand-in for the 7-page motion to reopen of ../shared/notes/measured.md: a caption table,
 * headings, about 2,000 words of double-spaced 12-point prose with a realistic spread of distinct
 * words (seeded, so every run is the same), an exhibit table and a signature block. Double spacing
 * and the tables make it 9 pages here.
 */
import type { Block, DocumentTree, Paragraph } from '../../../src/compose/tree.js';

const SYLLABLES = ['re', 'spon', 'dent', 'mo', 'tion', 'ter', 'ad', 'ju', 'di', 'ca', 'ted', 'pro', 'ceed', 'ings', 'con', 'tions', 'ev', 'i', 'dence', 'hear', 'ing', 'board', 'coun', 'sel', 'no', 'tice', 'asy', 'lum', 'ap', 'peal'];
const COMMON = 'the of and to in a that is for was be by on as with his not at this or from which under an it'.split(' ');

function prose(words: number, seed: number): string {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  // About half the words are common ones, the rest come from a vocabulary of some 1,200 words,
  // drawn unevenly as in real prose: roughly 600 distinct words over the whole motion.
  const vocabulary = Array.from({ length: 1200 }, (_, i) => {
    let w = '';
    for (let n = i + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
    return w;
  });
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const word = next() < 0.5 ? COMMON[Math.floor(next() * COMMON.length)]! : vocabulary[Math.floor(next() ** 1.5 * vocabulary.length)]!;
    out.push(next() < 0.08 ? `${word},` : word);
  }
  return `${out.join(' ')}.`;
}

const p = (style: Paragraph['style'], text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: 'paragraph',
  style,
  runs: [{ kind: 'text', text }],
  ...extra,
});

export function motionTree(): DocumentTree {
  const body: Block[] = [];
  for (let section = 0; section < 6; section++) {
    body.push(p('Heading1', `${'IVX'[section % 3]}. Section heading number ${section + 1}`));
    for (let para = 0; para < 3; para++) body.push(p('Body', prose(105, 1 + section * 10 + para)));
  }
  return {
    title: 'Motion to Reopen',
    asOf: '2025-03-04',
    furniture: { headerLeft: 'Sami Youssef, A 123 456 789', headerRight: 'DETAINED', pageNumbers: true },
    blocks: [
      p('CourtHeading', 'UNITED STATES DEPARTMENT OF JUSTICE'),
      p('CourtHeading', 'EXECUTIVE OFFICE FOR IMMIGRATION REVIEW'),
      {
        kind: 'table',
        widths: [3, 2],
        borders: 'caption',
        rows: [
          {
            cells: [
              { blocks: [p('TableText', 'In the Matter of:'), p('TableText', 'Sami YOUSSEF, Respondent'), p('TableText', 'In removal proceedings')] },
              { blocks: [p('TableText', 'File No.: A 123 456 789')] },
            ],
          },
        ],
      },
      p('Title', 'RESPONDENT’S MOTION TO REOPEN REMOVAL PROCEEDINGS'),
      ...body,
      {
        kind: 'table',
        widths: [1, 5, 1],
        borders: 'grid',
        rows: [
          { header: true, cells: ['Tab', 'Exhibit', 'Pages'].map((t) => ({ blocks: [p('TableText', t, { runs: [{ kind: 'text', text: t, bold: true }] })] })) },
          ...Array.from({ length: 8 }, (_, i) => ({
            cells: [`${String.fromCharCode(65 + i)}`, prose(8, 100 + i), `${i * 3 + 1}-${i * 3 + 3}`].map((t) => ({ blocks: [p('TableText', t)] })),
          })),
        ],
      },
      { kind: 'keep', blocks: [p('Signature', 'Respectfully submitted,'), { kind: 'spacer', points: 36 }, p('Signature', 'Jane Advocate, Attorney for Respondent')] },
    ],
  };
}
