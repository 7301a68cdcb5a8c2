/**
 * What of an invalid case can still be reasoned about.
 *
 * A case with a malformed field must still get every other answer in the same run: its forum, its
 * deadline and every rule's issue that does not depend on the bad field (DESIGN invariant 3: every
 * problem reported together). So the input is repaired into a case the schema accepts, and every
 * path that was repaired is remembered as tainted: an invalid optional field is left out, an
 * invalid or missing required one gets a stand-in value. The stand-ins are never printed or
 * reported: each rule runs under a read tracker (./taint.ts), and an answer that read a tainted
 * path is dropped.
 */
import { z } from 'zod';
import { dotPath } from './issues.js';
import { isPlainObject } from './parse.js';
import { caseSchema, type Case } from './schema.js';

export interface RepairedCase {
  case: Case;
  /** Dot paths whose values are stand-ins or were left out; anything read at or below them is unknown. */
  tainted: string[];
}

type Path = readonly PropertyKey[];

/**
 * The repaired case, or undefined when the input cannot be repaired into a valid one (it is not an
 * object, or the stand-ins do not satisfy the schema).
 */
export function repairCase(input: unknown, issues: readonly z.core.$ZodIssue[]): RepairedCase | undefined {
  if (!isPlainObject(input)) return undefined;
  const copy = structuredClone(input) as Record<string, unknown>;
  const tainted: string[] = [];
  const paths: Path[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) paths.push([...issue.path, key]);
    else paths.push(issue.path);
  }
  // Parents first: once a parent is replaced, what was wrong below it no longer exists.
  paths.sort((a, b) => a.length - b.length);
  // Whether a path or one of its parents was repaired already: a look-up per level, not a scan.
  const repaired = new Set<string>();
  const under = (path: Path) => path.some((_, i) => repaired.has(dotPath(path.slice(0, i + 1)))) || repaired.has('');
  for (const path of paths) {
    const key = dotPath(path);
    if (under(path)) continue;
    if (!repairAt(copy, path)) return undefined;
    tainted.push(key);
    repaired.add(key);
  }
  const parsed = caseSchema.safeParse(copy);
  return parsed.success ? { case: parsed.data, tainted } : undefined;
}

/** Leaves out an optional field, or puts a stand-in where a required one is; false when the path cannot be reached. */
function repairAt(root: Record<string, unknown>, path: Path): boolean {
  if (path.length === 0) return false;
  const parent = walk(root, path.slice(0, -1));
  if (parent === undefined) return false;
  const key = path[path.length - 1]!;
  const field = schemaAt(path);
  if (field === undefined) {
    // Not a field of the format (an unknown key): it is left out.
    if (!Array.isArray(parent)) delete parent[String(key)];
    return true;
  }
  if (field.optional && !Array.isArray(parent)) {
    delete parent[String(key)];
    return true;
  }
  const standIn = standInFor(field.node);
  if (standIn === NONE) return false;
  (parent as Record<string, unknown>)[String(key)] = standIn;
  return true;
}

function walk(root: unknown, path: Path): Record<string, unknown> | unknown[] | undefined {
  let node: unknown = root;
  for (const seg of path) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isPlainObject(node)) node = Object.hasOwn(node, String(seg)) ? node[String(seg)] : undefined;
    else return undefined;
  }
  return Array.isArray(node) || isPlainObject(node) ? (node as Record<string, unknown> | unknown[]) : undefined;
}

/** The schema of the field at a path, and whether it may be left out. */
function schemaAt(path: Path): { node: z.ZodType; optional: boolean } | undefined {
  let node: z.ZodType | undefined = caseSchema;
  let optional = false;
  for (const seg of path) {
    node = unwrap(node).node;
    // Own keys only: a key such as "constructor" must not find Object.prototype's.
    if (node instanceof z.ZodObject) node = Object.hasOwn(node.shape, String(seg)) ? (node.shape as Record<string, z.ZodType>)[String(seg)] : undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return undefined;
    if (node === undefined) return undefined;
    optional = node instanceof z.ZodOptional;
  }
  const inner = unwrap(node).node;
  return inner === undefined ? undefined : { node: inner, optional };
}

function unwrap(node: z.ZodType | undefined): { node: z.ZodType | undefined } {
  let n = node;
  for (let i = 0; i < 5 && n; i++) {
    if (n instanceof z.ZodOptional) n = n.unwrap() as z.ZodType;
    else break;
  }
  return { node: n };
}

const NONE = Symbol('no stand-in');

/** Text stand-ins tried in turn until the field's own checks accept one (a date, a country, a state...). */
const TEXT_CANDIDATES = ['2000-01-01', 'US', 'MI', '48226', 'stand-in@example.org', '09:00', 'AAA', '000000001', 'stand-in'];

/** A value the schema node accepts, built from the node itself; never shown to anyone. */
function standInFor(node: z.ZodType): unknown {
  if (node instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node.shape as Record<string, z.ZodType>)) {
      if (child instanceof z.ZodOptional) continue;
      const value = standInFor(child);
      if (value === NONE) return NONE;
      out[key] = value;
    }
    return node.safeParse(out).success ? out : NONE;
  }
  if (node instanceof z.ZodArray) return [];
  if (node instanceof z.ZodEnum) return node.options[0];
  if (node instanceof z.ZodBoolean) return false;
  for (const candidate of [...TEXT_CANDIDATES, 1, 0]) if (node.safeParse(candidate).success) return candidate;
  return NONE;
}
