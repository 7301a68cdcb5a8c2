/**
 * The catalogue of document kinds: which documents a case asks for, and which facts each cannot
 * be filed without (domain reference 5 and 8; case format "Document ids").
 *
 * A fact only known at signing (service date, fee receipt, a translator's name) is never listed
 * here: it prints as a labelled blank. What is listed blocks a final document and shows in
 * `check` as a warning naming the field.
 */
import type { Agency, Case } from '../case/index.js';
import { trusting, type Guard } from '../case/taint.js';
import type { Evaluation } from '../rules/evaluate.js';
import { needsInterpretation, translatedExhibits } from './certificates.js';
import { buildContext } from './context.js';
import type { MissingFact } from './context.js';
import { buildView } from './registry.js';

export type DocumentId =
  | 'motion-to-reopen'
  | 'respondent-declaration'
  | 'stay-motion-immigration-court'
  | 'stay-motion-bia'
  | 'ice-stay-request'
  | `records-${Agency}`
  | 'identity-declaration'
  | 'certificate-of-translation'
  | 'certificate-of-interpretation'
  | 'filing-checklist';

export type { MissingFact } from './context.js';

export interface DocumentKind {
  id: DocumentId;
  /** How the document is named to the user ("the motion to reopen"). */
  title: string;
  wanted(c: Case, ev: Evaluation): boolean;
  /** The facts the document cannot be filed without that the case lacks. */
  needs(c: Case, ev: Evaluation): MissingFact[];
}

/** What a document lacks is what building its view finds missing: check and generate cannot disagree. */
const built = (id: DocumentId) => (c: Case, ev: Evaluation) => [...buildView(id, c, ev).missing];

function records(agency: Agency, title: string): DocumentKind {
  return {
    id: `records-${agency}`,
    title,
    // One request per agency asked, unless it has already produced the records (rules/records.ts).
    wanted: (c, ev) => (c.records?.agencies ?? []).includes(agency) && ev.records.some((r) => r.agency === agency && r.stage !== 'produced'),
    needs: built(`records-${agency}`),
  };
}

export const CATALOGUE: readonly DocumentKind[] = [
  {
    id: 'motion-to-reopen',
    title: 'motion to reopen',
    wanted: (c) => c.motion !== undefined,
    needs: built('motion-to-reopen'),
  },
  {
    id: 'respondent-declaration',
    title: "respondent's declaration",
    // An attorney who already has the signed declaration files it as an exhibit file; Reopen then
    // writes none, unless the case gives the account to print or an exhibit names it.
    wanted: (c) => c.motion !== undefined && (c.declaration !== undefined || filesDeclaration(c) || !hasSignedDeclaration(c)),
    needs: built('respondent-declaration'),
  },
  {
    id: 'stay-motion-immigration-court',
    title: 'motion to stay removal (immigration judge)',
    wanted: (c) => c.stay?.immigrationCourt === true,
    needs: built('stay-motion-immigration-court'),
  },
  {
    id: 'stay-motion-bia',
    title: 'motion to stay removal (Board)',
    wanted: (c) => c.stay?.bia === true,
    needs: built('stay-motion-bia'),
  },
  {
    id: 'ice-stay-request',
    title: 'ICE stay of removal request',
    wanted: (c) => c.stay?.ice === true,
    needs: built('ice-stay-request'),
  },
  records('uscis', 'USCIS records request'),
  records('ice', 'ICE records request'),
  records('cbp', 'CBP records request'),
  records('obim', 'OBIM records request'),
  records('eoir', 'EOIR records request'),
  records('state', 'State Department records request'),
  records('fbi', 'FBI identity history request'),
  {
    id: 'identity-declaration',
    title: 'identity declaration and consent',
    // Enclosed with each new FOIA request (a status inquiry needs none).
    wanted: (_c, ev) => ev.records.some((r) => r.route === 'foia' && r.stage === 'request'),
    needs: built('identity-declaration'),
  },
  {
    id: 'certificate-of-translation',
    title: 'certificate of translation',
    wanted: (c) => translatedExhibits(c).length > 0,
    needs: built('certificate-of-translation'),
  },
  {
    id: 'certificate-of-interpretation',
    title: 'certificate of interpretation',
    // Every document the respondent signs in this packet, read to them by an interpreter.
    wanted: (c, ev) => needsInterpretation(buildContext(c, ev)),
    needs: built('certificate-of-interpretation'),
  },
  { id: 'filing-checklist', title: 'filing checklist', wanted: (c) => c.motion !== undefined, needs: () => [] },
];

/** A declaration the attorney already has, signed, as an exhibit file (kind "declaration" with a file). */
export function hasSignedDeclaration(c: Case): boolean {
  return (c.motion?.evidence ?? []).some((e) => e.kind === 'declaration' && e.file !== undefined);
}

/** An exhibit files the declaration Reopen writes at its tab. */
export function filesDeclaration(c: Case): boolean {
  return (c.motion?.evidence ?? []).some((e) => e.document === 'respondent-declaration');
}

export interface PlannedDocument {
  id: DocumentId;
  title: string;
  missing: MissingFact[];
}

/**
 * The documents a case asks for, in catalogue order, each with the facts it still lacks. On a
 * case repaired from an invalid one, `guard` leaves out a document whose need cannot be known and
 * the missing facts that cannot be trusted.
 */
export function planDocuments(c: Case, ev: Evaluation, guard: Guard = trusting): PlannedDocument[] {
  return CATALOGUE.filter((k) => guard(() => k.wanted(c, ev), false)).map((k) => ({
    id: k.id,
    title: k.title,
    missing: guard(() => unique(k.needs(c, ev)), [] as MissingFact[]),
  }));
}

function unique(missing: readonly MissingFact[]): MissingFact[] {
  return missing.filter((m, i) => missing.findIndex((n) => n.path === m.path) === i);
}
