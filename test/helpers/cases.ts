/**
 * Case builders for tests: a small valid case, changed field by field with deep overrides, so a
 * test states only the facts it is about.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase, type Case } from '../../src/case/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export type Json = Record<string, unknown>;

export function baseCase(): Json {
  return {
    format: 'reopen.case/1',
    respondent: {
      name: { given: 'Sami', family: 'Yousif' },
      aNumber: 'A206-481-377',
      dateOfBirth: '1971-04-02',
      nationality: 'IQ',
      mailingAddress: { street: '1 Main Street', city: 'Detroit', state: 'MI', zip: '48226' },
    },
    custody: { status: 'at-large' },
    proceedings: {
      type: 'removal',
      court: { name: 'Detroit Immigration Court', code: 'DET' },
      order: { date: '2017-03-15', inAbsentia: false, appeal: 'waived' },
    },
    counsel: {
      name: 'Laila Haddad',
      address: { street: '1 Woodward Avenue', city: 'Detroit', state: 'MI', zip: '48226' },
      phone: '(313) 555-0100',
      email: 'lh@example.org',
      eoirId: 'KM482310',
      type: 'attorney',
    },
  };
}

/** Deep merge: objects merge, everything else (lists included) replaces; `undefined` deletes. */
export function merge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = merge(out[k] as Json, v);
    else out[k] = v;
  }
  return out;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function caseWith(patch: Json = {}): Json {
  return merge(baseCase(), patch);
}

/** A parsed case; fails loudly if the builder made an invalid one. */
export function validCase(patch: Json = {}): Case {
  const r = parseCase(caseWith(patch));
  if (!r.ok) throw new Error(`test case is invalid: ${JSON.stringify(r.issues, null, 2)}`);
  return r.case;
}

export function sample(name: string): Json {
  return JSON.parse(readFileSync(join(ROOT, 'samples', 'cases', `${name}.json`), 'utf8')) as Json;
}

export interface SampleInfo {
  name: string;
  asOf: string;
  exit: number;
  about: string;
}

export function samples(): SampleInfo[] {
  return (JSON.parse(readFileSync(join(ROOT, 'samples', 'cases', 'samples.json'), 'utf8')) as { samples: SampleInfo[] }).samples;
}
