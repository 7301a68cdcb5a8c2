/**
 * The documents Reopen writes: each kind's view-model builder, by document id. A document's
 * template is templates/<id>/, unless its view names another (`templateId`): the seven records
 * requests share three templates (FOIA, record of proceedings, FBI), the two stay motions one.
 */
import type { DocumentId } from './catalogue.js';
import { buildContext, type BuildContext, type FilingFacts, type MissingFact } from './context.js';
import { motionToReopenView } from './motion-to-reopen.js';
import { respondentDeclarationView } from './respondent-declaration.js';
import { filingChecklistView } from './filing-checklist.js';
import { exhibitPlaceholderViews, exhibitTabViews } from './exhibit-tab.js';
import { certificateOfInterpretationParts, certificateOfInterpretationView, certificateOfTranslationParts, certificateOfTranslationView } from './certificates.js';
import { iceStayRequestView } from './ice-stay-request.js';
import { identityDeclarationView } from './identity-declaration.js';
import { recordsRequestView } from './records-request.js';
import { stayMotionView } from './stay-motion.js';
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
  'stay-motion-immigration-court': (ctx) => ({ ...stayMotionView('immigration-court')(ctx), templateId: 'stay-motion' }),
  'stay-motion-bia': (ctx) => ({ ...stayMotionView('bia')(ctx), templateId: 'stay-motion' }),
  'ice-stay-request': iceStayRequestView,
  'records-uscis': recordsRequestView('uscis'),
  'records-ice': recordsRequestView('ice'),
  'records-cbp': recordsRequestView('cbp'),
  'records-obim': recordsRequestView('obim'),
  'records-eoir': recordsRequestView('eoir'),
  'records-state': recordsRequestView('state'),
  'records-fbi': recordsRequestView('fbi'),
  'identity-declaration': identityDeclarationView,
  'certificate-of-translation': certificateOfTranslationView,
  'certificate-of-interpretation': certificateOfInterpretationView,
  'filing-checklist': filingChecklistView,
};

/**
 * Templates several documents share, with the documents that may use each. Which one a document
 * uses can depend on the case (the EOIR request is a record-of-proceedings request when counsel is
 * of record, a FOIA request otherwise), so a view names its template in `templateId`.
 */
export const SHARED_TEMPLATES: Readonly<Record<string, readonly DocumentId[]>> = {
  'stay-motion': ['stay-motion-immigration-court', 'stay-motion-bia'],
  'records-foia': ['records-uscis', 'records-ice', 'records-cbp', 'records-obim', 'records-eoir', 'records-state'],
  'records-rop': ['records-eoir'],
  'records-fbi': ['records-fbi'],
  // A status inquiry about a request already sent, for any agency.
  'records-followup': ['records-uscis', 'records-ice', 'records-cbp', 'records-obim', 'records-eoir', 'records-state', 'records-fbi'],
};

/** The template a built view is written with: its own `templateId`, or the document's id. */
export function templateOf(built: BuiltView): string {
  const named = built.view['templateId'];
  return typeof named === 'string' ? named : built.id;
}

/** Every template a document may be written with (shared ones once), for `templates check`. */
export function documentTemplateIds(): string[] {
  const shared = new Set(Object.values(SHARED_TEMPLATES).flat());
  const own = (Object.keys(BUILDERS) as DocumentId[]).filter((id) => !shared.has(id));
  return [...new Set([...own, ...Object.keys(SHARED_TEMPLATES)])];
}

/**
 * Templates that are parts of a filing rather than documents of their own, with the views a case
 * gives them (one per exhibit for the tab sheets).
 */
export const PART_VIEWS: Record<string, (ctx: BuildContext) => { index: number; view: unknown }[]> = {
  'exhibit-tab': exhibitTabViews,
  'exhibit-placeholder': exhibitPlaceholderViews,
  // Each translated exhibit's certificate, behind the exhibit in the combined filing.
  'certificate-of-translation': certificateOfTranslationParts,
  // The interpreter's certificate, behind the respondent's declaration at its tab.
  'certificate-of-interpretation': certificateOfInterpretationParts,
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
