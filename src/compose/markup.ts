/**
 * The filing markup: a small Markdown dialect that templates write and this module turns into the
 * document tree. Parsing is micromark's (mdast-util-from-markdown, with the directive and GFM
 * table extensions); this module only maps the syntax tree onto filing blocks.
 *
 * What the markup has, beyond CommonMark paragraphs, **bold**, *italic*, headings, lists and tables:
 *
 *   :u[text]                underlined text
 *   :missing[respondent.aNumber]   a visible [MISSING: ...] marker (preview only)
 *   ::pagebreak             a page break; ::pagebreak{mark=exhibits} also names the place
 *                           where a filing inserts other pages
 *   ::spacer{pt=24}         vertical space
 *   :::name ... :::         a block of paragraphs in a named style (see CONTAINERS); in "line"
 *                           containers each source line is a printed line
 *   ::::caption / :::cell   the two cells of the immigration-court caption box; with several
 *                           people, :::::caption / ::::row / :::cell, one row per person
 *   :::keep                 keep what is inside on one page
 *
 * Raw HTML, indented code and autolinks are switched off: filings never need them, and a value
 * that slipped through unescaped must not turn into one.
 */
import type { Root, RootContent, PhrasingContent, Table as MdTable } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Align, Block, Paragraph, ParagraphStyle, Run, Table, TextRun } from './tree.js';

export class MarkupError extends Error {
  readonly code = 'markup_error';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

interface Container {
  style: ParagraphStyle;
  /** Each source line prints as a line (addresses, headings, signature blocks). */
  lines: boolean;
  align?: Align;
  keep?: boolean;
  /** The style of list items inside (default ListItem, spaced like a motion's body). */
  listStyle?: ParagraphStyle;
}

/** The named blocks a template may open with `:::name`. */
export const CONTAINERS: Record<string, Container> = {
  single: { style: 'BodySingle', lines: false },
  // A letter's prose: single spaced paragraphs, and lists single spaced too.
  letter: { style: 'BodySingle', lines: false, listStyle: 'ListItemSingle' },
  lines: { style: 'BodySingle', lines: true },
  center: { style: 'BodySingle', lines: true, align: 'center' },
  right: { style: 'BodySingle', lines: true, align: 'right' },
  title: { style: 'Title', lines: true },
  'court-heading': { style: 'CourtHeading', lines: true },
  filer: { style: 'FilerBlock', lines: true },
  detained: { style: 'Detained', lines: true },
  quote: { style: 'BlockQuote', lines: false },
  address: { style: 'BlockQuote', lines: true },
  signature: { style: 'Signature', lines: true, keep: true },
  small: { style: 'Small', lines: false },
  keep: { style: 'Body', lines: false, keep: true },
};

const micromarkOptions = {
  extensions: [directive(), gfmTable(), { disable: { null: ['codeIndented', 'htmlFlow', 'htmlText', 'autolink', 'codeText'] } }],
  mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown()],
};

export function parseMarkup(markup: string): Block[] {
  const root: Root = fromMarkdown(markup, micromarkOptions);
  return blocksOf(root.children, { style: 'Body', lines: false });
}

interface Ctx {
  style: ParagraphStyle;
  lines: boolean;
  align?: Align;
  listStyle?: ParagraphStyle;
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number | undefined {
  return node.position?.start.line;
}

function blocksOf(nodes: readonly RootContent[], ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const node of nodes) out.push(...blockOf(node, ctx));
  return bindNeighbours(out);
}

/**
 * What a clerk expects to find together on a page: a lead-in ("...are these:") with the list it
 * introduces, and a signature block with the words it signs, so that it never stands alone at the
 * top of a page. Headings keep with what follows through their style.
 */
function bindNeighbours(blocks: Block[]): Block[] {
  const isSignature = (b: Block | undefined) =>
    b?.kind === 'keep' && b.blocks.some((inner) => inner.kind === 'paragraph' && inner.style === 'Signature');
  /** The next block that is not vertical space. */
  const after = (i: number) => blocks.slice(i + 1).find((b) => b.kind !== 'spacer');
  return blocks.map((block, i) => {
    const next = after(i);
    if (next === undefined) return block;
    if (block.kind === 'spacer') return isSignature(next) && blocks[i + 1] !== undefined ? { ...block, keepWithNext: true } : block;
    if (block.kind !== 'paragraph' || block.keepWithNext) return block;
    const last = block.runs.at(-1);
    const leadIn = last?.kind === 'text' && /:\s*$/.test(last.text);
    return leadIn || isSignature(next) ? { ...block, keepWithNext: true } : block;
  });
}

