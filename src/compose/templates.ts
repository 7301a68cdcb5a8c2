/**
 * The template store: every document's Handlebars template, its metadata and the shared partials,
 * read from `templates/` (or REOPEN_TEMPLATES) once per process and compiled once.
 *
 * A templates folder is untrusted like any input a clinic supplies. Before `generate` renders
 * anything, every template passes the rules of `reopen templates check` that do not depend on the
 * data (template-check.ts), so a template the check rejects is never run; a problem found only
 * while printing is reported with its file and line, in the check's words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';
import { TemplateError, type TemplateProblem } from './errors.js';
import { MarkupError, parseMarkup } from './markup.js';
import { COMPILE_OPTIONS, createEnvironment, prepareView, type Environment } from './render-template.js';
import { checkTemplate, shapeOf } from './template-check.js';
import type { Block } from './tree.js';
import { checkViewSize, oversizeError } from './view-limits.js';

export interface TemplateMeta {
  id: string;
  title: string;
  version: string;
  description?: string;
}

export interface LoadedTemplate {
  meta: TemplateMeta;
  file: string;
  source: string;
  render(view: unknown): string;
}

export interface TemplateStore {
  root: string;
  partials: Record<string, { file: string; source: string }>;
  templates: Map<string, LoadedTemplate>;
  /** Templates that could not be read at all (a broken document.json). */
  problems: TemplateProblem[];
}

let cached: TemplateStore | undefined;

export function templatesRoot(): string {
  return process.env['REOPEN_TEMPLATES'] ?? join(packageRoot(), 'templates');
}

/**
 * Every template under `root`, read and compiled (Handlebars compiles on first use) but not
 * checked: for `reopen templates check`, which checks each one before it renders it. Everything
 * else uses `loadTemplates`.
 */
export function readTemplates(root = templatesRoot()): TemplateStore {
  const partials: TemplateStore['partials'] = {};
  const partialDir = join(root, '_partials');
  if (existsSync(partialDir)) {
    for (const f of readdirSync(partialDir).filter((n) => n.endsWith('.hbs')).sort()) {
      const file = join(partialDir, f);
      partials[f.slice(0, -4)] = { file, source: readFileSync(file, 'utf8') };
    }
  }
  const env: Environment = createEnvironment(Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, v.source])));
  const templates = new Map<string, LoadedTemplate>();
  const problems: TemplateProblem[] = [];
  const store: TemplateStore = { root, partials, templates, problems };
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith('_')) continue;
    const file = join(root, dir.name, 'document.hbs');
    const metaFile = join(root, dir.name, 'document.json');
    if (!existsSync(file) && !existsSync(metaFile)) continue;
    // A template half there would be skipped without a word: say which file is missing.
    if (!existsSync(file) || !existsSync(metaFile)) {
      problems.push({ file: existsSync(file) ? metaFile : file, line: 0, message: `the template "${dir.name}" needs both document.hbs and document.json; this file is missing` });
      continue;
    }
    const meta = readMeta(metaFile, problems);
    if (meta === undefined) continue;
    const source = readFileSync(file, 'utf8');
    const compiled = env.compile(source, COMPILE_OPTIONS);
    templates.set(meta.id, { meta, file, source, render: (view) => renderChecked(compiled, view, { file, source, id: meta.id, store }) });
  }
  return store;
}

/**
 * The templates `generate` renders, read once per process; a TemplateError with every problem
 * (file and line) when any template breaks a rule `reopen templates check` enforces regardless of
 * the data: syntax, helpers (no `log`, no `lookup`), triple braces, `#each this`, unknown or
 * self-including partials.
 */
export function loadTemplates(root = templatesRoot()): TemplateStore {
  if (cached?.root === root) return cached;
  const store = readTemplates(root);
  const problems = [...store.problems];
  for (const template of store.templates.values()) problems.push(...checkTemplate(template.source, template.file, null, store));
  if (problems.length > 0) throw new TemplateError([...new Map(problems.map((p) => [`${p.file}:${p.line}:${p.message}`, p])).values()]);
  cached = store;
  return store;
}

function readMeta(metaFile: string, problems: TemplateProblem[]): TemplateMeta | undefined {
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    problems.push({ file: metaFile, line: 0, message: 'it is not valid JSON' });
    return undefined;
  }
  const fields = meta as Partial<Record<keyof TemplateMeta, unknown>> | null;
  const missing = (['id', 'title', 'version'] as const).filter((k) => typeof fields?.[k] !== 'string' || fields[k] === '');
  if (missing.length > 0) {
    problems.push({ file: metaFile, line: 0, message: `it must give ${missing.map((k) => `"${k}"`).join(', ')} as text` });
    return undefined;
  }
  return meta as TemplateMeta;
}

interface RenderContext {
  file: string;
  source: string;
  id: string;
  store: TemplateStore;
}

/**
 * Renders, and turns every way that fails into words: a template asking for a field this data
 * does not have gets the check's own problems for this data (file and line); data over the
 * limits of view-limits.ts, checked first, gets the place in the data. Handlebars' messages are not passed on: they quote the
 * value a lookup failed on, which is case text.
 */
function renderChecked(compiled: (view: unknown) => string, view: unknown, at: RenderContext): string {
  checkViewSize(at.id, view);
  try {
    return compiled(prepareView(view));
  } catch (err) {
    const oversize = oversizeError(at.id, view, err);
    if (oversize) throw oversize;
    const problems = checkTemplate(at.source, at.file, shapeOf(view), at.store);
    if (problems.length > 0) throw new TemplateError(problems);
    const line = (err as { lineNumber?: unknown } | null)?.lineNumber;
    const field = /^"([^"]+)" not defined in/.exec((err as Error | null)?.message ?? '')?.[1];
    throw new TemplateError([{
      file: at.file,
      line: typeof line === 'number' ? line : 0,
      message: field ? `the data has no field "${field}" here` : 'printing failed here: the data is not what the template expects',
    }]);
  }
}

export function getTemplate(id: string, store = loadTemplates()): LoadedTemplate {
  const t = store.templates.get(id);
  if (!t) throw new TemplateError([{ file: join(store.root, id, 'document.hbs'), line: 0, message: `the document "${id}" has no template` }]);
  return t;
}

/** Template + view model -> filing markup -> document blocks. */
export function composeBlocks(id: string, view: unknown, store = loadTemplates()): { markup: string; blocks: Block[] } {
  const template = getTemplate(id, store);
  const markup = template.render(view);
  try {
    return { markup, blocks: parseMarkup(markup) };
  } catch (err) {
    // The words of `reopen templates check` (template-check.ts, checkMarkup).
    if (err instanceof MarkupError) throw new TemplateError([{ file: template.file, line: 0, message: `the filing markup it produces is wrong at ${err.message}` }]);
    throw oversizeError(id, view, err) ?? err;
  }
}
