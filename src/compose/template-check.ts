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
import { parseMarkup, MarkupError } from './markup.js';
import { HELPERS } from './render-template.js';
import type { TemplateStore } from './templates.js';

export interface TemplateProblem {
  file: string;
  line: number;
  message: string;
}

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

type Node = hbs.AST.Node;

interface Walk {
  file: string;
  problems: TemplateProblem[];
  store: TemplateStore;
  /** Partials being expanded, to stop a partial that includes itself. */
  partialStack: string[];
}

/** Checks one document template (with the partials it uses) against its view model's shape. */
export function checkTemplate(source: string, file: string, shape: Shape | null, store: TemplateStore): TemplateProblem[] {
  const w: Walk = { file, problems: [], store, partialStack: [] };
  const ast = parse(source, file, w.problems);
  if (ast) walkProgram(ast, [shape], w);
  return w.problems;
}

/** Renders the template with a real view model and parses the markup it gives. */
export function checkMarkup(render: () => string, file: string): TemplateProblem[] {
  let markup: string;
  try {
    markup = render();
  } catch (err) {
    return [{ file, line: lineFromError(err), message: `rendering failed: ${(err as Error).message.split('\n')[0]}` }];
  }
  try {
    parseMarkup(markup);
    return [];
  } catch (err) {
    if (err instanceof MarkupError) return [{ file, line: 0, message: `the filing markup it produces is wrong at ${err.message}` }];
    throw err;
  }
}

function parse(source: string, file: string, problems: TemplateProblem[]): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(source);
  } catch (err) {
    problems.push({ file, line: lineFromError(err), message: parseErrorWords((err as Error).message) });
    return undefined;
  }
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
      if (name && m.params.length > 0) {
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
      const name = pathName(p.name as hbs.AST.PathExpression) ?? '';
      const partial = w.store.partials[name];
      if (!partial) {
        w.problems.push({ file: w.file, line, message: `unknown partial "${name}"` });
        break;
      }
      if (w.partialStack.includes(name)) {
        w.problems.push({ file: w.file, line, message: `partial "${name}" includes itself` });
        break;
      }
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
  if (path.data) return { kind: 'scalar' }; // @index, @first...
  let level = stack.length - 1 - path.depth;
  if (level < 0) {
    w.problems.push({ file: w.file, line, message: `"${path.original}" climbs above the view model` });
    return null;
  }
  let shape: Shape | null = stack[level] ?? null;
  const parts = path.parts;
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
