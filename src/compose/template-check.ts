/**
 * Templates are checked like code (DESIGN invariant 5): every field a template prints exists in
 * its view model, blocks balance, partials and helpers exist, nothing is printed unescaped, and
 * the markup a template produces parses. Each problem names the file and line.
 *
 * A view model's shape is read from real view models (built from the sample cases), merged, so a
 * field that is null in one case and an object in another is known in full.
 */
import Handlebars from 'handlebars';
import { relative } from 'node:path';
import { isStackOverflow, TemplateError, ViewTooLargeError, type TemplateProblem } from './errors.js';
import { parseMarkup, MarkupError } from './markup.js';
import { HELPERS } from './render-template.js';
import type { TemplateStore } from './templates.js';

export type { TemplateProblem } from './errors.js';

export type Shape =
  | { kind: 'object'; keys: Map<string, Shape> }
  | { kind: 'array'; item: Shape | null }
  | { kind: 'scalar' }
  | { kind: 'null' };

export function shapeOf(value: unknown): Shape {
  if (value === null || value === undefined) return { kind: 'null' };
  if (Array.isArray(value)) {
    return { kind: 'array', item: value.reduce<Shape | null>((acc, v) => (acc ? mergeShapes(acc, shapeOf(v)) : shapeOf(v)), null) };
  }
  if (typeof value === 'object') {
    if ('$marker' in value) return { kind: 'scalar' };
    return { kind: 'object', keys: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  }
  return { kind: 'scalar' };
}

export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (a.kind === 'object' && b.kind === 'object') {
    const keys = new Map(a.keys);
    for (const [k, v] of b.keys) keys.set(k, keys.has(k) ? mergeShapes(keys.get(k)!, v) : v);
    return { kind: 'object', keys };
  }
  if (a.kind === 'array' && b.kind === 'array') {
    return { kind: 'array', item: a.item && b.item ? mergeShapes(a.item, b.item) : (a.item ?? b.item) };
  }
  return a.kind === 'scalar' ? b : a;
}

const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/**
 * Handlebars' own helpers that no filing template may name: `log` writes to the console (where
 * case data must never go), `lookup` reads a field chosen at run time (which no check can follow),
 * and the two "missing" helpers are Handlebars' internal fallbacks.
 */
const FORBIDDEN_HELPERS: Readonly<Record<string, string>> = {
  log: 'the log helper writes to the console, where case data must never go',
  lookup: 'the lookup helper reads a field chosen while printing, which no check can follow; name the field',
  helperMissing: 'helperMissing is Handlebars\' internal fallback, not a helper for templates',
  blockHelperMissing: 'blockHelperMissing is Handlebars\' internal fallback, not a helper for templates',
};

/**
 * Partials a document may expand in all, counting each use: real documents expand a few dozen.
 * Partials that each use the next several times multiply, and would take the check (and printing)
 * longer than any filing is worth.
 */
const MAX_PARTIAL_EXPANSIONS = 500;

type Node = hbs.AST.Node;

interface Walk {
  file: string;
  problems: TemplateProblem[];
  store: TemplateStore;
  /** Partials being expanded, to stop a partial that includes itself. */
  partialStack: string[];
  /** Partial expansions so far in this template, shared by the whole walk. */
  expansions: { count: number };
}

/**
 * Checks one document template (with the partials it uses) against its view model's shape; with
 * no shape (null), only the rules that do not depend on the data: the syntax, helpers, triple
 * braces, blocks, partials and what may be repeated. `generate` runs that subset on every template
 * before it renders any (see templates.ts), so it never runs one this check rejects.
 */
export function checkTemplate(source: string, file: string, shape: Shape | null, store: TemplateStore): TemplateProblem[] {
  const w: Walk = { file, problems: [], store, partialStack: [], expansions: { count: 0 } };
  const ast = parse(source, file, w.problems);
  try {
    if (ast) walkProgram(ast, [shape], w);
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    w.problems.push({ file, line: 0, message: 'blocks are nested too deeply to check' });
  }
  return w.problems;
}

