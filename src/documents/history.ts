/**
 * The facts every filing about the order states the same way: the order and its appeal, earlier
 * motions, custody and transfers, and the certificate of service. The motion to reopen and the
 * stay motions both build on these, so they never contradict each other.
 */
import { countryName, entryOf, formatLong, formatTime, US_STATE_NAMES, type Case } from '../case/index.js';
import { isPending } from '../rules/stays.js';
import { addressLines } from './common.js';
import { orBlank, type BuildContext } from './context.js';

export const ORDER_WORDS: Record<Case['proceedings']['type'], { verb: string; noun: string }> = {
  removal: { verb: 'removed', noun: 'removal' },
  deportation: { verb: 'deported', noun: 'deportation' },
  exclusion: { verb: 'excluded and deported', noun: 'exclusion' },
};


export function appealView(c: Case) {
  const { order, appealDecision } = c.proceedings;
  // An absent respondent waived and reserved nothing: an in absentia order is described without them.
  if (order.inAbsentia && order.appeal !== 'filed') return null;
  const outcome: Record<string, string> = {
    dismissed: 'dismissed the appeal',
    sustained: 'sustained the appeal',
    remanded: 'remanded the record to the Immigration Judge',
    rejected: 'rejected the appeal',
  };
  return {
    waived: order.appeal === 'waived',
    reserved: order.appeal === 'reserved',
    pending: order.appeal === 'filed' && !appealDecision,
    decided: appealDecision ? { date: formatLong(appealDecision.date), outcome: outcome[appealDecision.outcome]! } : null,
  };
}

/** "Youngstown, Ohio": a place in prose, the state written out. */
export function placeName(a: { city: string; state: string; country?: string | undefined }): string {
  return a.country !== undefined && a.country !== 'US' ? `${a.city}, ${countryName(a.country)}` : `${a.city}, ${entryOf(US_STATE_NAMES, a.state) ?? a.state}`;
}

export function custodyView(c: Case) {
  const k = c.custody;
  if (k.status !== 'detained') return null;
  return {
    since: k.since ? formatLong(k.since) : null,
    facility: k.facility?.name ?? null,
    place: k.facility ? placeName(k.facility.address) : null,
    removal: k.scheduledRemoval ? { date: formatLong(k.scheduledRemoval.date), time: k.scheduledRemoval.time ? formatTime(k.scheduledRemoval.time) : null } : null,
    // Each facility the respondent has left, in order: where and when.
    transfers: (k.transfers ?? [])
      .filter((t) => t.to !== undefined)
      .map((t) => ({ facility: t.facility.name, place: placeName(t.facility.address), from: formatLong(t.from), to: formatLong(t.to!) })),
  };
}


/** The procedural history as the filings tell it. */
export function historyView(c: Case) {
  return {
    orderDate: formatLong(c.proceedings.order.date),
    inAbsentia: c.proceedings.order.inAbsentia,
    judge: c.proceedings.judge ?? null,
    appeal: appealView(c),
    priorMotions: (c.proceedings.priorMotions ?? []).map((m) => ({
      kind: m.kind === 'reopen' ? 'a motion to reopen' : 'a motion to reconsider',
      body: m.forum === 'bia' ? 'the Board' : 'the Immigration Court',
      filed: formatLong(m.filed),
      outcome: isPending(m) ? 'remains pending' : m.decided ? `was ${m.outcome ?? 'decided'} on ${formatLong(m.decided)}` : `was ${m.outcome}`,
    })),
    custody: custodyView(c),
  };
}

/** "a native and citizen of Iraq", or native of one country and citizen of another. */
export function nativeOf(c: Case): string {
  const r = c.respondent;
  return r.placeOfBirth && r.placeOfBirth.country !== r.nationality
    ? `a native of ${countryName(r.placeOfBirth.country)} and a citizen of ${countryName(r.nationality)}`
    : `a native and citizen of ${countryName(r.nationality)}`;
}

const SERVICE_WORDS: Record<string, string> = {
  mail: 'by first-class mail, postage prepaid',
  hand: 'by hand delivery',
  email: 'by electronic mail',
};

/** The certificate of service (ICPM 3.2, Appendix F; BIA PM 3.2; V14). None for a joint motion. */
export function certificateView(ctx: BuildContext, documentName: string) {
  const c = ctx.case;
  if (c.motion?.basis === 'joint') return null;
  const method = ctx.need('service.method', c.service?.method);
  const s = c.service;
  const mailed = s?.method === 'mail' || s?.method === 'hand';
  return {
    documentName,
    ecas: s?.method === 'ecas',
    missing: typeof method === 'object' ? method : null,
    how: s && s.method !== 'ecas' ? (SERVICE_WORDS[s.method] ?? s.method) : null,
    office: s && s.method !== 'ecas' ? ctx.need('service.dhsOffice', s.dhsOffice) : null,
    // Mail is addressed; a hand delivery is made at an address.
    addressLead: s?.method === 'hand' ? 'at the following address:' : 'addressed as follows:',
    address: mailed
      ? (() => {
          const a = ctx.need('service.address', s?.address);
          return 'street' in a ? addressLines(a) : [a];
        })()
      : null,
    date: s?.date ? formatLong(s.date) : orBlank(undefined, 'date of service'),
    signer: c.counsel.name,
  };
}

