/**
 * The template store: every document's Handlebars template, its metadata and the shared partials,
 * read from `templates/` once per process and compiled once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';
import { parseMarkup } from './markup.js';
import { COMPILE_OPTIONS, createEnvironment, prepareView, type Environment } from './render-template.js';
import type { Block } from './tree.js';

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
}

let cached: TemplateStore | undefined;

export function templatesRoot(): string {
  return process.env['REOPEN_TEMPLATES'] ?? join(packageRoot(), 'templates');
}

export function loadTemplates(root = templatesRoot()): TemplateStore {
  if (cached?.root === root) return cached;
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
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith('_')) continue;
    const file = join(root, dir.name, 'document.hbs');
    const metaFile = join(root, dir.name, 'document.json');
    if (!existsSync(file) || !existsSync(metaFile)) continue;
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as TemplateMeta;
    const source = readFileSync(file, 'utf8');
    const compiled = env.compile(source, COMPILE_OPTIONS);
    templates.set(meta.id, { meta, file, source, render: (view) => compiled(prepareView(view)) });
  }
  cached = { root, partials, templates };
  return cached;
}

export function getTemplate(id: string, store = loadTemplates()): LoadedTemplate {
  const t = store.templates.get(id);
  if (!t) throw new Error(`no template for the document "${id}" in ${store.root}`);
  return t;
}

/** Template + view model -> filing markup -> document blocks. */
export function composeBlocks(id: string, view: unknown, store = loadTemplates()): { markup: string; blocks: Block[] } {
  const markup = getTemplate(id, store).render(view);
  return { markup, blocks: parseMarkup(markup) };
}
