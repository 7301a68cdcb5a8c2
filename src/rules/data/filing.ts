/**
 * How Reopen plans a filing's delivery (domain reference 3.1, 3.5, 6.1.4). EOIR filings count on
 * RECEIPT, with no mailbox rule, so a paper filing must be sent early enough to arrive by the
 * deadline. The transit and buffer figures are Reopen's own conservative defaults: the reference
 * gives none, so they are marked low confidence and shown with their basis.
 */
import type { Confidence } from '../ruling.js';

export const PAPER_DELIVERY = {
  /** Business days an overnight or two-day courier may take to reach the court. */
  transitBusinessDays: 2,
  /** Business days of margin for a late courier or a mistake found at the last minute. */
  bufferBusinessDays: 1,
  citation: 'ICPM 3.1(a)(3); 8 C.F.R. 1003.13 (filing means actual receipt)',
  basis: 'an estimate: 2 business days for courier delivery and 1 more to spare',
  confidence: 'low' as Confidence,
};

export const ECAS = {
  /** Each uploaded document must be 25 MB or smaller; larger ones are split into numbered parts. */
  maxFileBytes: 25 * 1000 * 1000,
  citation: 'EOIR, Guidelines for Uploading Documents (ECAS); ECAS User Manual (Sept. 25, 2022)',
  confidence: 'medium' as Confidence,
  mandatorySince: '2022-02-11',
  mandatoryCitation: '86 Fed. Reg. 70708 (ECAS final rule)',
};

/**
 * Days DHS has to respond to a motion (reference 1.7): before the immigration judge, 10 days after
 * the court receives it, unless the judge sets another date; before the Board, 13 days from
 * service ([M]).
 */
export const RESPONSE_PERIODS = {
  'immigration-court': { days: 10, from: 'the court receives the motion', citation: 'ICPM 5.8; 8 C.F.R. 1003.23(a)', confidence: 'high' as Confidence },
  bia: { days: 13, from: 'service of the motion', citation: '8 C.F.R. 1003.2(g)(3)', confidence: 'medium' as Confidence },
} as const;

/**
 * A petition for review is due 30 days after a final order, in the court of appeals for the
 * circuit where the immigration judge completed the proceedings (reference 2.5). Since Riley v.
 * Bondi (2025) the limit is a mandatory claim-processing rule, not a jurisdictional one; it is
 * treated as strict. A motion to reopen does not extend it (Stone v. INS, 514 U.S. 386 (1995)).
 */
export const PETITION_FOR_REVIEW = {
  days: 30,
  citation: '8 U.S.C. 1252(b)(1); Fed. R. App. P. 26(a)',
  confidence: 'high' as Confidence,
};
