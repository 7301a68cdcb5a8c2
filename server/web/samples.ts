/**
 * The sample cases as drafts of a new organization's first administrator, so a first look at the
 * interview has worked examples in it (samples/cases: the Hamama class member, the scheduled
 * removal, the in absentia order, the Board dismissal, the barred second motion, records only).
 * Their exhibit files are uploaded with them. REOPEN_SAMPLES=no leaves them out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/io/package-root.js';
import type { Principal, Store } from '../../src/index.js';

export async function loadSamples(store: Store, p: Principal): Promise<number> {
  const dir = join(packageRoot(), 'samples', 'cases');
  const index = JSON.parse(readFileSync(join(dir, 'samples.json'), 'utf8')) as { samples: { name: string }[] };
  let n = 0;
  for (const { name } of index.samples) {
    const value = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Record<string, unknown> & { motion?: { evidence?: { file?: string }[] } };
    const created = await store.createDraft(p, value);
    if (created.outcome !== 'created') continue;
    const evidence = value.motion?.evidence;
    if (evidence?.some((e) => typeof e.file === 'string')) {
      for (const e of evidence) {
        if (typeof e.file !== 'string') continue;
        const stored = await store.addExhibit(p, created.id, readFileSync(join(dir, e.file)));
        if (stored.outcome === 'stored') e.file = stored.id;
      }
      await store.updateDraft(p, created.id, 1, value);
    }
    n++;
  }
  return n;
}
