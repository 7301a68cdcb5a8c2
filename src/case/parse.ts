/**
 * parseCase: any JSON value in, a valid case or the complete list of what is wrong out.
 * It never throws: a malformed case is data, reported with codes, paths and plain words.
 */
import { z } from 'zod';
import { crossChecks } from './cross-checks.js';
import { dotPath, hasErrors, makeIssue, sortIssues, type Issue } from './issues.js';
import { labelOf } from './labels.js';
import { repairCase, type RepairedCase } from './repair.js';
import { describeDirectionControls, DIRECTION_CONTROL, stripDirectionControls } from './direction.js';
import { nestingIssue } from './nesting.js';
import { CASE_FORMAT, caseSchema, STRIPS_DIRECTION_CONTROLS, type Case } from './schema.js';

/**
 * A valid case, or every issue. An invalid case that can be repaired also carries `partial`: the
 * case with its bad fields left out or stood in for, and the tainted paths, so the rules can still
 * answer what does not depend on them (see repair.ts).
 */
export type ParseResult = { ok: true; case: Case; issues: Issue[] } | { ok: false; issues: Issue[]; partial?: RepairedCase };

export function parseCase(raw: unknown): ParseResult {
  if (!isPlainObject(raw)) {
    return { ok: false, issues: [makeIssue('not_an_object', '', 'error', { found: describe(raw) })] };
  }
  // Everything below reads the case recursively; a value nested thousands deep would overflow the stack.
  const tooDeep = nestingIssue(raw);
  if (tooDeep) return { ok: false, issues: [tooDeep] };
  const issues: Issue[] = [];
  // Direction controls leave prose before anything reads it (direction.ts); identifiers keep them,
  // and the schema refuses them there.
  const stripped = withoutDirectionControls(raw, caseSchema, []);
  const input = stripped.value as Record<string, unknown>;
  for (const i of stripped.issues.slice(0, MAX_ISSUES)) issues.push(i);
  const format = input['format'];
  if (format !== CASE_FORMAT) {
    issues.push(
      makeIssue('unsupported_format', 'format', 'error', typeof format === 'string' ? { found: format } : {}),
    );
  }
  const parsed = caseSchema.safeParse(input, { reportInput: true });
  let tooMany = stripped.issues.length > MAX_ISSUES;
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      if (zi.path.length === 1 && zi.path[0] === 'format') continue; // reported above, in plainer words
      // A file with thousands of problems (a program gone wrong, or an attack) gets the first few
      // hundred: every one costs time to word, and nobody reads the rest.
      if (issues.length >= MAX_ISSUES || (zi.code === 'unrecognized_keys' && zi.keys.length > MAX_ISSUES)) {
        tooMany = true;
        if (issues.length >= MAX_ISSUES) break;
      }
      for (const i of fromZod(zi)) issues.push(i);
    }
  }
  if (tooMany) {
    const kept = issues.slice(0, MAX_ISSUES);
    kept.push(makeIssue('too_many_problems', '', 'error', { shown: MAX_ISSUES }));
    return { ok: false, issues: sortIssues(dedupe(kept)) };
  }
  for (const i of crossChecks(input)) issues.push(i);
  const unique = dedupe(issues);
  if (parsed.success && !hasErrors(unique)) {
    return { ok: true, case: parsed.data, issues: sortIssues(unique) };
  }
  // Wrong only across fields: the schema's case is sound to reason about as it is.
  const partial = parsed.success ? { case: parsed.data, tainted: [] } : repairCase(input, parsed.error.issues);
  return { ok: false, issues: sortIssues(unique), ...(partial ? { partial } : {}) };
}

/** The most problems one check reports; past it, `too_many_problems` says the list stops there. */
export const MAX_ISSUES = 200;

function fromZod(zi: z.core.$ZodIssue): Issue[] {
  const path = dotPath(zi.path);
  const label = labelOf(path);
  const input = (zi as { input?: unknown }).input;
  switch (zi.code) {
    case 'invalid_type':
      if (input === undefined) return [makeIssue('required', path, 'error', { label })];
      return [makeIssue('wrong_type', path, 'error', { label, expected: expectedWords(zi.expected), found: describe(input) })];
    case 'invalid_union':
      // The only unions are A-numbers (text or number): anything else is the wrong type.
      if (input === undefined) return [makeIssue('required', path, 'error', { label })];
      return [makeIssue('wrong_type', path, 'error', { label, expected: 'text', found: describe(input) })];
    case 'invalid_value':
      return [
        makeIssue('invalid_choice', path, 'error', {
          label,
          found: typeof input === 'string' ? input : describe(input),
          choices: zi.values.map(String),
        }),
      ];
    case 'unrecognized_keys':
      return zi.keys.slice(0, MAX_ISSUES + 1).map((key) => {
        const suggestion = closest(key, knownKeys(zi.path));
        return makeIssue('unknown_field', path === '' ? key : `${path}.${key}`, 'error', {
          field: key,
          where: path === '' ? 'a case' : labelOf(path),
          ...(suggestion ? { suggestion } : {}),
        });
      });
    case 'custom':
      return [fromCustom(path, label, zi.params ?? {}, input)];
    default:
      return [makeIssue('wrong_type', path, 'error', { label, expected: 'a valid value', found: describe(input) })];
  }
}