/** Renders the template with a real view model and parses the markup it gives. */
export function checkMarkup(render: () => string, file: string): TemplateProblem[] {
  let markup: string;
  try {
    markup = render();
  } catch (err) {
    if (err instanceof TemplateError) return [...err.problems];
    if (err instanceof ViewTooLargeError) return [{ file, line: 0, message: `a sample case cannot be printed: ${err.message}` }];
    // Not the error's own words: they may quote case text or JavaScript's internals.
    return [{ file, line: 0, message: 'printing it with a sample case failed' }];
  }
  try {
    parseMarkup(markup);
    return [];
  } catch (err) {
    if (err instanceof MarkupError) return [{ file, line: 0, message: `the filing markup it produces is wrong at ${err.message}` }];
    throw err;
  }
}

/**
 * Parsed templates by source text: a partial is read once, not once per use, and generate's check
 * of every template at load costs one parse each. Bounded for a process that reloads templates.
 */
const parsed = new Map<string, hbs.AST.Program | { line: number; message: string }>();
const MAX_PARSED = 256;

function parse(source: string, file: string, problems: TemplateProblem[]): hbs.AST.Program | undefined {
  let result = parsed.get(source);
  if (result === undefined) {
    try {
      result = Handlebars.parse(source);
    } catch (err) {
      result = isStackOverflow(err)
        ? { line: 0, message: 'blocks are nested too deeply to read' }
        : { line: lineFromError(err), message: parseErrorWords((err as Error).message) };
    }
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(source, result);
  }
  if ('body' in result) return result;
  problems.push({ file, line: result.line, message: result.message });
  return undefined;
}

/** Handlebars' parse errors in words: an unclosed block is the usual cause. */
function parseErrorWords(message: string): string {
  const lines = message.split('\n');
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  if (got === 'EOF') return 'a {{#block}} is never closed (the file ends inside it)';
  const wrongClose = /(\w+) doesn't match (\w+)/.exec(message);
  if (wrongClose) return `{{/${wrongClose[2]}}} closes {{#${wrongClose[1]}}}: blocks do not balance`;
  return `cannot parse: ${[lines[1], lines[3]].filter(Boolean).join(' ')}`.trim();
}

function lineFromError(err: unknown): number {
  const m = /line (\d+)/i.exec(String((err as Error).message)) ?? / - (\d+):\d+/.exec(String((err as Error).message));
  return m ? Number(m[1]) : 0;
}

function walkProgram(program: hbs.AST.Program, stack: (Shape | null)[], w: Walk): void {
  for (const node of program.body) walkNode(node, stack, w);
}

function walkNode(node: Node, stack: (Shape | null)[], w: Walk): void {
  const line = node.loc?.start.line ?? 0;
  switch (node.type) {
    case 'MustacheStatement': {
      const m = node as hbs.AST.MustacheStatement;
      if (!m.escaped) w.problems.push({ file: w.file, line, message: 'a {{{triple-stash}}} prints a value unescaped; use {{double}}' });
      const name = pathName(m.path);
      checkHash(m.hash, stack, w);
      if (name !== undefined && Object.hasOwn(FORBIDDEN_HELPERS, name)) {
        w.problems.push({ file: w.file, line, message: `{{${name}}} is not allowed: ${FORBIDDEN_HELPERS[name]}` });
      } else if (name && m.params.length > 0) {
        if (!(name in HELPERS)) w.problems.push({ file: w.file, line, message: `unknown helper "${name}"` });
        for (const p of m.params) checkExpr(p, stack, w);
      } else checkExpr(m.path, stack, w);
      break;
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      const name = pathName(b.path) ?? '';
      if (!BUILT_IN_BLOCKS.has(name)) {
        w.problems.push({ file: w.file, line, message: `unknown block helper "#${name}"` });
        break;
      }
      const param = b.params[0];
      if (!param || b.params.length !== 1) {
        w.problems.push({ file: w.file, line, message: `#${name} takes exactly one value` });
        break;
      }
      checkHash(b.hash, stack, w);
      if (name === 'each' && param.type === 'PathExpression' && (param as hbs.AST.PathExpression).parts.length === 0) {
        w.problems.push({ file: w.file, line, message: `#each over "${exprText(param)}" repeats every field of the data in turn; name the list to repeat` });
        break;
      }
      const target = checkExpr(param, stack, w);
      if (name === 'each') {
        if (target && target.kind !== 'array') w.problems.push({ file: w.file, line, message: `#each over "${exprText(param)}", which is not a list` });
        walkProgram(b.program, [...stack, target && target.kind === 'array' ? target.item : null], w);
      } else if (name === 'with') {
        walkProgram(b.program, [...stack, target], w);
      } else {
        walkProgram(b.program, stack, w);
      }
      if (b.inverse) walkProgram(b.inverse, stack, w);
      break;
    }
    case 'PartialStatement': {
      const p = node as hbs.AST.PartialStatement;
      if (p.name.type === 'SubExpression') {
        w.problems.push({ file: w.file, line, message: 'a partial chosen while printing ({{> (...)}}) cannot be checked; name the partial' });
        break;
      }
      for (const param of p.params) checkExpr(param, stack, w);
      checkHash(p.hash, stack, w);
      const name = p.name.type === 'PathExpression' ? (p.name as hbs.AST.PathExpression).original : String((p.name as hbs.AST.StringLiteral).value);
      const partial = Object.hasOwn(w.store.partials, name) ? w.store.partials[name] : undefined;
      if (!partial) {
        w.problems.push({ file: w.file, line, message: `unknown partial "${name}"` });
        break;
      }
      if (w.partialStack.includes(name)) {
        w.problems.push({ file: w.file, line, message: `partial "${name}" includes itself` });
        break;
      }
      w.expansions.count += 1;
      if (w.expansions.count === MAX_PARTIAL_EXPANSIONS + 1) {
        w.problems.push({ file: w.file, line, message: `partials are used more than ${MAX_PARTIAL_EXPANSIONS} times in one document, counting the partials they use` });
      }
      if (w.expansions.count > MAX_PARTIAL_EXPANSIONS) break;
      const ast = parse(partial.source, partial.file, w.problems);
      if (ast) {
        const inner: Walk = { ...w, file: partial.file, partialStack: [...w.partialStack, name] };
        walkProgram(ast, stack, inner);
      }
      break;
    }
    case 'ContentStatement':
    case 'CommentStatement':
      break;
    default:
      w.problems.push({ file: w.file, line, message: `"${node.type}" is not allowed in filing templates` });
  }
}