/**
 * Citations that must not break across lines, bound with no-break spaces: "8 C.F.R. § 1003.23",
 * "INA § 240", "8 U.S.C. § 1229a", "21 I&N Dec. 413", "Pub. L. 119-21", "No. 2:17-cv-11910". One
 * rule for the whole filing, so a citation in a template, a rule or the filer's own words reads
 * the same in the DOCX and the PDF.
 */
export function bindCitations(text: string): string {
  return text
    .replace(/(\d+) (C\.F\.R\.|U\.S\.C\.|I&N Dec\.|U\.S\.|F\.[234]d|F\.[234]th|F\. Supp\.(?: [23]d)?)(?= )/g, '$1\u00a0$2')
    .replace(/(C\.F\.R\.|U\.S\.C\.|INA|I&N Dec\.|U\.S\.|F\.[234]d|F\.[234]th|Supp\.(?: [23]d)?) (?=§|\d)/g, '$1\u00a0')
    .replace(/(§§?) (?=\d)/g, '$1\u00a0')
    .replace(/\bPub\. L\. (?=\d)/g, 'Pub.\u00a0L.\u00a0')
    .replace(/\bNo\. (?=\d)/g, 'No.\u00a0');
}

function blockOf(node: RootContent, ctx: Ctx): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(runsOf(node.children, ctx), ctx.style, ctx.align)];
    case 'heading': {
      const style: ParagraphStyle = node.depth === 1 ? 'Heading1' : node.depth === 2 ? 'Heading2' : 'Heading3';
      return [paragraph(runsOf(node.children, { ...ctx, lines: true }), style, undefined, true)];
    }
    case 'list':
      return [
        {
          kind: 'list',
          ordered: node.ordered === true,
          ...(node.ordered && typeof node.start === 'number' && node.start !== 1 ? { start: node.start } : {}),
          items: node.children.map((item) => blocksOf(item.children, { ...ctx, style: ctx.listStyle ?? 'ListItem' })),
        },
      ];
    case 'table':
      return [table(node, 'grid', ctx)];
    case 'thematicBreak':
      return [{ kind: 'pageBreak' }];
    case 'blockquote':
      return blocksOf(node.children, { ...ctx, style: 'BlockQuote' });
    case 'leafDirective':
      if (node.name === 'pagebreak') {
        const mark = node.attributes?.['mark'];
        return [mark ? { kind: 'pageBreak', mark } : { kind: 'pageBreak' }];
      }
      if (node.name === 'spacer') {
        const pt = Number(node.attributes?.['pt'] ?? '12');
        if (!Number.isFinite(pt) || pt <= 0 || pt > 720) throw new MarkupError(`::spacer needs pt between 1 and 720, not "${node.attributes?.['pt']}"`, lineOf(node));
        return [{ kind: 'spacer', points: pt }];
      }
      throw new MarkupError(`unknown block "::${node.name}"`, lineOf(node));
    case 'containerDirective': {
      if (node.name === 'caption') return [caption(node.children as RootContent[], ctx, lineOf(node))];
      if (node.name === 'table') return [sizedTable(node.children as RootContent[], node.attributes?.['widths'], ctx, lineOf(node))];
      const container = CONTAINERS[node.name];
      if (!container) throw new MarkupError(`unknown block ":::${node.name}"`, lineOf(node));
      const inner = blocksOf(node.children as RootContent[], {
        style: container.style,
        lines: container.lines,
        ...(container.align ? { align: container.align } : {}),
        ...(container.listStyle ? { listStyle: container.listStyle } : {}),
      });
      return container.keep ? [{ kind: 'keep', blocks: inner }] : inner;
    }
    case 'definition':
      return [];
    default:
      throw new MarkupError(`the markup has a "${node.type}", which filings do not use`, lineOf(node));
  }
}

function paragraph(runs: Run[], style: ParagraphStyle, align?: Align, keepWithNext?: boolean): Paragraph {
  const p: Paragraph = { kind: 'paragraph', style, runs: trimRuns(runs) };
  if (align) p.align = align;
  if (keepWithNext) p.keepWithNext = true;
  return p;
}

/**
 * The caption box: two :::cell blocks (names, then file numbers), or several ::::row blocks of
 * two cells each, so that each person's A-number sits on that person's line.
 */
function caption(children: readonly RootContent[], ctx: Ctx, line: number | undefined): Table {
  const isNamed = (c: RootContent, name: string) => c.type === 'containerDirective' && c.name === name;
  const rowsOf = children.every((c) => isNamed(c, 'row')) && children.length > 0
    ? children.map((r) => (r as { children: RootContent[] }).children)
    : [children];
  const rows = rowsOf.map((cells) => {
    if (cells.length !== 2 || !cells.every((c) => isNamed(c, 'cell'))) {
      throw new MarkupError('::::caption holds two :::cell blocks (names, then file numbers), or ::::row blocks of two :::cell blocks each', line);
    }
    return {
      cells: cells.map((c) => ({
        blocks: blocksOf((c as { children: RootContent[] }).children, { ...ctx, style: 'BodySingle', lines: true }),
      })),
    };
  });
  return { kind: 'table', widths: [3, 2], borders: 'caption', rows };
}

