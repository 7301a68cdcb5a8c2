/**
 * What a document's view model is built from, and how it records the facts it lacks.
 *
 * A view model calls `need(path, value)` for every fact the document cannot be filed without. A
 * present value passes through; an absent one is recorded and replaced by a missing marker, which
 * a preview prints as [MISSING: path] and a final document never prints (generate refuses first).
 * So the list of what a document lacks comes from building it: check and generate cannot disagree.
 */
import { labelOf, type Case } from '../case/index.js';
import type { Evaluation } from '../rules/evaluate.js';

export interface Missing {
  $marker: 'missing';
  path: string;
}
export interface Blank {
  $marker: 'blank';
  label: string;
}

/** What a view model field may hold. */
export type Text = string | Missing | Blank;

/** What the assembled filing knows that the case does not: where each exhibit lands. */
export interface FilingFacts {
  /** By index in motion.evidence: the pages of the combined filing it occupies, tab sheet first. */
  exhibitPages: ReadonlyMap<number, { first: number; last: number; filePages: number | null }>;
  /** The names of the combined filing's files (one, or numbered parts). */
  files: readonly string[];
  pageCount: number;
}

/** A fact a document cannot be filed without: its field and how messages name it. */
export interface MissingFact {
  path: string;
  label: string;
}

export interface BuildContext {
  case: Case;
  evaluation: Evaluation;
  asOf: string;
  /** Absent until the filing is assembled (check, first pass of generate). */
  filing: FilingFacts | undefined;
  /**
   * `value` when present (not undefined, null or an empty list); otherwise records `path` as a
   * missing fact and gives the marker. `label` names the fact when the field's own label does not
   * say what is missing (an exhibit of a kind, say).
   */
  need<T>(path: string, value: T | undefined | null, label?: string): T | Missing;
  /** Facts recorded by need(), in order. */
  readonly missing: readonly MissingFact[];
}

export function buildContext(c: Case, evaluation: Evaluation, filing?: FilingFacts): BuildContext {
  const missing: MissingFact[] = [];
  return {
    case: c,
    evaluation,
    asOf: evaluation.asOf,
    filing,
    need<T>(path: string, value: T | undefined | null, label?: string): T | Missing {
      if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) return value;
      if (!missing.some((m) => m.path === path)) missing.push({ path, label: label ?? labelOf(path) });
      return { $marker: 'missing', path };
    },
    get missing() {
      return missing;
    },
  };
}

export function isMissing(v: unknown): v is Missing {
  return typeof v === 'object' && v !== null && (v as Missing).$marker === 'missing';
}

/** A signing-time fact: the value when known, else a labelled blank. */
export function orBlank(value: string | undefined, label: string): Text {
  return value ?? { $marker: 'blank', label };
}
