/**
 * EOIR motion fees by date of effect (domain reference 1.8). Rows are chosen by the FILING date,
 * never by today's date. Change a fee here, with its source and confidence; the rules read only
 * this table. Amounts are US dollars.
 */
import type { Forum } from '../../case/schema.js';
import type { Confidence } from '../ruling.js';

/**
 * What a fee line cites in each forum: the provision that imposes the fee (`owed`) and the one
 * that lists the exemption relied on (`exempt`). A motion to the immigration court cites 8 C.F.R.
 * 1003.24, one to the Board 8 C.F.R. 1003.8 (reference 1.8).
 */
export type FeeCitation = Readonly<Record<Forum, { owed: string; exempt: string }>>;

const sameEverywhere = (citation: string): FeeCitation => ({
  'immigration-court': { owed: citation, exempt: citation },
  bia: { owed: citation, exempt: citation },
});

/** Why a motion may owe no fee. The rules decide which applies to a case. */
export type FeeExemption =
  | 'proceedings-pending' // a motion filed while proceedings are already pending
  | 'in-absentia-notice-or-custody' // INA 240(b)(5)(C)(ii), old 242B(c)(3)(B)
  | 'joint' // jointly filed motion
  | 'fee-free-relief'; // a motion based exclusively on an application that needs no fee (asylum, withholding, CAT)

export interface FeeComponent {
  id: string;
  label: string;
  amount: number;
  citation: FeeCitation;
  /** Exemptions that remove this component. */
  exemptions: readonly FeeExemption[];
  /** Whether an EOIR-26A fee waiver can cover it; null where that is unverified. */
  waivable: boolean | null;
  confidence: Confidence;
}

export interface FeeScheduleRow {
  id: string;
  /** First filing date the row applies to. */
  from: string;
  /** Last filing date the row applies to; absent while in force. */
  to?: string;
  components: readonly FeeComponent[];
  source: string;
}

const REGULATORY_MOTION_FEE_CITATION: FeeCitation = {
  'immigration-court': { owed: '8 C.F.R. 1003.24(b)', exempt: '8 C.F.R. 1003.24(b)(2)' },
  bia: { owed: '8 C.F.R. 1003.8(a)', exempt: '8 C.F.R. 1003.8(a)(2)' },
};

/**
 * The paragraph of the regulatory exemption list a motion relies on, where the reference gives it
 * (reference 1.5 E3: 1003.24(b)(2)(iii) for an in absentia motion on lack of notice or custody;
 * E5: 1003.24(b)(2)(v) for a joint motion); elsewhere the list as a whole is cited.
 */
export const EXEMPTION_PIN_CITES: Partial<Record<FeeExemption, Partial<Record<Forum, string>>>> = {
  'in-absentia-notice-or-custody': { 'immigration-court': '8 C.F.R. 1003.24(b)(2)(iii)' },
  joint: { 'immigration-court': '8 C.F.R. 1003.24(b)(2)(v)' },
};

export const FEE_SCHEDULE: readonly FeeScheduleRow[] = [
  {
    id: 'eoir-1986',
    from: '1986-01-01',
    to: '2025-07-03',
    source: 'https://codes.findlaw.com/cfr/title-8-aliens-and-nationality/cfr-sect-8-1003-8/',
    components: [
      {
        id: 'motion-fee',
        label: 'motion to reopen fee',
        amount: 110,
        citation: REGULATORY_MOTION_FEE_CITATION,
        exemptions: ['proceedings-pending', 'in-absentia-notice-or-custody', 'joint', 'fee-free-relief'],
        waivable: true,
        confidence: 'high',
      },
    ],
  },
  {
    id: 'obbba-2025',
    from: '2025-07-04',
    source:
      'https://immpolicytracking.org/policies/20250709-doj-eoir-pm-25-35-statutory-fees-under-the-one-big-beautiful-bill-act ; https://law.lawstack.com/cfr/8/1003.24/',
    components: [
      {
        id: 'motion-fee',
        label: 'motion to reopen fee',
        amount: 110,
        citation: REGULATORY_MOTION_FEE_CITATION,
        // The fee-free-relief exemption is no longer in 8 C.F.R. 1003.24(b)(2) (reference 1.8, [M]).
        exemptions: ['proceedings-pending', 'in-absentia-notice-or-custody', 'joint'],
        waivable: true,
        confidence: 'medium',
      },
      {
        id: 'obbba-motion-fee',
        label: 'statutory fee for a motion to reopen (Pub. L. No. 119-21, § 100013)',
        amount: 900,
        citation: sameEverywhere('Pub. L. No. 119-21, § 100013 (2025); 8 U.S.C. 1812; EOIR PM 25-36'),
        exemptions: ['in-absentia-notice-or-custody'],
        waivable: null,
        confidence: 'medium',
      },
    ],
  },
];

/** Fees of an asylum application filed with the motion, from July 4, 2025 (reference 1.8). */
export const ASYLUM_APPLICATION_FEES = {
  from: '2025-07-04',
  initial: 100,
  annual: 100,
  citation: 'Pub. L. 119-21; EOIR PM 25-36',
  waivable: false,
  confidence: 'high' as Confidence,
};

/** The fee waiver request and the rule that allows it in each forum (an immigration judge: 8 C.F.R. 1003.24(d), [M]; the Board: 1003.8(a)(3)). */
export const FEE_WAIVER = {
  form: 'EOIR-26A',
  citation: { 'immigration-court': '8 C.F.R. 1003.24(d)', bia: '8 C.F.R. 1003.8(a)(3)' } as Readonly<Record<Forum, string>>,
};

/**
 * The fee for Form I-246, Application for a Stay of Deportation or Removal (reference 2.4):
 * $155 since 1989. A rule proposed on May 7, 2026 would raise it to $755; a proposal is not in
 * force, so it is listed only to be shown, never charged (add a row with its date of effect when a
 * final rule takes effect).
 */
export const ICE_STAY_FEES: readonly { from: string; to?: string; amount: number; citation: string; payableTo: string; confidence: Confidence }[] = [
  { from: '1989-01-01', amount: 155, citation: '8 C.F.R. 103.7(b)(1); Form I-246 instructions', payableTo: 'the U.S. Department of Homeland Security', confidence: 'high' },
];
export const ICE_STAY_FEE_PROPOSAL = { amount: 755, proposed: '2026-05-07', citation: 'DHS notice of proposed rulemaking, May 7, 2026' };
