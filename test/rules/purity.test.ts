import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cases.js';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('rules are pure (DESIGN: nothing reads the clock, the zone, the environment or the disk)', () => {
  const files = [...filesUnder(join(ROOT, 'src', 'case')), ...filesUnder(join(ROOT, 'src', 'rules')), ...filesUnder(join(ROOT, 'src', 'documents'))];
  test.each(files.map((f) => relative(ROOT, f)))('%s', (file) => {
    expect(code(join(ROOT, file))).not.toMatch(/\bnew Date\b|\bDate\.now\b|\bprocess\.|Math\.random|\bIntl\b|toLocale|node:fs|node:process/);
  });
});

describe('layers (DESIGN: who may import whom)', () => {
  /** The top folder under src/ of each of our modules a file imports. */
  const layersImportedBy = (file: string) =>
    [...code(file).matchAll(/from '(\.\.?\/[^']+)'/g)].map((m) => relative(join(ROOT, 'src'), resolve(dirname(file), m[1]!)).split(sep)[0]!);
  const allowed: Record<string, string[]> = {
    case: ['case'],
    rules: ['rules', 'case'],
    documents: ['documents', 'rules', 'case'],
    render: ['render', 'compose'],
    compose: ['compose', 'io'],
    packet: ['packet'],
    store: ['store'],
    interview: ['interview', 'case'],
    cli: ['cli', 'index.js'],
  };
  for (const [layer, may] of Object.entries(allowed)) {
    test(`${layer} imports only ${may.join(', ')}`, () => {
      for (const f of filesUnder(join(ROOT, 'src', layer))) {
        expect(layersImportedBy(f).filter((l) => !may.includes(l)), relative(ROOT, f)).toEqual([]);
      }
    });
  }
});
