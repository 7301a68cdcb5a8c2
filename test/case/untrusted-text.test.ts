/**
 * Text that means something other than what it shows, and case files that mean two things: the
 * direction-control rule (src/case/direction.ts) and keys given twice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCase } from '../../src/check.js';
import { parseCase } from '../../src/case/index.js';
import { parseCaseText } from '../../src/io/case-file.js';
import { caseWith, type Json } from '../helpers/cases.js';
import { reopen } from '../helpers/cli.js';

const RLO = '\u202E';
const RLE = '\u202B';
const LRI = '\u2066';
const PDI = '\u2069';
const at = (input: Json, path: string) => parseCase(input).issues.filter((i) => i.path === path);

describe('direction controls: refused in identifiers, removed from prose', () => {
  it.each([
    ['respondent.name.family', { respondent: { name: { given: 'Sami', family: `You${RLO}fis` } } }],
    ['respondent.aliases.0', { respondent: { aliases: [`${LRI}سامي${PDI}`] } }],
    ['respondent.aNumber', { respondent: { aNumber: `A206${RLO}-481-377` } }],
    ['respondent.dateOfBirth', { respondent: { dateOfBirth: `1971-04-02${RLE}` } }],
    ['respondent.mailingAddress.street', { respondent: { mailingAddress: { street: `1 Main ${RLO}Street`, city: 'Detroit', state: 'MI', zip: '48226' } } }],
    ['counsel.name', { counsel: { name: `Laila ${RLO}Haddad` } }],
  ])('%s refuses them, naming the field and the controls', (path, patch) => {
    const [issue] = at(caseWith(patch as Json), path);
    expect(issue).toMatchObject({ code: 'direction_control', severity: 'error' });
    expect(issue!.message).toMatch(/direction controls \(U\+(202E \(right-to-left override\)|2066 \(left-to-right isolate\), U\+2069 \(pop directional isolate\)|202B \(right-to-left embedding\))\)/);
    expect(issue!.message).not.toMatch(/unprintable|control character/);
  });

  it('prose loses them with a warning, and the filings show the text as typed', () => {
    const input = caseWith({ motion: { basis: 'new-evidence', summary: `The approval ${RLE}came later${'\u202C'}.`, reliefSought: ['adjustment'] } });
    const r = parseCase(input);
    expect(r.ok).toBe(true);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'direction_control_removed', path: 'motion.summary', severity: 'warning' }));
    if (r.ok) expect(r.case.motion?.summary).toBe('The approval came later.');
  });

  it('allows the marks LRM, RLM and ALM everywhere', () => {
    const input = caseWith({ respondent: { name: { given: 'Sami\u200E', family: 'يوسف\u200F' }, aliases: ['سامي\u061C 2'] } });
    const r = parseCase(input);
    expect(r.issues.filter((i) => i.code.startsWith('direction_control'))).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('check reports both kinds in one run, with everything else', () => {
    const { report } = checkCase(caseWith({ respondent: { name: { given: `S${RLO}ami`, family: 'Yousif' } }, motion: { basis: 'new-evidence', summary: `A ${RLE}B` } }), '2017-10-01');
    expect(report.issues.map((i) => `${i.code}@${i.path}`)).toEqual(
      expect.arrayContaining(['direction_control@respondent.name.given', 'direction_control_removed@motion.summary']),
    );
  });
});

describe('a case file means one thing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reopen-dup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a key given twice is an error at its path, as an unknown field is', () => {
    const base = caseWith();
    const json = JSON.stringify(base).replace('"aNumber":"A206-481-377"', '"aNumber":"A206-481-377","aNumber":"A206-481-378"');
    const read = parseCaseText(json);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.issues).toEqual([expect.objectContaining({ code: 'duplicate_key', path: 'respondent.aNumber', severity: 'error' })]);
    expect(read.issues[0]!.message).toContain('respondent.aNumber is given twice');
    const { report } = checkCase(read.value, '2017-10-01', read.issues);
    expect(report.ok).toBe(false);
  });

  it('a second object at the top and a repeat inside a list item are found too', () => {
    const text = '{"format":"reopen.case/1","respondent":{},"respondent":{},"motion":{"evidence":[{"kind":"other","kind":"identity"}]}}';
    const read = parseCaseText(text);
    expect(read.ok && read.issues.map((i) => i.path)).toEqual(['respondent', 'motion.evidence.0.kind']);
  });

  it('reopen check exits 1 and names the field; generate writes nothing', () => {
    const file = join(dir, 'twice.json');
    writeFileSync(file, JSON.stringify(caseWith()).replace('"family":"Yousif"', '"family":"Yousif","family":"Yusuf"'));
    const r = reopen(['check', file, '--as-of', '2017-10-01', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues).toContainEqual(expect.objectContaining({ code: 'duplicate_key', path: 'respondent.name.family' }));
    const g = reopen(['generate', file, '--as-of', '2017-10-01', '--out', join(dir, 'out')]);
    expect(g.code).toBe(1);
    expect(g.stderr).toContain('respondent.name.family: The field respondent.name.family is given twice');
  });
});
