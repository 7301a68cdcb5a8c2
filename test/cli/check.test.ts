import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { samples } from '../helpers/cases.js';
import { reopen } from '../helpers/cli.js';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const tmp = mkdtempSync(join(tmpdir(), 'reopen-check-'));
const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('reopen check --json on the samples', () => {
  for (const s of samples()) {
    it(`${s.name}: the report of the spec, exit ${s.exit}`, async () => {
      const r = reopen(['check', `samples/cases/${s.name}.json`, '--as-of', s.asOf, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(s.exit);
      const report = JSON.parse(r.stdout) as Record<string, unknown>;
      for (const key of ['ok', 'issues', 'forum', 'automaticStay', 'deadlines', 'records', 'documents']) {
        expect(report, key).toHaveProperty(key);
      }
      expect(report['ok']).toBe(s.exit === 0);
      await expect(r.stdout).toMatchFileSnapshot(`../../samples/cases/expected/${s.name}.check.json`);
    });
  }

  it('the Hamama sample: court-ordered due date, regulatory no limit, immigration court', () => {
    const report = JSON.parse(reopen(['check', 'samples/cases/detained-iraqi-hamama.json', '--as-of', '2017-10-01', '--json']).stdout);
    expect(report.forum).toBe('immigration-court');
    expect(report.automaticStay).toBe(false);
    expect(report.deadlines[0]).toMatchObject({ id: 'motion-to-reopen', due: '2017-11-06', legalDue: null });
    expect(report.records).toEqual([
      expect.objectContaining({ agency: 'uscis', route: 'foia', due: '2017-08-01' }),
      expect.objectContaining({ agency: 'eoir', route: 'rop-request', due: null }),
      expect.objectContaining({ agency: 'fbi', route: 'identity-history', due: null }),
    ]);
    expect(report.documents).toContain('stay-motion-immigration-court');
  });

  it('the in absentia sample: no limit, automatic stay', () => {
    const report = JSON.parse(reopen(['check', 'samples/cases/in-absentia-no-notice.json', '--as-of', '2026-11-27', '--json']).stdout);
    expect([report.forum, report.automaticStay, report.deadlines[0].due]).toEqual(['immigration-court', true, null]);
  });

  it('the BIA sample: the Board, 90 days from its decision', () => {
    const report = JSON.parse(reopen(['check', 'samples/cases/bia-dismissal-new-evidence.json', '--as-of', '2017-04-10', '--json']).stdout);
    expect([report.forum, report.deadlines[0].due, report.deadlines[0].legalDue]).toEqual(['bia', '2017-05-04', '2017-05-04']);
  });

  it('the second-motion sample: the number limit is an error at proceedings.priorMotions.0', () => {
    const report = JSON.parse(reopen(['check', 'samples/cases/second-motion-number-limit.json', '--as-of', '2026-11-27', '--json']).stdout);
    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'number_limit', path: 'proceedings.priorMotions.0', severity: 'error' }));
  });

  it('the records-only sample: no motion, seven agencies', () => {
    const report = JSON.parse(reopen(['check', 'samples/cases/released-records-only.json', '--as-of', '2022-07-20', '--json']).stdout);
    expect([report.forum, report.automaticStay, report.deadlines]).toEqual([null, null, []]);
    expect(report.records.map((r: { agency: string }) => r.agency)).toEqual(['uscis', 'ice', 'cbp', 'obim', 'eoir', 'state', 'fbi']);
    expect(report.records[0].due).toBe('2022-07-15');
  });
});

describe('reopen check: bad input gets one clear sentence, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', [join(tmp, 'nope.json')], /There is no file at .*nope\.json\./],
    ['a file that is not JSON', [write('bad.json', '{ "format": "reopen.case/1", }')], /not valid JSON \(expected double-quoted property name at line 1, column 30\)/],
    ['an empty file', [write('empty.json', '')], /not valid JSON \(the file is empty\)/],
    ['JSON that is not an object', [write('list.json', '[1, 2]')], /must hold one JSON object.*a list/],
    ['a folder', [tmp], /could not be read: it is a folder/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: exit 2, one sentence; with --json, a JSON report`, () => {
      const plain = reopen(['check', ...args]);
      expect(plain.code).toBe(2);
      expect(plain.stdout).toBe('');
      expect(plain.stderr).toMatch(message);
      expect(plain.stderr).not.toMatch(/\n\s+at /);
      expect(plain.stderr.trim().split('\n')).toHaveLength(1);
      const json = reopen(['check', ...args, '--json']);
      expect(json.code).toBe(2);
      expect(json.stderr).toBe('');
      const report = JSON.parse(json.stdout);
      expect(report.ok).toBe(false);
      expect(report.issues[0].message).toMatch(message);
    });
  }

  it('usage errors exit 2, and print JSON with --json', () => {
    expect(reopen(['check']).code).toBe(2);
    expect(reopen(['check', 'a.json', '--as-of', '2017-02-30']).stderr).toContain('--as-of must be a date');
    expect(reopen(['frobnicate']).stderr).toContain('unknown command');
    const json = reopen(['check', 'a.json', '--bogus', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, issues: [{ code: 'usage', severity: 'error' }] });
  });

  it('a case with errors exits 1 and lists them readably', () => {
    const file = write('ten.json', JSON.stringify({ format: 'reopen.case/1', respondent: { aNumber: 'A0123456789' } }));
    const r = reopen(['check', file, '--as-of', '2017-06-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('respondent.aNumber: An A-number has at most 9 digits; this one has 10.');
    expect(r.stdout).toMatch(/\d+ errors: fix them before generating filings\./);
  });

  it('the readable report shows the forum, the deadline with its citation, and the drafts notice', () => {
    const r = reopen(['check', 'samples/cases/detained-iraqi-hamama.json', '--as-of', '2017-10-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Forum: immigration court (Detroit Immigration Court, DET)');
    expect(r.stdout).toContain('Deadline: file by 2017-11-06');
    expect(r.stdout).toContain('[Hamama v. Adducci, 261 F. Supp. 3d 820 (E.D. Mich. 2017); INA 240(c)(7)(C)(ii); 8 C.F.R. 1003.23(b)(4)(i)]');
    expect(r.stdout).toContain('drafts for an attorney to review and sign');
  });
});
