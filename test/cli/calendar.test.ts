/**
 * `reopen calendar`: every deadline of a case as an iCalendar file, read back with ical.js (a
 * maintained iCalendar library), run through the real CLI.
 */
import ICAL from 'ical.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCase } from '../../src/check.js';
import { reopen } from '../helpers/cli.js';
import { sample } from '../helpers/cases.js';

const tmp = mkdtempSync(join(tmpdir(), 'reopen-calendar-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Read {
  uid: string;
  start: string;
  summary: string;
  description: string;
  location: string;
  allDay: boolean;
}

function readIcs(file: string): Read[] {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.getFirstPropertyValue('version')).toBe('2.0');
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      summary: e.summary,
      description: e.description,
      location: e.location,
      allDay: e.startDate.isDate,
    };
  });
}

describe('reopen calendar', () => {
  it('Hamama sample: the motion due date, each records response, DHS response, each with its citation and place', () => {
    const out = join(tmp, 'hamama.ics');
    const r = reopen(['calendar', 'samples/cases/detained-iraqi-hamama.json', '--as-of', '2017-10-01', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const events = readIcs(out);
    const byUid = new Map(events.map((e) => [e.uid.replace(/^\d{9}-|@reopen$/g, ''), e]));
    // Every deadline the check computes is in the file, on the same day.
    const report = checkCase(sample('detained-iraqi-hamama'), '2017-10-01');
    const due = report.evaluation!.deadlines.find((d) => d.id === 'motion-to-reopen')!.due!;
    expect(byUid.get('motion-due')?.start).toBe(due);
    for (const rec of report.evaluation!.records.filter((x) => x.due)) {
      expect(byUid.get(`records-${rec.agency}`)?.start, rec.agency).toBe(rec.due);
    }
    expect(byUid.get('records-uscis')?.location).toBe('U.S. Citizenship and Immigration Services');
    // Filed October 20, 2017: DHS has 10 days, to Monday, October 30.
    expect(byUid.get('dhs-response')?.start).toBe('2017-10-30');
    expect(byUid.get('send-by')).toBeDefined();
    for (const e of events) {
      expect(e.allDay).toBe(true);
      expect(e.summary).toContain('Sami Hanna Yousif, A212-047-381');
      expect(e.description).toMatch(/Authority: .+\.$/);
      expect(e.location.length).toBeGreaterThan(0);
    }
    expect(r.stdout).toContain(`${events.length} deadlines`);
  });

  it('a Board decision: the 30 days for a petition for review, counted and cited', () => {
    const out = join(tmp, 'bia.ics');
    expect(reopen(['calendar', 'samples/cases/bia-dismissal-new-evidence.json', '--as-of', '2017-04-10', '--out', out]).code).toBe(0);
    const pfr = readIcs(out).find((e) => e.uid.includes('pfr-appeal'));
    // The Board dismissed the appeal on February 3, 2017: 30 days is Sunday, March 5, so Monday, March 6.
    expect(pfr?.start).toBe('2017-03-06');
    expect(pfr?.description).toContain('8 U.S.C. 1252(b)(1)');
  });

  it('the scheduled removal is on the calendar with its time', () => {
    const out = join(tmp, 'emergency.ics');
    expect(reopen(['calendar', 'samples/cases/detained-removal-scheduled.json', '--as-of', '2017-06-19', '--out', out]).code).toBe(0);
    const removal = readIcs(out).find((e) => e.uid.includes('scheduled-removal'));
    expect(removal?.start).toBe('2017-06-23');
    expect(removal?.summary).toContain('6:00 a.m.');
  });

  it('the same case and date give the same bytes; a file Reopen did not write is left alone', () => {
    const out = join(tmp, 'again.ics');
    const args = ['calendar', 'samples/cases/detained-iraqi-hamama.json', '--as-of', '2017-10-01', '--out', out];
    expect(reopen(args).code).toBe(0);
    const first = readFileSync(out);
    expect(reopen(args).code).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);

    const theirs = join(tmp, 'theirs.ics');
    writeFileSync(theirs, 'BEGIN:VCALENDAR\r\nPRODID:-//Someone//Else//EN\r\nEND:VCALENDAR\r\n');
    const refused = reopen(['calendar', 'samples/cases/detained-iraqi-hamama.json', '--as-of', '2017-10-01', '--out', theirs]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was not written by Reopen, so it is left alone');
    expect(readFileSync(theirs, 'utf8')).toContain('Someone');
  });

  it('a case with errors writes nothing and names the field', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...sample('detained-iraqi-hamama'), respondent: { ...(sample('detained-iraqi-hamama')['respondent'] as object), aNumber: 'A12' } }));
    const out = join(tmp, 'bad.ics');
    const r = reopen(['calendar', bad, '--as-of', '2017-10-01', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('respondent.aNumber');
    expect(() => readFileSync(out)).toThrow();
    const usage = reopen(['calendar', 'samples/cases/detained-iraqi-hamama.json']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out');
  });
});
