/**
 * How and when the motion reaches the court: ECAS or paper, and for paper the day to send it so
 * that it arrives by the deadline (domain reference 3.1, 3.5, 6.1.4; validation rule V17).
 */
import type { Case, Forum } from '../case/index.js';
import { compareDates } from '../case/civil-date.js';
import { businessDaysBefore } from './calendar.js';
import { ECAS, PAPER_DELIVERY } from './data/filing.js';
import type { Deadline } from './deadlines.js';
import type { Confidence } from './ruling.js';

export interface Delivery {
  method: 'ecas' | 'paper';
  citation: string;
  explanation: string;
  /** The deadline the filing must arrive by; null when no time limit applies. */
  arriveBy: string | null;
  /** For paper: the last day to send it; null for ECAS or without a deadline. */
  sendBy: string | null;
  sendByBasis: string | null;
  confidence: Confidence;
  maxFileBytes: number;
}

export function delivery(c: Case, deadline: Deadline | undefined, asOf: string, forum: Forum = 'immigration-court'): Delivery {
  const chosen = c.filing?.method;
  const mandatory = compareDates(c.filing?.date ?? asOf, ECAS.mandatorySince) >= 0;
  const electronic = c.proceedings.recordFormat === 'electronic';
  const method: Delivery['method'] = chosen ?? (electronic ? 'ecas' : 'paper');
  const arriveBy = deadline?.due ?? null;
  // The Board or the court: whichever receives this motion (reference 1.2).
  const body = forum === 'bia' ? 'the Board' : 'the court';
  const explanation =
    method === 'ecas' && !electronic
      ? `The case asks for ECAS, but it does not say the record of proceedings is electronic; only cases with an electronic record can be e-filed, so confirm it in the ECAS case portal first (${ECAS.citation}).`
      : method === 'ecas'
      ? mandatory
        ? `The record of proceedings is electronic, and since February 11, 2022 attorneys and accredited representatives must e-file in ECAS cases (${ECAS.mandatoryCitation}). Each uploaded file must be ${ECAS.maxFileBytes / 1_000_000} MB or smaller.`
        : `The record of proceedings is electronic, so the case can be e-filed through ECAS (mandatory for attorneys only from February 11, 2022). Each uploaded file must be ${ECAS.maxFileBytes / 1_000_000} MB or smaller.`
      : chosen === 'paper' || !electronic
        ? `${c.proceedings.recordFormat === 'paper' ? 'The record of proceedings is on paper, so the case is not eligible for ECAS' : 'The case does not say the record is electronic, so plan for paper'}. A filing counts only when ${body} receives it; there is no mailbox rule.`
        : `The case asks for a paper filing. A filing counts only when ${body} receives it; there is no mailbox rule.`;
  let sendBy: string | null = null;
  let sendByBasis: string | null = null;
  if (method === 'paper' && arriveBy !== null) {
    sendBy = businessDaysBefore(arriveBy, PAPER_DELIVERY.transitBusinessDays + PAPER_DELIVERY.bufferBusinessDays);
    sendByBasis = PAPER_DELIVERY.basis;
  }
  return {
    method,
    citation: method === 'ecas' ? `${ECAS.mandatoryCitation}; ${ECAS.citation}` : PAPER_DELIVERY.citation,
    explanation,
    arriveBy,
    sendBy,
    sendByBasis,
    confidence: sendBy ? PAPER_DELIVERY.confidence : 'high',
    maxFileBytes: ECAS.maxFileBytes,
  };
}
