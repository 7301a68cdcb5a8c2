/**
 * The `templates check` use case: every template checked against the view models its document
 * builds for the sample cases (see compose/template-check.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCase } from './check.js';
import { checkMarkup, checkTemplate, mergeShapes, shapeOf, type Shape, type TemplateProblem } from './compose/template-check.js';
import { readTemplates, templatesRoot } from './compose/templates.js';
import { BUILDERS, buildPartViews, buildView, documentTemplateIds, PART_VIEWS, templateOf } from './documents/registry.js';
import { packageRoot } from './io/package-root.js';

export interface TemplatesCheckResult {
  root: string;
  checked: string[];
  problems: TemplateProblem[];
}

/** Sample cases and the date each is checked on (samples/cases/samples.json). */
function sampleInputs(): { input: unknown; asOf: string }[] {
  const dir = join(packageRoot(), 'samples', 'cases');
  const index = JSON.parse(readFileSync(join(dir, 'samples.json'), 'utf8')) as { samples: { name: string; asOf: string }[] };
  const listed = new Set(index.samples.map((s) => `${s.name}.json`));
  const extra = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'samples.json' && !listed.has(f));
  return [
    ...index.samples.map((s) => ({ input: JSON.parse(readFileSync(join(dir, `${s.name}.json`), 'utf8')) as unknown, asOf: s.asOf })),
    ...extra.map((f) => ({ input: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown, asOf: '2026-01-01' })),
  ];
}

export function checkTemplates(root = templatesRoot()): TemplatesCheckResult {
  // Read, not loaded: loadTemplates refuses a templates folder with problems, which this reports.
  const store = readTemplates(root);
  const problems: TemplateProblem[] = [...store.problems];
  const views = new Map<string, unknown[]>();
  for (const { input, asOf } of sampleInputs()) {
    const r = checkCase(input, asOf);
    if (!r.case || !r.evaluation || !r.documents) continue;
    const add = (id: string, view: unknown) => views.set(id, [...(views.get(id) ?? []), view]);
    for (const d of r.documents) {
      if (!BUILDERS[d.id]) continue;
      const built = buildView(d.id, r.case, r.evaluation);
      add(templateOf(built), built.view);
    }
    for (const id of Object.keys(PART_VIEWS)) for (const p of buildPartViews(id, r.case, r.evaluation)) add(id, p.view);
  }
  const known = new Set([...documentTemplateIds(), ...Object.keys(PART_VIEWS)]);
  for (const [id, template] of store.templates) {
    const samples = views.get(id) ?? [];
    if (!known.has(id)) {
      problems.push({ file: template.file, line: 0, message: `no document "${id}" is known to Reopen` });
      continue;
    }
    if (samples.length === 0) {
      problems.push({ file: template.file, line: 0, message: `no sample case produces "${id}", so its fields cannot be checked; add one to samples/cases` });
      continue;
    }
    const shape = samples.map(shapeOf).reduce<Shape>((a, b) => mergeShapes(a, b), { kind: 'null' });
    const found = checkTemplate(template.source, template.file, shape, store);
    problems.push(...found);
    // Render only templates that are sound, so one mistake is reported once.
    if (found.length === 0) for (const view of samples) problems.push(...checkMarkup(() => template.render(view), template.file));
  }
  for (const id of known) {
    if (!store.templates.has(id)) problems.push({ file: join(root, id, 'document.hbs'), line: 0, message: `the document "${id}" has no template` });
  }
  const unique = [...new Map(problems.map((p) => [`${p.file}:${p.line}:${p.message}`, p])).values()];
  return { root, checked: [...store.templates.keys()], problems: unique };
}