function fromCustom(path: string, label: string, params: Record<string, unknown>, input: unknown): Issue {
  const found = typeof input === 'string' ? input : describe(input);
  switch (params['reopen']) {
    case 'empty_text':
      return makeIssue('empty_text', path, 'error', { label });
    case 'direction_control':
      return makeIssue('direction_control', path, 'error', { label, controls: (params['controls'] as string[] | undefined) ?? [] });
    case 'control_character':
      return makeIssue('control_character', path, 'error', { label, codepoint: String(params['codepoint']) });
    case 'text_too_long':
      return makeIssue('text_too_long', path, 'error', { label, length: Number(params['length']), max: Number(params['max']) });
    case 'date_format':
      return makeIssue('date_format', path, 'error', { label, found });
    case 'partial_date_format':
      return makeIssue('partial_date_format', path, 'error', { label, found });
    case 'date_not_real':
      return makeIssue('date_not_real', path, 'error', { label, found });
    case 'a_number_too_long':
      return makeIssue('a_number_too_long', path, 'error', { digits: Number(params['digits']) });
    case 'a_number_too_short':
      return makeIssue('a_number_too_short', path, 'error', { digits: Number(params['digits']) });
    case 'a_number_invalid':
      return makeIssue('a_number_invalid', path, 'error', { found });
    case 'country_code':
      return makeIssue('country_code', path, 'error', { label, found });
    case 'state_invalid':
      return makeIssue('state_invalid', path, 'error', { label, found });
    case 'zip_invalid':
      return makeIssue('zip_invalid', path, 'error', { label, found });
    case 'email_invalid':
      return makeIssue('email_invalid', path, 'error', { label, found });
    case 'time_format':
      return makeIssue('time_format', path, 'error', { label, found });
    case 'wrong_format':
      return makeIssue('wrong_format', path, 'error', { label, rule: String(params['rule']), found });
    case 'number_range':
      return makeIssue('number_range', path, 'error', { label, rule: String(params['rule']), found });
    default:
      return makeIssue('wrong_type', path, 'error', { label, expected: 'a valid value', found });
  }
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a group of fields between { and }';
    case 'array':
      return 'a list between [ and ]';
    default:
      return expected;
  }
}

/**
 * The input with direction controls removed from every text field whose schema strips them,
 * and a warning for each such field. Walks the input and the schema together; what the schema
 * does not know is left as it is (the schema reports it).
 */
function withoutDirectionControls(value: unknown, schema: z.ZodType | undefined, path: PropertyKey[]): { value: unknown; issues: Issue[] } {
  const node = unwrap(schema);
  if (typeof value === 'string') {
    if (!node || !STRIPS_DIRECTION_CONTROLS.has(node) || !DIRECTION_CONTROL.test(value)) return { value, issues: [] };
    const where = dotPath(path);
    return {
      value: stripDirectionControls(value),
      issues: [makeIssue('direction_control_removed', where, 'warning', { label: labelOf(where), controls: describeDirectionControls(value) })],
    };
  }
  const issues: Issue[] = [];
  if (Array.isArray(value)) {
    const item = node instanceof z.ZodArray ? (node.element as z.ZodType) : undefined;
    const out = value.map((v, i) => {
      const r = withoutDirectionControls(v, item, [...path, i]);
      issues.push(...r.issues);
      return r.value;
    });
    return { value: out, issues };
  }
  if (isPlainObject(value)) {
    const shape = node instanceof z.ZodObject ? (node.shape as Record<string, z.ZodType>) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Own keys only, and defined rather than assigned: "__proto__" and "constructor" stay plain data.
      const r = withoutDirectionControls(v, Object.hasOwn(shape, k) ? shape[k] : undefined, [...path, k]);
      issues.push(...r.issues);
      Object.defineProperty(out, k, { value: r.value, enumerable: true, writable: true, configurable: true });
    }
    return { value: out, issues };
  }
  return { value, issues: [] };
}

/** How a JSON value reads in a message: "a number (12)", "a list", "nothing (null)". */
export function describe(value: unknown): string {
  if (value === null) return 'null (nothing)';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'empty text' : `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a group of fields';
    default:
      return typeof value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field names the schema allows at a path, for "did you mean" suggestions. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = caseSchema;
  for (const seg of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = Object.hasOwn(node.shape, String(seg)) ? (node.shape as Record<string, z.ZodType>)[String(seg)] : undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let n = node;
  for (let i = 0; i < 5 && n; i++) {
    if (n instanceof z.ZodOptional) n = n.unwrap() as z.ZodType;
    else if (n instanceof z.ZodPipe) n = n.in as z.ZodType;
    else break;
  }
  return n;
}

/** The known key closest to a misspelt one, when it is close enough to be a likely typo. */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(key.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}\u0000${i.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
