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
