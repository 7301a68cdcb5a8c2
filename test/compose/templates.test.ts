/**
 * generate enforces what `reopen templates check` enforces (src/compose/templates.ts): a template
 * the check rejects is never run, no template reaches the console, and whatever fails while
 * printing is reported in words, with file and line or the place in the data, never JavaScript's
 * own message and never case text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { checkCase } from '../../src/check.js';
import { TemplateError, ViewTooLargeError } from '../../src/compose/errors.js';
import { COMPILE_OPTIONS, createEnvironment } from '../../src/compose/render-template.js';
import { composeBlocks, getTemplate, loadTemplates, readTemplates } from '../../src/compose/templates.js';
import { oversizeError, VIEW_LIMITS } from '../../src/compose/view-limits.js';
import { buildView } from '../../src/documents/registry.js';
import { checkTemplates } from '../../src/templates-check.js';
import { ROOT, sample } from '../helpers/cases.js';

const tmp = mkdtempSync(join(tmpdir(), 'reopen-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let count = 0;

/** A copy of the project's templates with `edits` applied: file (under templates/) -> change. */
function templatesWith(edits: Record<string, (source: string) => string>): string {
  const root = join(tmp, `templates-${(count += 1)}`);
  cpSync(join(ROOT, 'templates'), root, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(root, file), edit(readFileSync(join(root, file), 'utf8')));
  return root;
}

const MOTION = 'motion-to-reopen/document.hbs';
const NATIVE_OF = '{{respondent.nativeOf}}';
const swap = (to: string) => (s: string) => {
  if (!s.includes(NATIVE_OF)) throw new Error('the motion template no longer prints respondent.nativeOf; pick another field');
  return s.replaceAll(NATIVE_OF, to);
};

/** The Hamama sample's motion view: real data, with the respondent's name to look for in output. */
function motionView(): { view: Record<string, unknown>; given: string } {
  const input = sample('detained-iraqi-hamama');
  const r = checkCase(input, '2017-10-01');
  const given = r.case?.respondent.name.given;
  if (!r.case || !r.evaluation || !given) throw new Error('the Hamama sample no longer checks');
  return { view: buildView('motion-to-reopen', r.case, r.evaluation).view as Record<string, unknown>, given };
}

/** Everything a template could print to: the console and the process's own streams. */
let spies: MockInstance[] = [];
beforeEach(() => {
  spies = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => vi.spyOn(console, m)),
    vi.spyOn(process.stdout, 'write'),
    vi.spyOn(process.stderr, 'write'),
  ];
});
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
});
const printed = () => spies.flatMap((spy) => spy.mock.calls);

function refusal(root: string): TemplateError {
  try {
    loadTemplates(root);
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('loadTemplates accepted the templates');
}

describe('generate loads only templates the check accepts', () => {
  it.each([
    ['{{log ...}}', { [MOTION]: swap('{{log respondent.name}}') }, /motion-to-reopen\/document\.hbs$/, /\{\{log\}\} is not allowed: the log helper writes to the console/],
    ['{{log}} alone', { [MOTION]: swap('{{log}}') }, /motion-to-reopen\/document\.hbs$/, /\{\{log\}\} is not allowed/],
    ['(log ...) hidden in a named value', { [MOTION]: swap('{{upper respondent.name x=(log respondent.name)}}') }, /document\.hbs$/, /sub-expressions are not allowed/],
    ['{{lookup ...}}', { [MOTION]: swap('{{lookup respondent "name"}}') }, /document\.hbs$/, /\{\{lookup\}\} is not allowed/],
    ['{{{triple}}}', { [MOTION]: swap('{{{respondent.name}}}') }, /document\.hbs$/, /triple-stash/],
    ['{{#each this}}', { [MOTION]: swap('{{#each this}}x{{/each}}') }, /document\.hbs$/, /#each over "this" repeats every field/],
    ['a partial that includes itself', { '_partials/caption.hbs': (s: string) => `{{> caption}}${s}` }, /_partials\/caption\.hbs$/, /partial "caption" includes itself/],
    ['a partial chosen while printing', { [MOTION]: swap('{{> (upper respondent.name)}}') }, /document\.hbs$/, /a partial chosen while printing/],
    ['an unclosed block', { [MOTION]: swap('{{#if respondent.name}}') }, /document\.hbs$/, /never closed|balance/],
  ])('refuses %s with file and line, as the check does', (_, edits, file, message) => {
    const root = templatesWith(edits);
    const { problems } = refusal(root);
    expect(problems).toContainEqual({ file: expect.stringMatching(file), line: expect.any(Number), message: expect.stringMatching(message) });
    expect(problems.every((p) => p.line > 0)).toBe(true);
    // The same problem, in the same words, from `reopen templates check`.
    const checked = checkTemplates(root).problems;
    for (const p of problems) expect(checked).toContainEqual(p);
    expect(printed()).toEqual([]);
  });

  it('runs nothing from a refused folder: its other templates are not handed out either', () => {
    const root = templatesWith({ [MOTION]: swap('{{log respondent.name}}') });
    expect(() => composeBlocks('respondent-declaration', {}, loadTemplates(root))).toThrow(TemplateError);
  });

  it('a partial used so often that the check would take forever is refused, not expanded', () => {
    const root = templatesWith({
      '_partials/caption.hbs': () => '{{> signature}}'.repeat(30),
      '_partials/signature.hbs': () => '{{> cover-page}}'.repeat(30),
    });
    const started = performance.now();
    expect(refusal(root).problems).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/partials are used more than 500 times/) }));
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('names a document.json that is not JSON, and a document with no template', () => {
    const root = templatesWith({ 'exhibit-tab/document.json': () => '{ "id": ' });
    expect(refusal(root).problems).toContainEqual({ file: join(root, 'exhibit-tab', 'document.json'), line: 0, message: 'it is not valid JSON' });
    const store = readTemplates(templatesWith({}));
    expect(() => getTemplate('habeas', store)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ message: 'the document "habeas" has no template' })] }));
  });
});

