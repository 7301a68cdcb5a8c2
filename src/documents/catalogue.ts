/**
 * The catalogue of document kinds: which documents a case asks for, and which facts each cannot
 * be filed without (domain reference 5 and 8; case format "Document ids").
 *
 * A fact only known at signing (service date, fee receipt, a translator's name) is never listed
 * here: it prints as a labelled blank. What is listed blocks a final document and shows in
 * `check` as a warning naming the field.
 */
import { labelOf, type Agency, type Case } from '../case/index.js';
import { trusting, type Guard } from '../case/taint.js';
import { findCourt } from '../rules/courts.js';
import type { Evaluation } from '../rules/evaluate.js';
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

const facts = (paths: readonly string[]): MissingFact[] => paths.map((path) => ({ path, label: labelOf(path) }));

function serviceNeeds(c: Case): MissingFact[] {
  return facts(servicePaths(c));
}

function servicePaths(c: Case): string[] {
  if (c.motion?.basis === 'joint') return []; // joint motions need no service (ICPM 3.2(b))
  const s = c.service;
  if (!s) return ['service.method'];
  if (s.method === 'mail' || s.method === 'hand') {
    return [...(s.dhsOffice ? [] : ['service.dhsOffice']), ...(s.address ? [] : ['service.address'])];
  }
  if (s.method === 'email' && !s.dhsOffice) return ['service.dhsOffice'];
  return [];
}

const recordsRoute = (ev: Evaluation, agency: Agency) => ev.records.find((r) => r.agency === agency)?.route;

function records(agency: Agency, title: string): DocumentKind {
  return {
    id: `records-${agency}`,
    title,
    wanted: (c) => (c.records?.agencies ?? []).includes(agency),
    needs: (c, ev) => {
      const needs: string[] = [];
      if (!c.respondent.placeOfBirth) needs.push('respondent.placeOfBirth');
      if (agency === 'fbi' && !c.respondent.sex) needs.push('respondent.sex');
      if (recordsRoute(ev, agency) === 'rop-request' && !c.proceedings.court.code && !findCourt(c.proceedings.court.name)) {
        needs.push('proceedings.court.code');
      }
      return facts(needs);
    },
  };
}

export const CATALOGUE: readonly DocumentKind[] = [
  {
    id: 'motion-to-reopen',
    title: 'motion to reopen',
    wanted: (c) => c.motion !== undefined,
    needs: (c, ev) => [...buildView('motion-to-reopen', c, ev).missing],
  },
  {
    id: 'respondent-declaration',
    title: "respondent's declaration",
    // An attorney who already has the signed declaration files it as an exhibit file; Reopen then
    // writes none, unless the case gives the account to print or an exhibit names it.
    wanted: (c) => c.motion !== undefined && (c.declaration !== undefined || filesDeclaration(c) || !hasSignedDeclaration(c)),
    needs: (c, ev) => [...buildView('respondent-declaration', c, ev).missing],
  },
  {
    id: 'stay-motion-immigration-court',
    title: 'motion to stay removal (immigration judge)',
    wanted: (c) => c.stay?.immigrationCourt === true,
    needs: (c) => serviceNeeds(c),
  },
  {
    id: 'stay-motion-bia',
    title: 'motion to stay removal (Board)',
    wanted: (c) => c.stay?.bia === true,
    needs: (c) => serviceNeeds(c),
  },
  {
    id: 'ice-stay-request',
    title: 'ICE stay of removal request',
    wanted: (c) => c.stay?.ice === true,
    needs: (c) => facts(c.custody.status === 'detained' && !c.custody.facility?.eroFieldOffice ? ['custody.facility.eroFieldOffice'] : []),
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
    wanted: (_c, ev) => ev.records.some((r) => r.route === 'foia'),
    needs: (c) => facts(c.respondent.placeOfBirth ? [] : ['respondent.placeOfBirth']),
  },
  {
    id: 'certificate-of-translation',
    title: 'certificate of translation',
    wanted: (c) => (c.motion?.evidence ?? []).some((e) => e.translated === true || (e.language !== undefined && e.language !== 'en')),
    needs: () => [],
  },
  {
    id: 'certificate-of-interpretation',
    title: 'certificate of interpretation',
    wanted: (c) => c.motion !== undefined && (c.respondent.languages ?? []).some((l) => l.interpreterNeeded === true),
    needs: () => [],
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
