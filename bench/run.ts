/**
 * `npm run bench`: how fast Reopen turns cases into filings, with the two ratios the document
 * engine is held to, measured in the same run:
 *
 * - DOCX against its zip-only floor: the same parts zipped with no templating (target: within 3x);
 * - PDF with the embedded font against pdf-lib drawing the same text in a standard font (target:
 *   within 2x).
 *
 * Figures are medians of many runs after a warm-up; expect 10-15% noise on a busy machine. Speed
 * is checked here, never by timed unit tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDocuments, type GenerateOptions } from '../src/generate.js';
import { exhibitReader } from '../src/io/exhibit-files.js';
import { packageRoot } from '../src/io/package-root.js';
import type { DocumentTree } from '../src/compose/tree.js';
import { currentShell, renderDocx, renderDocxParts, zipDocxParts } from '../src/render/docx/index.js';
import { renderPdf, standardFonts } from '../src/render/pdf/index.js';
import { benchServer } from './server.js';

interface Figure {
  median: number;
  min: number;
}

async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<Figure> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]! };
}

const ms = (f: Figure) => `${f.median.toFixed(2).padStart(7)} ms (min ${f.min.toFixed(2)})`;

function loadSample(name: string): { input: unknown; asOf: string } {
  const dir = join(packageRoot(), 'samples', 'cases');
  const index = JSON.parse(readFileSync(join(dir, 'samples.json'), 'utf8')) as { samples: { name: string; asOf: string }[] };
  const s = index.samples.find((x) => x.name === name)!;
  return { input: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown, asOf: s.asOf };
}

function words(tree: DocumentTree): number {
  let n = 0;
  const walk = (blocks: DocumentTree['blocks']) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') for (const r of b.runs) if (r.kind === 'text') n += r.text.split(/\s+/).filter(Boolean).length;
      if (b.kind === 'list') b.items.forEach(walk);
      if (b.kind === 'table') b.rows.forEach((row) => row.cells.forEach((c) => walk(c.blocks)));
      if (b.kind === 'keep') walk(b.blocks);
    }
  };
  walk(tree.blocks);
  return n;
}

/** `tree` with a line in front whose letters, in regular, bold and italic, come in an order unique to `n`. */
function withFirstLine(tree: DocumentTree, n: number): DocumentTree {
  const word = [n % 26, Math.floor(n / 26) % 26, Math.floor(n / 676) % 26].map((i) => String.fromCharCode(97 + i)).join('');
  const runs = [{ text: word }, { text: ` ${word}`, bold: true }, { text: ` ${word}`, italic: true }].map((run) => ({ kind: 'text' as const, ...run }));
  return { ...tree, blocks: [{ kind: 'paragraph', style: 'Body', runs }, ...tree.blocks] };
}

async function main(): Promise<void> {
  if (process.argv.includes('--server-only')) return benchServer();
  const runs = Number(process.env['BENCH_RUNS'] ?? 60);
  const { input, asOf } = loadSample('detained-iraqi-hamama');
  const readExhibit = exhibitReader(join(packageRoot(), 'samples', 'cases'));
  const gen = (opts: Partial<GenerateOptions>) => generateDocuments(input, { asOf, readExhibit, ...opts });
  const first = await gen({});
  if (!first.ok) throw new Error('the bench sample does not generate');
  const motion = first.trees.find((t) => t.id === 'motion-to-reopen')!.tree;
  const shell = currentShell();

  console.log(`Reopen bench: node ${process.version}, ${runs} runs per figure, medians`);
  console.log(`Motion to reopen (sample detained-iraqi-hamama): ${words(motion)} words, ${first.files.find((f) => f.name.endsWith('motion-to-reopen.pdf'))!.bytes.length} PDF bytes\n`);

  // DOCX against the zip-only floor.
  const parts = renderDocxParts(motion, shell);
  const docx = await time(runs, () => renderDocx(motion, shell));
  const zipFloor = await time(runs, () => zipDocxParts(parts, motion.asOf, shell.zipCache));
  const zipAll = await time(runs, () => zipDocxParts(parts, motion.asOf));
  console.log('DOCX, motion to reopen');
  console.log(`  render (template, body, zip)        ${ms(docx)}`);
  console.log(`  zip-only floor (same parts)         ${ms(zipFloor)}`);
  console.log(`  zip of every part, no cache         ${ms(zipAll)}`);
  console.log(`  ratio to floor: ${(docx.median / zipFloor.median).toFixed(2)}x (target <= 3x); to uncached zip: ${(docx.median / zipAll.median).toFixed(2)}x\n`);

  // PDF against pdf-lib with a standard font.
  const pdf = await time(runs, () => renderPdf(motion));
  const pdfStandard = await time(runs, () => renderPdf(motion, standardFonts));
  // Rendering the same tree again reuses its compressed font programs; a line added on top, in a
  // new order of letters each time, gives every face a glyph order the process has not seen.
  let variant = 0;
  const pdfNewGlyphOrder = await time(runs, () => renderPdf(withFirstLine(motion, variant++)));
  console.log('PDF, motion to reopen');
  console.log(`  embedded Tinos, subset              ${ms(pdf)}`);
  console.log(`  pdf-lib standard Times (floor)      ${ms(pdfStandard)}`);
  console.log(`  ratio to floor: ${(pdf.median / pdfStandard.median).toFixed(2)}x (target <= 2x)`);
  console.log(`  embedded, glyph orders not seen     ${ms(pdfNewGlyphOrder)}: ${(pdfNewGlyphOrder.median / pdfStandard.median).toFixed(2)}x the floor\n`);

  // Whole documents and packets, from the case file on.
  const perDocument = await time(runs, () => gen({ documents: ['respondent-declaration'], formats: ['docx', 'pdf'] }));
  const packet = await time(runs, () => gen({}));
  const filesPerPacket = first.files.length;
  console.log('From the case file (check, view model, template, markup, both formats)');
  console.log(`  declaration, DOCX + PDF             ${ms(perDocument)}`);
  console.log(`  packet (${filesPerPacket} files)                   ${ms(packet)}`);
  console.log(`  documents per second: ${((filesPerPacket / packet.median) * 1000).toFixed(0)} files/s on one core`);
  const mem = process.memoryUsage();
  console.log(`\nMemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  console.log('Anchors (shared notes): docxtemplater whole render 5.75 ms, its zip floor 0.91 ms; pdf-lib + fontkit 89 ms vs Times 13.9 ms.');

  if (!process.argv.includes('--no-server')) await benchServer();
}

await main();
