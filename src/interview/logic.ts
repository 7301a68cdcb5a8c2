/**
 * The interview's logic, worked out from the answers as they stand (docassemble's habit): which
 * filings are chosen, which steps and fields they bring in, what is still missing, and which step
 * comes next. Pure functions of a draft case (any JSON object: drafts are partial); nothing here
 * knows HTML or HTTP (server/interview renders the pages).
 */
import { GOALS, STEPS, type Condition, type Field, type Goal, type Step } from './steps.js';

export type Draft = Record<string, unknown>;

/** The value at a dot path ("respondent.languages.0.name"); undefined when any part is absent. Own keys only. */
export function valueAt(value: unknown, path: string): unknown {
  let node: unknown = value;
  for (const seg of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) node = node[Number(seg)];
    else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, seg)) node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}

/**
 * A copy of `draft` with `value` at `path` (undefined removes it, and then any object or list the
 * removal left empty). Numeric segments index lists. Keys are defined, never assigned, so a path
 * segment such as "__proto__" is a plain key.
 */
export function withValue(draft: Draft, path: string, value: unknown): Draft {
  const segs = path.split('.');
  const copy = structuredClone(draft);
  const set = (node: Record<string, unknown> | unknown[], i: number): void => {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const key: string | number = Array.isArray(node) && /^\d+$/.test(seg) ? Number(seg) : seg;
    const here = Array.isArray(node) ? node[key as number] : Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
    if (last) {
      if (value === undefined) {
        if (Array.isArray(node)) node.splice(key as number, 1);
        else delete (node as Record<string, unknown>)[seg];
      } else define(node, key, value);
      return;
    }
    let child = here;
    if (child === null || typeof child !== 'object') {
      if (value === undefined) return;
      child = /^\d+$/.test(segs[i + 1]!) ? [] : {};
      define(node, key, child);
    }
    set(child as Record<string, unknown> | unknown[], i + 1);
    const emptied = Array.isArray(child) ? child.length === 0 : Object.keys(child as object).length === 0;
    // An empty motion, stay or records object still says that filing was chosen (goalsOf).
    if (value === undefined && emptied && !(i === 0 && GOAL_CONTAINERS.has(seg))) {
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete (node as Record<string, unknown>)[seg];
    }
  };
  set(copy, 0);
  return copy;
}

const GOAL_CONTAINERS: ReadonlySet<string> = new Set(['motion', 'stay', 'records']);

function define(node: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(node)) node[key as number] = value;
  else Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

const answered = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** The filings chosen, read from the case itself (see steps.ts). */
export function goalsOf(draft: Draft): Goal[] {
  const stay = valueAt(draft, 'stay');
  const chosen = new Set<Goal>();
  if (valueAt(draft, 'motion') !== undefined) chosen.add('motion');
  if (stay && typeof stay === 'object') {
    if (valueAt(draft, 'stay.immigrationCourt') === true) chosen.add('stay-immigration-court');
    if (valueAt(draft, 'stay.bia') === true) chosen.add('stay-bia');
    if (valueAt(draft, 'stay.ice') === true) chosen.add('stay-ice');
  }
  if (valueAt(draft, 'records') !== undefined) chosen.add('records');
  return GOALS.filter((g) => chosen.has(g));
}

/** The case with exactly these filings chosen: what a goal needs is added, what an unchosen one held is kept out. */
export function withGoals(draft: Draft, goals: readonly Goal[]): Draft {
  let d = draft;
  const want = new Set(goals);
  if (want.has('motion') && valueAt(d, 'motion') === undefined) d = withValue(d, 'motion', {});
  if (!want.has('motion')) d = withValue(d, 'motion', undefined);
  for (const [goal, path] of [
    ['stay-immigration-court', 'stay.immigrationCourt'],
    ['stay-bia', 'stay.bia'],
    ['stay-ice', 'stay.ice'],
  ] as const) {
    d = withValue(d, path, want.has(goal) ? true : undefined);
  }
  if (!want.has('stay-immigration-court') && !want.has('stay-bia') && !want.has('stay-ice')) d = withValue(d, 'stay', undefined);
  if (want.has('records') && valueAt(d, 'records') === undefined) d = withValue(d, 'records', { agencies: [] });
  if (!want.has('records')) d = withValue(d, 'records', undefined);
  return d;
}

/** Whether a condition holds for the draft. */
export function holds(c: Condition, draft: Draft, goals: readonly Goal[] = goalsOf(draft)): boolean {
  if ('goal' in c) return goals.includes(c.goal);
  if ('anyGoal' in c) return c.anyGoal.some((g) => goals.includes(g));
  if ('all' in c) return c.all.every((x) => holds(x, draft, goals));
  if ('any' in c) return c.any.some((x) => holds(x, draft, goals));
  if ('not' in c) return !holds(c.not, draft, goals);
  const v = valueAt(draft, c.path);
  if ('equals' in c) return v === c.equals;
  if ('in' in c) return c.in.includes(v as string);
  return answered(v) === c.present;
}

