/**
 * The fee a motion to reopen owes on its filing date, and why (domain reference 1.8; V10).
 */
import type { Basis, Case, Forum } from '../case/index.js';
import { compareDates, formatLong } from '../case/civil-date.js';
import { ASYLUM_APPLICATION_FEES, EXEMPTION_PIN_CITES, FEE_SCHEDULE, FEE_WAIVER, type FeeExemption, type FeeScheduleRow } from './data/fees.js';
import { appealPending } from './forum.js';
import { PROTECTION_RELIEF } from './forms.js';
import type { Confidence } from './ruling.js';

export interface FeeLine {
  id: string;
  label: string;
  amount: number;
  citation: string;
  /** Set when an exemption removes this line: what it is and why it applies. */
  exemptBecause?: string;
  waivable: boolean | null;
  confidence: Confidence;
}

export interface FeeRuling {
  /** The date the fee table was read on: the filing date, or the check date when none is set. */
  on: string;
  schedule: string;
  lines: FeeLine[];
  /** What the motion owes, after exemptions. */
  owed: number;
  /** How the filer said the fee is handled, if they did. */
  mode: 'paid' | 'waiver-requested' | 'exempt' | null;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

const EXEMPTION_WORDS: Record<FeeExemption, string> = {
  'proceedings-pending': 'the motion is filed while proceedings are pending before the Board',
  'in-absentia-notice-or-custody': 'the motion seeks to rescind an in absentia order for lack of notice or because the respondent was in custody',
  joint: 'the motion is agreed upon by the parties and filed jointly',
  'fee-free-relief':
    'the motion is based exclusively on an application for relief that does not require a fee (asylum, withholding of removal and protection under the Convention Against Torture)',
};


/** "$1,010": dollars with thousands separators, without the locale machinery (rules stay pure). */
export const usd = (n: number) => `$${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

export function scheduleOn(date: string): FeeScheduleRow {
  const row = FEE_SCHEDULE.find((r) => compareDates(r.from, date) <= 0 && (r.to === undefined || compareDates(date, r.to) <= 0));
  // The table starts in 1986 and the last row is open-ended, so only a pre-1986 date misses.
  return row ?? FEE_SCHEDULE[0]!;
}

function exemptionsFor(c: Case, basis: Basis): Set<FeeExemption> {
  const found = new Set<FeeExemption>();
  if (appealPending(c)) found.add('proceedings-pending');
  if (basis === 'in-absentia-no-notice' || basis === 'in-absentia-in-custody') found.add('in-absentia-notice-or-custody');
  if (basis === 'joint' || c.motion?.dhsPosition === 'joins') found.add('joint');
  const relief = c.motion?.reliefSought ?? [];
  if (relief.length > 0 && relief.every((r) => PROTECTION_RELIEF.has(r))) found.add('fee-free-relief');
  return found;
}

/**
 * The fee a motion on `basis` filed in `forum` owes on its filing date (or `asOf` without one):
 * each line of the schedule in force, with its amount in US dollars, the exemption that removes it
 * if any, and the provision of that forum it rests on (reference 1.8; V10).
 */
export function motionFee(c: Case, basis: Basis, forum: Forum, asOf: string): FeeRuling {
  const on = c.filing?.date ?? asOf;
  const row = scheduleOn(on);
  const applicable = exemptionsFor(c, basis);
  const lines: FeeLine[] = row.components.map((comp) => {
    const hit = comp.exemptions.find((e) => applicable.has(e));
    const line: FeeLine = {
      id: comp.id,
      label: comp.label,
      amount: comp.amount,
      citation: hit ? (comp.id === 'motion-fee' ? EXEMPTION_PIN_CITES[hit]?.[forum] : undefined) ?? comp.citation[forum].exempt : comp.citation[forum].owed,
      waivable: comp.waivable,
      confidence: comp.confidence,
    };
    if (hit) line.exemptBecause = EXEMPTION_WORDS[hit];
    return line;
  });
  if ((c.motion?.reliefSought ?? []).includes('asylum') && compareDates(on, ASYLUM_APPLICATION_FEES.from) >= 0) {
    lines.push({
      id: 'asylum-application-fee',
      label: 'asylum application fee (Form I-589 filed with the motion)',
      amount: ASYLUM_APPLICATION_FEES.initial,
      citation: ASYLUM_APPLICATION_FEES.citation,
      waivable: ASYLUM_APPLICATION_FEES.waivable,
      confidence: ASYLUM_APPLICATION_FEES.confidence,
    });
  }
  const owed = lines.filter((l) => l.exemptBecause === undefined).reduce((sum, l) => sum + l.amount, 0);
  const confidence: Confidence = lines.some((l) => l.confidence === 'low')
    ? 'low'
    : lines.some((l) => l.confidence === 'medium')
      ? 'medium'
      : 'high';
  const parts = lines.map((l) =>
    l.exemptBecause ? `no ${l.label} (${usd(l.amount)}) because ${l.exemptBecause}` : `${usd(l.amount)} ${l.label}`,
  );
  const explanation =
    `On ${formatLong(on)} the fee schedule "${row.id}" applies: ${parts.join('; ')}. ` +
    (owed > 0
      ? `The motion owes ${usd(owed)}; pay it with the filing, or ask for a waiver on Form ${FEE_WAIVER.form} (${FEE_WAIVER.citation[forum]}).`
      : 'The motion owes no fee; the motion states the exemption relied on.');
  return {
    on,
    schedule: row.id,
    lines,
    owed,
    mode: c.motion?.fee?.mode ?? null,
    citation: [...new Set(lines.map((l) => l.citation))].join('; '),
    explanation,
    confidence,
  };
}
