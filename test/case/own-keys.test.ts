/**
 * Keys that name Object.prototype's members ("constructor", "__proto__", "toString"...) are plain
 * data wherever a case can put them: unknown fields, free text, table lookups. None may find a
 * member of Object.prototype and crash Reopen or print a function's source into a filing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, countryName, languageName } from '../../src/index.js';
import { baseCase, type Json } from '../helpers/cases.js';

const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

describe('keys named like Object.prototype members', () => {
  it('print as written where a table has no entry', () => {
    for (const k of PROTO_KEYS) {
      expect(languageName(k)).toBe(k);
      expect(countryName(k)).toBe(k);
    }
  });

  it('are unknown fields at any place of a case, never a crash', () => {
    const objectPaths = [[], ['respondent'], ['respondent', 'name'], ['proceedings'], ['proceedings', 'order'], ['custody']];
    fc.assert(
      fc.property(fc.constantFrom(...objectPaths), fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }), (path, key, value) => {
        const c = baseCase();
        let node: Json = c;
        for (const p of path) node = node[p] as Json;
        Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
        const { report } = checkCase(JSON.parse(JSON.stringify(c)), '2017-10-01');
        expect(report.issues.some((i) => i.code === 'unknown_field' && i.path === [...path, key].join('.'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a language named "constructor" is printed as written', () => {
    const c = baseCase();
    (c['respondent'] as Json)['languages'] = [{ name: 'constructor', interpreterNeeded: true }];
    const { report } = checkCase(c, '2017-10-01');
    expect(JSON.stringify(report)).not.toContain('native code');
  });
});