describe('no template reaches the console', () => {
  it('Handlebars refuses log and lookup even if the check were skipped', () => {
    const env = createEnvironment({});
    expect(() => env.compile('{{log x}}', COMPILE_OPTIONS)({ x: 'A-206-481-377' })).toThrow(/unknown helper log/);
    expect(() => env.compile('{{#with (log x)}}{{/with}}', COMPILE_OPTIONS)({ x: 'A-206-481-377' })).toThrow(/unknown helper log/);
    expect(env.helpers['log']).toBeUndefined();
    expect(env.helpers['lookup']).toBeUndefined();
    expect(printed()).toEqual([]);
  });

  it('Handlebars\' warning about prototype properties, which names what a template reached for, stays silent', () => {
    const env = createEnvironment({});
    env.compile('{{x.constructor}}', { ...COMPILE_OPTIONS, strict: false })({ x: {} });
    expect(printed()).toEqual([]);
  });
});

describe('a template that fails while printing is reported with file and line, in the check\'s words', () => {
  it('a field the data does not have, on a branch the samples do not reach: no case text in the message', () => {
    const root = templatesWith({ [MOTION]: swap('{{respondent.name.given}}') });
    // The structural check passes; the data does not have the field.
    const store = loadTemplates(root);
    const { view, given } = motionView();
    let error: unknown;
    try {
      composeBlocks('motion-to-reopen', view, store);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const { problems } = error as TemplateError;
    expect(problems).toContainEqual({ file: join(root, MOTION), line: 14, message: '"respondent.name.given": respondent.name has no field "given"' });
    expect(JSON.stringify(problems)).not.toContain(given);
    expect(JSON.stringify(problems)).not.toMatch(/not defined in|Cannot (use|read)/);
  });

  it('a field read from a number (a JavaScript TypeError) becomes the same kind of problem', () => {
    const root = join(tmp, 'tiny');
    cpSync(templatesWith({}), root, { recursive: true });
    writeFileSync(join(root, 'exhibit-tab', 'document.hbs'), 'Tab\n\n{{pages.first}}\n');
    let error: unknown;
    try {
      composeBlocks('exhibit-tab', { pages: 12 }, loadTemplates(root));
    } catch (err) {
      error = err;
    }
    expect((error as TemplateError).problems).toEqual([{ file: join(root, 'exhibit-tab', 'document.hbs'), line: 3, message: '"pages.first": pages has no field "first"' }]);
  });
});

describe('data too large or too deep to print is refused with the place named', () => {
  const store = loadTemplates(join(ROOT, 'templates'));

  it('an enormous value (a 200 MB string), at once', () => {
    const { view } = motionView();
    (view['respondent'] as Record<string, unknown>)['name'] = 'N'.repeat(200_000_000);
    const started = performance.now();
    expect(() => composeBlocks('motion-to-reopen', view, store)).toThrow(new ViewTooLargeError('motion-to-reopen', 'respondent.name',
      'the text at respondent.name in the data for "motion-to-reopen" is 200,000,000 characters long, more than the 2,000,000 characters of text one document may print'));
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a deeply nested value (lists in lists 100,000 deep), without overflowing the stack', () => {
    const { view } = motionView();
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    view['extra'] = deep;
    expect(() => composeBlocks('motion-to-reopen', view, store)).toThrow(
      /^the lists or objects in the data for "motion-to-reopen" are nested more than 32 levels deep, under extra\.0\.0\.0\.0\.0; no document needs more than a few$/,
    );
  });

  it('a list with more values than a document may print', () => {
    const { view } = motionView();
    view['extra'] = Array.from({ length: VIEW_LIMITS.values + 1 }, () => 1);
    expect(() => composeBlocks('motion-to-reopen', view, store)).toThrow(/holds more than the 100,000 values one document may print \(its longest list, at extra, has 100,001 items\)/);
  });

  it('a template that multiplies its data past what JavaScript can hold: "Invalid string length" becomes a sentence', () => {
    const root = join(tmp, 'multiplier');
    cpSync(templatesWith({}), root, { recursive: true });
    // Each level repeats the whole list again: 2^10 copies of a 1.9 million character text.
    const loops = 10;
    writeFileSync(join(root, 'exhibit-tab', 'document.hbs'), `${'{{#each @root.items}}'.repeat(loops)}{{text}}${'{{/each}}'.repeat(loops)}\n`);
    const text = 'w'.repeat(1_900_000);
    let error: unknown;
    try {
      composeBlocks('exhibit-tab', { items: [{ text }, { text: 'x' }] }, loadTemplates(root));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ViewTooLargeError);
    expect((error as Error).message).toBe(
      'the text at items.0.text in the data for "exhibit-tab" is 1,900,000 characters long, and the document it makes is too long to hold in memory',
    );
  });

  it('a stack overflow while printing names the data, not the stack', () => {
    const overflow = new RangeError('Maximum call stack size exceeded');
    expect(oversizeError('exhibit-tab', { a: 'x' }, overflow)?.message).toBe('the data for "exhibit-tab" is nested too deeply to print');
    expect(oversizeError('exhibit-tab', { a: 'x' }, new TypeError('Cannot read properties of undefined'))).toBeUndefined();
  });
});
