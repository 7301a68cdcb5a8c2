/**
 * What a clinic configures is untrusted like a case file: a Word shell (REOPEN_DOCX_SHELL) and a
 * templates folder (REOPEN_TEMPLATES). The real `bin/reopen` refuses hostile ones in one sentence
 * with exit 2, and nothing a template does reaches the terminal. Input too large or too deeply
 * nested gets a sentence naming it, never JavaScript's own words or a stack trace.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asIssue } from '../../src/cli/main.js';
import { TemplateError, ViewTooLargeError } from '../../src/compose/errors.js';
import { defaultShell, zipDocxParts } from '../../src/render/docx/index.js';
import { sample } from '../helpers/cases.js';
import { reopen, type CliResult } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'reopen-untrusted-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HAMAMA = 'samples/cases/detained-iraqi-hamama.json';
const AS_OF = '2017-10-01';
let count = 0;
const outDir = () => join(tmp, `out-${(count += 1)}`);
const nothingWritten = (out: string) => expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
const noStackTrace = (r: CliResult) => {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout + r.stderr).not.toMatch(/Maximum call stack|Invalid string length|Cannot read properties|RangeError|TypeError/);
};

describe('REOPEN_DOCX_SHELL: a Word shell is checked like an upload', () => {
  const generate = (shell: string, json = false) => {
    const out = outDir();
    // One document, so the shell is reached whatever else the case asks for.
    const r = reopen(['generate', HAMAMA, '--out', out, '--as-of', AS_OF, '--format', 'docx', '--documents', 'respondent-declaration', ...(json ? ['--json'] : [])], { env: { REOPEN_DOCX_SHELL: shell } });
    return { r, out };
  };

  it('/dev/zero is refused without being read: exit 2, one sentence', () => {
    const { r, out } = generate('/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('reopen generate: Reopen cannot run as configured: The Word shell /dev/zero cannot be read: it is not a regular file (a device, pipe or socket); name a .docx file.\n');
    nothingWritten(out);
  });

  it('a folder is refused', () => {
    const folder = join(tmp, 'shell-folder');
    mkdirSync(folder);
    const { r } = generate(folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The Word shell .*shell-folder cannot be read: it is a folder, not a \.docx file\./);
  });

  it('a shell that loads a template from a network share is refused, in JSON too', () => {
    const parts = new Map(defaultShell().parts);
    parts.set('word/_rels/settings.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file://clinic-server/templates/Letter.dotm" TargetMode="External"/></Relationships>');
    const shell = join(tmp, 'attached.docx');
    writeFileSync(shell, zipDocxParts(parts, '2025-01-01'));
    const { r, out } = generate(shell, true);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'setup_problem', message: expect.stringContaining('is attached to the template "file://clinic-server/templates/Letter.dotm"') })]);
    nothingWritten(out);
  });
});

describe('REOPEN_TEMPLATES: generate refuses what templates check refuses, in the same words', () => {
  const NATIVE_OF = '{{respondent.nativeOf}}';
  const templatesWith = (file: string, edit: (source: string) => string) => {
    const root = join(tmp, `templates-${(count += 1)}`);
    cpSync('templates', root, { recursive: true });
    const source = readFileSync(join(root, file), 'utf8');
    const edited = edit(source);
    if (edited === source) throw new Error(`the edit did not change ${file}`);
    writeFileSync(join(root, file), edited);
    return root;
  };
  const motion = (to: string) => ['motion-to-reopen/document.hbs', (s: string) => s.replace(NATIVE_OF, to)] as const;
  const { respondent } = sample('detained-iraqi-hamama') as { respondent: { name: { given: string; family: string } } };

  it.each([
    ['{{log ...}}', ...motion('{{log respondent.name}}')],
    ['a try at the console through a sub-expression', ...motion('{{upper respondent.name x=(log respondent.name "A" respondent.aNumber)}}')],
    ['{{lookup ...}}', ...motion('{{lookup respondent "name"}}')],
    ['{{{triple}}}', ...motion('{{{respondent.name}}}')],
    ['{{#each this}}', ...motion('{{#each this}}{{.}}{{/each}}')],
    ['a partial that includes itself', '_partials/signature.hbs', (s: string) => `{{> signature}}\n${s}`],
  ] as const)('%s: exit 2 with file and line, nothing printed from the template, nothing written', (_, file, edit) => {
    const root = templatesWith(file, edit);
    const check = reopen(['templates', 'check'], { env: { REOPEN_TEMPLATES: root } });
    expect(check.code).toBe(1);
    // The lines about the file this test broke (the check also reports what depends on the data).
    const problemLines = check.stderr.split('\n').filter((line) => line.includes(`${file}:`) && /^\S+\.hbs:\d+: /.test(line));
    expect(problemLines.length).toBeGreaterThan(0);
    const out = outDir();
    const generate = reopen(['generate', HAMAMA, '--out', out, '--as-of', AS_OF, '--format', 'docx', '--documents', 'respondent-declaration'], { env: { REOPEN_TEMPLATES: root } });
    expect(generate.code).toBe(2);
    expect(generate.stderr).toMatch(/^reopen generate: Reopen cannot run as configured: the templates have (a problem|\d+ problems), so nothing was written/);
    for (const line of problemLines) expect(generate.stderr.split('\n')).toContain(line);
    expect(generate.stdout).toBe('');
    for (const text of [respondent.name.given, respondent.name.family, '212-047-381', '212047381']) {
      expect(generate.stderr).not.toContain(text);
      expect(check.stdout + check.stderr).not.toContain(text);
    }
    noStackTrace(generate);
    nothingWritten(out);
  });
});

describe('input too large or too deeply nested: a sentence naming it, exit 2, no stack trace', () => {
  /** The Hamama sample with `value` (JSON text) as its exhibit list, a list the schema allows. */
  const withEvidence = (name: string, value: string) => {
    const c = sample('detained-iraqi-hamama') as { motion: Record<string, unknown> };
    c.motion['evidence'] = '__VALUE__';
    const file = join(tmp, name);
    writeFileSync(file, JSON.stringify(c).replace('"__VALUE__"', value));
    return file;
  };

  it('a case file of lists nested 100,000 deep where the schema allows a list: check and generate', () => {
    const file = withEvidence('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const sentence = /The case file nests lists or objects more than 32 levels deep, under motion\.evidence\.0\.0\.0\.0\. A case never needs more than a few levels/;
    for (const command of [['check', file, '--as-of', AS_OF], ['generate', file, '--out', outDir(), '--as-of', AS_OF]]) {
      const r = reopen(command);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(sentence);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(r);
    }
    const json = reopen(['check', file, '--as-of', AS_OF, '--json']);
    expect(JSON.parse(json.stdout).issues).toEqual([expect.objectContaining({ code: 'too_deeply_nested', path: expect.stringMatching(/^motion\.evidence(\.0){30}$/) })]);
  });

  it('a case file that is /dev/zero is refused without being read', () => {
    const r = reopen(['check', '/dev/zero', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('reopen check: The file /dev/zero could not be read: it is not a regular file (a device, pipe or socket).\n');
  });

  it('a case file with an enormous value (a 20 MB name) is refused naming the field, without JavaScript\'s words', () => {
    const c = sample('detained-iraqi-hamama') as { respondent: { name: { given: string } } };
    c.respondent.name.given = 'S'.repeat(20_000_000);
    const file = join(tmp, 'enormous.json');
    writeFileSync(file, JSON.stringify(c));
    const out = outDir();
    const r = reopen(['generate', file, '--out', out, '--as-of', AS_OF, '--format', 'docx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/respondent\.name\.given: .* is 20000000 characters long; at most \d+ are allowed/);
    noStackTrace(r);
    nothingWritten(out);
  });
});

describe('what reaches the top of the command line is a sentence', () => {
  const generate = ['case.json', '--out', 'out', '--as-of', '2017-10-01'];

  it.each([
    [new RangeError('Maximum call stack size exceeded'), 'Reopen cannot process this input: the case file case.json holds values nested too deeply to process. Nothing was written.'],
    [new RangeError('Invalid string length'), 'Reopen cannot process this input: the case file case.json holds a value too long (or too many values) to process. Nothing was written.'],
    [Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' }), 'Reopen cannot process this input: the case file case.json holds a value too long (or too many values) to process. Nothing was written.'],
  ])('%s', (error, sentence) => {
    expect(asIssue(error, 'generate', ['--as-of', '2017-10-01', ...generate])).toMatchObject({ code: 'input_too_large', message: sentence });
  });

  it('a TypeError is an internal fault, described without JavaScript\'s words', () => {
    const issue = asIssue(new TypeError("Cannot read properties of undefined (reading 'name')"), 'generate', generate);
    expect(issue.code).toBe('internal_error');
    expect(issue.message).not.toMatch(/Cannot read|undefined|TypeError/);
  });

  it('template problems are listed one a line, as templates check prints them', () => {
    const issue = asIssue(new TemplateError([{ file: join(process.cwd(), 'templates', 'x', 'document.hbs'), line: 3, message: 'unknown helper "y"' }]), 'generate', generate);
    expect(issue.message).toBe('Reopen cannot run as configured: the templates have a problem, so nothing was written (reopen templates check lists the same):\ntemplates/x/document.hbs:3: unknown helper "y"');
  });

  it('data too large to print names the place', () => {
    const issue = asIssue(new ViewTooLargeError('motion-to-reopen', 'a', 'the text at a in the data for "motion-to-reopen" is 3,000,000 characters long, more than the 2,000,000 characters of text one document may print'), 'generate', generate);
    expect(issue).toMatchObject({ code: 'input_too_large', message: expect.stringMatching(/^Reopen cannot process this input: the text at a .* may print\. Nothing was written\.$/) });
  });
});
