/**
 * The documents Reopen can write today: each kind's view-model builder, by document id.
 * The template of the same id is in templates/<id>/.
 */
import type { DocumentId } from './catalogue.js';
import { buildContext, type BuildContext, type FilingFacts, type MissingFact } from './context.js';
import { motionToReopenView } from './motion-to-reopen.js';
import { respondentDeclarationView } from './respondent-declaration.js';
import { filingChecklistView } from './filing-checklist.js';
import { exhibitPlaceholderViews, exhibitTabViews } from './exhibit-tab.js';
import type { Case } from '../case/index.js';
import type { Evaluation } from '../rules/evaluate.js';
import type { Furniture } from './common.js';

export interface BuiltView {
  id: DocumentId;
  view: { furniture: Furniture; title: string } & Record<string, unknown>;
  /** Facts the document cannot be filed without that the case lacks. */
  missing: readonly MissingFact[];
}

type Builder = (ctx: BuildContext) => BuiltView['view'];

export const BUILDERS: Partial<Record<DocumentId, Builder>> = {
  'motion-to-reopen': motionToReopenView,
  'respondent-declaration': respondentDeclarationView,
  'filing-checklist': filingChecklistView,
};

/**
 * Templates that are parts of a filing rather than documents of their own, with the views a case
 * gives them (one per exhibit for the tab sheets).
 */
export const PART_VIEWS: Record<string, (ctx: BuildContext) => { index: number; view: unknown }[]> = {
  'exhibit-tab': exhibitTabViews,
  'exhibit-placeholder': exhibitPlaceholderViews,
};

export function buildPartViews(id: string, c: Case, ev: Evaluation, filing?: FilingFacts): { index: number; view: unknown }[] {
  const build = PART_VIEWS[id];
  if (!build) throw new Error(`no view model for the part "${id}"`);
  return build(buildContext(c, ev, filing));
}

export function isBuildable(id: DocumentId): boolean {
  return BUILDERS[id] !== undefined;
}

export function buildView(id: DocumentId, c: Case, ev: Evaluation, filing?: FilingFacts): BuiltView {
  const build = BUILDERS[id];
  if (!build) throw new Error(`no view model for the document "${id}"`);
  const ctx = buildContext(c, ev, filing);
  const view = build(ctx);
  return { id, view, missing: [...ctx.missing] };
}