/** Values given by name (`key=value`) are checked like any other: a sub-expression there would run a helper too. */
function checkHash(hash: hbs.AST.Hash | undefined, stack: (Shape | null)[], w: Walk): void {
  for (const pair of hash?.pairs ?? []) checkExpr(pair.value, stack, w);
}

function pathName(expr: hbs.AST.Expression): string | undefined {
  return expr.type === 'PathExpression' ? (expr as hbs.AST.PathExpression).original : undefined;
}

function exprText(expr: hbs.AST.Expression): string {
  return pathName(expr) ?? expr.type;
}

/** Resolves a path in the context stack; reports a path the view model does not have. */
function checkExpr(expr: hbs.AST.Expression, stack: (Shape | null)[], w: Walk): Shape | null {
  const line = expr.loc?.start.line ?? 0;
  if (expr.type !== 'PathExpression') {
    if (expr.type === 'SubExpression') w.problems.push({ file: w.file, line, message: 'sub-expressions are not allowed in filing templates' });
    return { kind: 'scalar' };
  }
  const path = expr as hbs.AST.PathExpression;
  // @root.x is x of the view model; @index, @first, @key... are scalars Handlebars supplies.
  const fromRoot = path.data && path.parts[0] === 'root';
  if (path.data && !fromRoot) return { kind: 'scalar' };
  let level = fromRoot ? 0 : stack.length - 1 - path.depth;
  if (level < 0) {
    w.problems.push({ file: w.file, line, message: `"${path.original}" climbs above the view model` });
    return null;
  }
  let shape: Shape | null = stack[level] ?? null;
  const parts = fromRoot ? path.parts.slice(1) : path.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (shape === null || shape.kind === 'null') return null; // not knowable from the samples
    if (shape.kind === 'array' && part === 'length') return { kind: 'scalar' };
    if (shape.kind !== 'object' || !shape.keys.has(part)) {
      const where = parts.slice(0, i).join('.') || (path.depth > 0 ? '../' : 'the view model');
      const known = shape.kind === 'object' ? ` (it has: ${[...shape.keys.keys()].join(', ')})` : '';
      w.problems.push({ file: w.file, line, message: `"${path.original}": ${where} has no field "${part}"${known}` });
      return null;
    }
    shape = shape.keys.get(part) ?? null;
    level = 0;
  }
  return shape;
}

export function formatProblem(p: TemplateProblem, root: string): string {
  return `${relative(root, p.file) || p.file}:${p.line}: ${p.message}`;
}
