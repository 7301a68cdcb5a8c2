import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { merge, sample, type Json } from '../helpers/cases.js';
import { reopen } from '../helpers/cli.js';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const tmp = mkdtempSync(join(tmpdir(), 'reopen-generate-'));
// Case files written here name the sample exhibits, which must sit beside them.
cpSync(join('samples', 'cases', 'exhibits'), join(tmp, 'exhibits'), { recursive: true });
const caseFile = (name: string, value: Json) => {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('reopen generate', () => {
  it('writes the files the spec names, and nothing else', () => {
    const out = join(tmp, 'hamama');
    const r = reopen(['generate', 'samples/cases/detained-iraqi-hamama.json', '--out', out, '--as-of', '2017-10-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Every document check lists for the case, as DOCX and PDF, the combined filing and the manifest.
    expect(readdirSync(out).sort()).toEqual([
      '212047381-certificate-of-interpretation.docx',
      '212047381-certificate-of-interpretation.pdf',
      '212047381-certificate-of-translation.docx',
      '212047381-certificate-of-translation.pdf',
      '212047381-filing-checklist.docx',
      '212047381-filing-checklist.pdf',
      '212047381-filing.pdf',
      '212047381-ice-stay-request.docx',
      '212047381-ice-stay-request.pdf',
      '212047381-motion-to-reopen.docx',
      '212047381-motion-to-reopen.pdf',
      '212047381-records-fbi.docx',
      '212047381-records-fbi.pdf',
      '212047381-respondent-declaration.docx',
      '212047381-respondent-declaration.pdf',
      '212047381-stay-motion-immigration-court.docx',
      '212047381-stay-motion-immigration-court.pdf',
      'manifest.json',
    ]);
    expect(readFileSync(join(out, '212047381-motion-to-reopen.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(out, '212047381-motion-to-reopen.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(r.stdout).toContain('drafts for an attorney to review, sign and file');
    expect(r.stdout).not.toContain('cannot write yet');
  });

  it('--documents and --format choose what is written', () => {
    const out = join(tmp, 'only');
    const r = reopen(['generate', 'samples/cases/detained-iraqi-hamama.json', '--out', out, '--as-of', '2017-10-01', '--documents', 'respondent-declaration', '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['212047381-respondent-declaration.pdf', 'manifest.json']);
  });

  it('a case with errors writes nothing and exits 1', () => {
    const out = join(tmp, 'errors');
    const r = reopen(['generate', 'samples/cases/second-motion-number-limit.json', '--out', out, '--as-of', '2026-11-27']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).toContain('proceedings.priorMotions.0');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a final document lacking a required fact writes nothing; --preview writes drafts with markers', () => {
    const file = caseFile('no-eoir.json', merge(sample('detained-iraqi-hamama'), { counsel: { eoirId: undefined } }));
    const out = join(tmp, 'no-eoir');
    const refused = reopen(['generate', file, '--out', out, '--as-of', '2017-10-01']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("counsel.eoirId: The motion to reopen cannot be filed without counsel's EOIR ID.");
    expect(refused.stderr).toContain('--preview');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const preview = reopen(['generate', file, '--out', out, '--as-of', '2017-10-01', '--preview', '--json']);
    expect(preview.code).toBe(0);
    const report = JSON.parse(preview.stdout);
    expect(report.preview).toBe(true);
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'missing_fact', path: 'counsel.eoirId', severity: 'warning' }));
    expect(report.written).toHaveLength(18);
  });

  it('usage errors exit 2, in JSON with --json', () => {
    expect(reopen(['generate', 'samples/cases/detained-iraqi-hamama.json']).stderr).toContain('--out');
    const badFormat = reopen(['generate', 'samples/cases/detained-iraqi-hamama.json', '--out', tmp, '--format', 'rtf']);
    expect([badFormat.code, badFormat.stderr.includes('--format takes docx, pdf')]).toEqual([2, true]);
    const unknownDoc = reopen(['generate', 'samples/cases/detained-iraqi-hamama.json', '--out', tmp, '--documents', 'habeas', '--json', '--as-of', '2017-10-01']);
    expect(unknownDoc.code).toBe(2);
    expect(JSON.parse(unknownDoc.stdout).issues[0].message).toContain('does not ask for "habeas"');
    const missing = reopen(['generate', join(tmp, 'nope.json'), '--out', tmp, '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, issues: [{ code: 'file_not_found' }] });
  });
});

describe('reopen generate: nothing half-done, never a stack trace', () => {
  const hamama = 'samples/cases/detained-iraqi-hamama.json';

  it('a second run into the same folder leaves no file the new manifest does not list', () => {
    const out = join(tmp, 'rerun');
    expect(reopen(['generate', hamama, '--out', out, '--as-of', '2017-10-01']).code).toBe(0);
    expect(readdirSync(out)).toContain('212047381-filing.pdf');
    expect(reopen(['generate', hamama, '--out', out, '--as-of', '2017-10-01', '--format', 'docx']).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(readdirSync(out).filter((f) => f !== 'manifest.json').sort()).toEqual(manifest.files.map((f: { name: string }) => f.name).sort());
    expect(readdirSync(out).some((f) => f.endsWith('.pdf'))).toBe(false);
  });

  it('refuses before replacing anything when a target name is taken by a folder', () => {
    const out = join(tmp, 'blocked');
    expect(reopen(['generate', hamama, '--out', out, '--as-of', '2017-10-01', '--format', 'docx']).code).toBe(0);
    const before = readFileSync(join(out, '212047381-motion-to-reopen.docx'));
    mkdirSync(join(out, '212047381-motion-to-reopen.pdf'));
    const r = reopen(['generate', hamama, '--out', out, '--as-of', '2017-10-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Nothing was written: .*212047381-motion-to-reopen\.pdf exists and is not a file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(out, '212047381-motion-to-reopen.docx')).equals(before)).toBe(true);
  });

  it('an --out that is a file, a missing Word shell, or an impossible date: one sentence, exit 2', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const notFolder = reopen(['generate', hamama, '--out', file, '--as-of', '2017-10-01', '--json']);
    expect(notFolder.code).toBe(2);
    expect(JSON.parse(notFolder.stdout).issues[0].message).toMatch(/is a file, not a folder/);
    const shell = reopen(['generate', hamama, '--out', join(tmp, 'shell'), '--as-of', '2017-10-01'], { env: { REOPEN_DOCX_SHELL: join(tmp, 'no-such-shell.docx') } });
    expect(shell.code).toBe(2);
    expect(shell.stderr).toMatch(/cannot run as configured/);
    expect(shell.stderr).not.toMatch(/\n\s+at /);
    const far = reopen(['generate', hamama, '--out', join(tmp, 'far'), '--as-of', '2150-01-01']);
    expect([far.code, /--as-of must be a date .* between 1980-01-01 and 2107-12-31/.test(far.stderr)]).toEqual([2, true]);
  });

  it('a checklist written without the combined filing does not name it', () => {
    const out = join(tmp, 'checklist-only');
    expect(reopen(['generate', hamama, '--out', out, '--as-of', '2017-10-01', '--documents', 'filing-checklist', '--format', 'pdf']).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['212047381-filing-checklist.pdf', 'manifest.json']);
  });
});

describe('reopen templates check', () => {
  it('passes on the project templates', () => {
    const r = reopen(['templates', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('motion-to-reopen');
  });

  it('finds unknown fields, unbalanced blocks and missing partials, with file and line', () => {
    const root = join(tmp, 'templates');
    const copy = (from: string, to: string, edit: (s: string) => string = (s) => s) => {
      const text = readFileSync(join('templates', from), 'utf8');
      const target = join(root, to);
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, edit(text));
    };
    for (const f of ['_partials/caption.hbs', '_partials/cover-page.hbs', '_partials/signature.hbs', 'motion-to-reopen/document.json', 'respondent-declaration/document.json']) copy(f, f);
    copy('motion-to-reopen/document.hbs', 'motion-to-reopen/document.hbs', (s) => s.replace('{{respondent.nativeOf}}', '{{respondent.nativOf}}'));
    copy('respondent-declaration/document.hbs', 'respondent-declaration/document.hbs', (s) => s.replace('{{> caption}}', '{{> captoin}}').replace('{{#if interpreterLanguage}}', '{{#if interpreterLanguage}}{{#if born}}'));
    const r = reopen(['templates', 'check'], { env: { REOPEN_TEMPLATES: root } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/motion-to-reopen\/document\.hbs:12: "respondent\.nativOf": respondent has no field "nativOf"/);
    expect(r.stderr).toMatch(/respondent-declaration\/document\.hbs:\d+: a \{\{#block\}\} is never closed|respondent-declaration\/document\.hbs:\d+: .*(balance|closed)/);
  });
});