/** Whether a step is asked for this draft: a chosen filing needs it, and its condition holds. */
export function stepApplies(step: Step, draft: Draft, goals: readonly Goal[] = goalsOf(draft)): boolean {
  if (step.goals !== 'always' && !step.goals.some((g) => goals.includes(g))) return false;
  return step.showIf === undefined || holds(step.showIf, draft, goals);
}

export function fieldApplies(field: Field, draft: Draft, goals: readonly Goal[] = goalsOf(draft)): boolean {
  return field.showIf === undefined || holds(field.showIf, draft, goals);
}

/** The answer of a field as the case holds it (the filings field reads the goals). */
export function answerOf(field: Field, draft: Draft): unknown {
  return field.path === 'goals' ? goalsOf(draft) : valueAt(draft, field.path);
}

/** The steps this draft asks, in order. */
export function stepsFor(draft: Draft): Step[] {
  const goals = goalsOf(draft);
  // Until filings are chosen, only the first step is asked.
  if (goals.length === 0) return [STEPS[0]!];
  return STEPS.filter((s) => stepApplies(s, draft, goals));
}

/** The required fields of a step that apply and have no answer. */
export function missingIn(step: Step, draft: Draft): Field[] {
  const goals = goalsOf(draft);
  return step.fields.filter((f) => f.required && fieldApplies(f, draft, goals) && !answered(answerOf(f, draft)));
}

/**
 * The id of the next step to ask: the first step this draft asks that still lacks a required
 * answer, or 'review' (the "check your answers" page) when none does.
 */
export function nextStep(draft: Draft): string {
  for (const step of stepsFor(draft)) if (missingIn(step, draft).length > 0) return step.id;
  return 'review';
}

export function stepById(id: string): Step | undefined {
  return STEPS.find((s) => s.id === id);
}

/** A problem with one answer as typed, before the case format judges it. */
export interface AnswerProblem {
  path: string;
  message: string;
}

/**
 * Applies one page's form (field path -> what was typed, a list for checkboxes) to the draft.
 * Text is trimmed; an empty answer removes the field; yes/no become booleans; checkboxes lists;
 * "paragraphs" split on blank lines; numbers are whole numbers. Returns the new draft and the
 * answers that could not be read (the draft keeps the earlier value for those).
 */
export function applyAnswers(draft: Draft, step: Step, form: Readonly<Record<string, string | string[] | undefined>>): { draft: Draft; problems: AnswerProblem[] } {
  let d = draft;
  const problems: AnswerProblem[] = [];
  for (const field of step.fields) {
    const raw = Object.hasOwn(form, field.path) ? form[field.path] : undefined;
    const many = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const one = (many[0] ?? '').trim();
    if (field.path === 'goals') {
      d = withGoals(d, GOALS.filter((g) => many.includes(g)));
      continue;
    }
    switch (field.kind) {
      case 'exhibits':
        // Added and removed one at a time by the exhibits page itself (server/web), with its upload.
        break;
      case 'checkboxes': {
        const allowed = new Set((field.options ?? []).map((o) => o.value));
        const chosen = (field.options ?? []).map((o) => o.value).filter((v) => many.includes(v));
        if (many.some((v) => !allowed.has(v))) problems.push({ path: field.path, message: 'Choose from the options shown.' });
        d = withValue(d, field.path, chosen.length > 0 || field.path === 'records.agencies' ? chosen : undefined);
        break;
      }
      case 'yes-no':
        if (one === '') d = withValue(d, field.path, undefined);
        else if (one === 'yes' || one === 'no') d = withValue(d, field.path, one === 'yes');
        else problems.push({ path: field.path, message: 'Answer yes or no.' });
        break;
      case 'choice':
        if (one === '') d = withValue(d, field.path, undefined);
        else if ((field.options ?? []).some((o) => o.value === one)) d = withValue(d, field.path, one);
        else problems.push({ path: field.path, message: 'Choose one of the options shown.' });
        break;
      case 'number':
        if (one === '') d = withValue(d, field.path, undefined);
        else if (/^\d{1,9}$/.test(one)) d = withValue(d, field.path, Number(one));
        else problems.push({ path: field.path, message: 'Write a whole number, such as 12.' });
        break;
      case 'paragraphs': {
        const paragraphs = one.split(/\r?\n\s*\r?\n/).map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim()).filter(Boolean);
        d = withValue(d, field.path, paragraphs.length > 0 ? paragraphs : undefined);
        break;
      }
      case 'a-number':
      case 'country':
      case 'state':
        d = withValue(d, field.path, one === '' ? undefined : one.toUpperCase());
        break;
      default:
        d = withValue(d, field.path, one === '' ? undefined : field.kind === 'prose' ? one.replace(/\r\n/g, '\n') : one.replace(/\s+/g, ' '));
    }
  }
  return { draft: d, problems };
}