/** `:::table{widths="1,6,2"}` around a GFM table gives its columns relative widths. */
function sizedTable(children: readonly RootContent[], widths: string | null | undefined, ctx: Ctx, line: number | undefined): Table {
  const inner = children[0];
  if (children.length !== 1 || inner?.type !== 'table') throw new MarkupError(':::table holds exactly one table', line);
  const t = table(inner, 'grid', ctx);
  const parsed = (widths ?? '').split(',').map((w) => Number(w.trim()));
  if (parsed.length !== t.widths.length || parsed.some((w) => !Number.isFinite(w) || w <= 0)) {
    throw new MarkupError(`:::table widths "${widths ?? ''}" must give ${t.widths.length} positive numbers`, line);
  }
  return { ...t, widths: parsed };
}

function table(node: MdTable, borders: Table['borders'], ctx: Ctx): Table {
  const columns = Math.max(...node.children.map((r) => r.children.length));
  const widths = Array.from({ length: columns }, () => 1);
  const aligns = node.align ?? [];
  return {
    kind: 'table',
    widths,
    borders,
    rows: node.children.map((row, i) => ({
      ...(i === 0 ? { header: true } : {}),
      cells: row.children.map((cell, c) => ({
        blocks: [paragraph(runsOf(cell.children, { ...ctx, style: 'TableText' }), 'TableText', aligns[c] ?? undefined)].map((p) =>
          i === 0 ? { ...p, runs: p.runs.map((r) => (r.kind === 'text' ? { ...r, bold: true } : r)) } : p,
        ),
      })),
    })),
  };
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function runsOf(nodes: readonly PhrasingContent[], ctx: Ctx, marks: Marks = {}): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push(...textRuns(node.value, ctx, marks));
        break;
      case 'strong':
        runs.push(...runsOf(node.children, ctx, { ...marks, bold: true }));
        break;
      case 'emphasis':
        runs.push(...runsOf(node.children, ctx, { ...marks, italic: true }));
        break;
      case 'break':
        runs.push({ kind: 'break' });
        break;
      case 'textDirective':
        if (node.name === 'u') runs.push(...runsOf(node.children as PhrasingContent[], ctx, { ...marks, underline: true }));
        else if (node.name === 'missing') {
          const path = (node.children as PhrasingContent[]).map((c) => (c.type === 'text' ? c.value : '')).join('');
          runs.push({ kind: 'text', text: `[MISSING: ${path}]`, bold: true, marker: true });
        } else throw new MarkupError(`unknown inline ":${node.name}"`, lineOf(node));
        break;
      default:
        throw new MarkupError(`the markup has a "${node.type}", which filings do not use`, lineOf(node));
    }
  }
  return mergeRuns(runs);
}

function textRuns(value: string, ctx: Ctx, marks: Marks): Run[] {
  const parts = value.split('\n');
  const runs: Run[] = [];
  parts.forEach((part, i) => {
    if (i > 0) {
      if (ctx.lines) runs.push({ kind: 'break' });
      else runs.push(text(' ', marks));
    }
    if (part !== '') runs.push(text(bindCitations(part), marks));
  });
  return runs;
}

function text(value: string, marks: Marks): TextRun {
  const run: TextRun = { kind: 'text', text: value };
  if (marks.bold) run.bold = true;
  if (marks.italic) run.italic = true;
  if (marks.underline) run.underline = true;
  return run;
}

/** Joins neighbouring runs of the same formatting, so renderers see whole phrases. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (
      run.kind === 'text' &&
      prev?.kind === 'text' &&
      !run.marker &&
      !prev.marker &&
      !!prev.bold === !!run.bold &&
      !!prev.italic === !!run.italic &&
      !!prev.underline === !!run.underline
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    } else out.push(run);
  }
  return out;
}

/** No leading or trailing spaces or breaks in a paragraph; runs of spaces inside become one. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs
    .map((r) => (r.kind === 'text' ? { ...r, text: r.text.replace(/[ \t]+/g, ' ') } : r))
    .filter((r) => r.kind !== 'text' || r.text !== '');
  while (out[0]?.kind === 'break') out.shift();
  while (out.at(-1)?.kind === 'break') out.pop();
  const first = out[0];
  if (first?.kind === 'text') out[0] = { ...first, text: first.text.replace(/^ +/, '') };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { ...last, text: last.text.replace(/ +$/, '') };
  return out.filter((r) => r.kind !== 'text' || r.text !== '');
}
