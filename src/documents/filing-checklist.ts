/**
 * The filing checklist: in filing order, every item the motion filing needs, whether this packet
 * holds it or the filer must still supply or sign it, with the deadline, ECAS or paper, and when
 * to send a paper filing (domain reference 1.6, 3.3-3.6, 8; V07, V09-V14, V17).
 *
 * It never contradicts the case: an item "in this packet" is one the packet holds, advice to act
 * by a date is given only while the date is still ahead, and every note is in plain words.
 */
import { compareDates, formatLong, formatTime, RELIEF_LABELS } from '../case/index.js';
import { usd } from '../rules/fees.js';
import { APPLICATION_FORM, FORUM_FORMS } from '../rules/forms.js';
import { FEE_WAIVER } from '../rules/data/fees.js';
import { AGENCY_OFFICES, FBI_IDENTITY_HISTORY } from '../rules/data/agencies.js';
import { PAPER_DELIVERY } from '../rules/data/filing.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { addressLines, fullName, furniture, interpreterLanguage, pronouns, series } from './common.js';
import type { BuildContext } from './context.js';
import { orderExhibits } from './exhibits.js';

type Status = 'In this packet' | 'Supply' | 'Sign' | 'In this packet; sign';

interface Item {
  item: string;
  status: Status;
  note: string;
}

/** How service on DHS is said in a sentence: "Serve DHS ... {how}". */
const HOW_SERVED: Record<string, string> = {
  ecas: 'through ECAS (ECAS serves DHS when the filing is uploaded)',
  mail: 'by first-class mail',
  hand: 'by hand delivery',
  email: 'by email',
};

export function filingChecklistView(ctx: BuildContext) {
  const c = ctx.case;
  const ev = ctx.evaluation;
  const motion = c.motion!;
  const forum = ev.forum!.value;
  const forms = FORUM_FORMS[forum];
  const fee = ev.fee!;
  const deadline = ev.deadlines.find((d) => d.id === 'motion-to-reopen')!;
  const delivery = ev.delivery!;
  const filingName = ctx.filing ? ctx.filing.files.join(', ') : 'the combined filing';
  const items: Item[] = [];
  const pagesOf = (index: number) => {
    const at = ctx.filing?.exhibitPages.get(index);
    return !at ? null : at.first === at.last ? `page ${at.first}` : `pages ${at.first}–${at.last}`;
  };

  const respondents = 1 + (c.respondent.familyMembers ?? []).length;
  items.push({
    item: `Form ${forms.appearance.form}, ${forms.appearance.name}${respondents > 1 ? ` (one for each of the ${respondents} respondents)` : ''}`,
    status: 'Supply',
    note: `Required with every motion to reopen, even when counsel is already of record (${forms.appearance.citation}).${delivery.method === 'ecas' ? ' E-file it in ECAS as its own submission.' : ''}`,
  });
  items.push({
    item: 'Cover page',
    status: 'In this packet',
    note: `First page of ${filingName}.${forum === 'immigration-court' && !c.proceedings.judge ? " Write in the Immigration Judge's name from the record of proceedings (or record it in proceedings.judge)." : ''}`,
  });

  const owed = fee.lines.filter((l) => l.exemptBecause === undefined);
  const mode = motion.fee?.mode;
  for (const l of fee.lines.filter((x) => x.exemptBecause !== undefined)) {
    items.push({ item: `Statement that no ${l.label} is due`, status: 'In this packet', note: `In the motion, part V: ${l.exemptBecause} (${l.citation}).` });
  }
  for (const l of owed) {
    const amount = usd(l.amount);
    if (mode === 'waiver-requested' && l.waivable !== false) {
      items.push({
        item: `Form EOIR-26A, Fee Waiver Request (${l.label}, ${amount})`,
        status: 'Supply',
        note: `Signed, with the declaration of inability to pay (${FEE_WAIVER.citation[forum]}).${l.waivable === null ? ' Whether a waiver covers this fee is not settled: be ready to pay it.' : ''}`,
      });
    } else {
      items.push({ item: `Receipt for the ${l.label} (${amount})`, status: 'Supply', note: `${l.waivable === false ? 'This fee cannot be waived. ' : ''}${l.citation}.` });
    }
  }
  const motionName = isInAbsentiaBasis(motion.basis) ? 'Motion to rescind the in absentia order and reopen' : 'Motion to reopen';
  items.push({
    item: `${motionName} (${motion.basis === 'joint' ? 'joint motion, signed by both parties' : 'signed by counsel'})`,
    status: 'In this packet; sign',
    note: `Counsel signs at the end of the motion (${forum === 'bia' ? 'BIA PM 3.3(b)' : 'ICPM 3.3(b)'}).`,
  });
  items.push({ item: 'Index of exhibits', status: 'In this packet', note: 'Page ranges refer to the combined filing.' });

  const exhibits = orderExhibits(motion.evidence ?? []);
  for (const e of exhibits) {
    const where = pagesOf(e.index);
    const label = `Tab ${e.tab}: ${e.item.title}`;
    if (e.item.document === 'respondent-declaration') {
      items.push({
        item: label,
        status: 'In this packet; sign',
        note: `The declaration Reopen wrote from the respondent's account${where ? `, at ${where} of the filing` : ''}. The respondent signs it under 28 U.S.C. 1746 ${(c.respondent.languages ?? []).some((l) => l.interpreterNeeded) ? `after it is read to ${pronouns(c, 'the respondent').them} in ${interpreterLanguage(c)}` : 'after reading it'}.`,
      });
    } else if (e.item.file) {
      items.push({ item: label, status: 'In this packet', note: where ? `${where[0]!.toUpperCase()}${where.slice(1)} of the filing.` : 'Behind its tab in the filing.' });
    } else {
      items.push({
        item: label,
        status: 'Supply',
        note:
          e.item.pages !== undefined
            ? `No file was given: replace the ${e.item.pages} placeholder page${e.item.pages === 1 ? '' : 's'} behind its tab sheet${where ? ` (${where} of the filing)` : ''} with the document.`
            : `No file and no page count were given: insert it behind its tab sheet; the page numbers after it will shift unless its page count is given.`,
      });
    }
    if (e.item.translated === true || (e.item.language !== undefined && e.item.language !== 'en')) {
      if (e.item.translated !== true) {
        items.push({ item: `English translation of Tab ${e.tab}`, status: 'Supply', note: 'A document not in English is filed with its English translation (8 C.F.R. 1003.33; ICPM 3.3(a)); put it behind the original.' });
      }
      items.push({
        item: `Certificate of translation for Tab ${e.tab}`,
        status: 'In this packet; sign',
        note: `Behind the exhibit in the filing. The translator ${c.translation?.translator ? 'dates and signs it' : "fills in their name, address and telephone number, then dates and signs it"} (8 C.F.R. 1003.33; ICPM 3.3(a)).`,
      });
    }
  }
  if (isInAbsentiaBasis(motion.basis)) {
    items.push({
      item: 'The Notice to Appear and the hearing notice, from the record of proceedings',
      status: 'Supply',
      note: 'The addresses they were sent to, and how, are what the motion turns on; add them as exhibits (ICPM 5.9).',
    });
    items.push({
      item: 'Proof of every address the respondent gave the court (Forms EOIR-33/IC) and DHS',
      status: 'Supply',
      note: 'Notice mailed to the last address given to the court is sufficient (INA 239(c), 240(b)(5)(B)); show every address the respondent gave the court.',
    });
  }
  if (motion.priorCounsel) {
    items.push({
      item: `The letter telling ${motion.priorCounsel.name} of the allegations, and any response`,
      status: 'Supply',
      note: 'Proof that former counsel was informed and given a chance to respond (Matter of Lozada, 19 I&N Dec. 637 (BIA 1988)).',
    });
    items.push(
      motion.priorCounsel.barComplaintDate
        ? { item: 'The complaint to the disciplinary authority', status: 'Supply', note: 'A copy of the complaint as filed (Matter of Lozada).' }
        : { item: 'Why no complaint was filed with the disciplinary authority', status: 'In this packet', note: 'Stated in the motion from motion.priorCounsel.barComplaintReasonIfNot (Matter of Lozada).' },
    );
  }
  const relief = (motion.reliefSought ?? []).filter((r) => APPLICATION_FORM[r] !== undefined);
  if (relief.length > 0 && !exhibits.some((e) => e.item.kind === 'application')) {
    items.push({
      item: `Completed application for ${series(relief.map((r) => RELIEF_LABELS[r]))}, with its supporting documents`,
      status: 'Supply',
      note: 'The application must be attached to the motion (8 C.F.R. 1003.23(b)(3); 1003.2(c)(1)); add it to the evidence as an exhibit of kind "application".',
    });
  }
  if (!exhibits.some((e) => e.item.document === 'respondent-declaration' || e.item.kind === 'declaration')) {
    items.push({
      item: "Respondent's declaration",
      status: 'Supply',
      note: 'No exhibit holds it: add an evidence item with "document": "respondent-declaration" so the declaration Reopen writes is filed and indexed at its own tab.',
    });
  }
  if ((c.respondent.languages ?? []).some((l) => l.interpreterNeeded)) {
    const atTab = exhibits.find((e) => e.item.document === 'respondent-declaration');
    items.push({
      item: "Certificate of interpretation for the respondent's declaration",
      status: 'In this packet; sign',
      note: `${atTab ? `Behind the declaration at Tab ${atTab.tab}. ` : 'A separate document in this packet; file it with the declaration. '}The interpreter signs it after reading the declaration to the respondent in a language the respondent understands (ICPM 3.3(a)).`,
    });
  }
  items.push({ item: 'Proposed order', status: 'In this packet', note: `For the ${forum === 'bia' ? 'Board' : 'Immigration Judge'} to sign.` });
  items.push({
    item: `Form ${forms.address.form}, change of address${respondents > 1 ? ' (one for each respondent whose address changed)' : ''}`,
    status: 'Supply',
    note: isInAbsentiaBasis(motion.basis) ? `File it with the motion (${forms.address.withMotion}).` : `If the respondent's address has changed since it was last given (${forms.address.citation}).`,
  });
  items.push(
    motion.basis === 'joint'
      ? { item: 'Certificate of service', status: 'In this packet', note: 'Not required for a joint motion (ICPM 3.2(b)).' }
      : { item: 'Certificate of service', status: 'In this packet; sign', note: `Date and sign it when the copy is served on DHS (${forum === 'bia' ? 'BIA PM 3.2' : 'ICPM 3.2; 8 C.F.R. 1003.32'}).` },
  );

  // What is filed or sent apart from the motion: stay requests and records requests.
  const separate: Item[] = [];
  const stayHere = forum === 'bia' ? c.stay?.bia === true : c.stay?.immigrationCourt === true;
  if (stayHere) {
    separate.push({
      item: `${c.stay?.emergency ? 'Emergency motion' : 'Motion'} to stay removal`,
      status: 'In this packet; sign',
      note: `A separate filing with its own cover page, proposed order and certificate of service; file it with this motion (${forum === 'bia' ? 'BIA PM 6.3' : 'ICPM ch. 8'}). Insert a copy of the order at its Attachment A${c.proceedings.appealDecision ? ", and of the Board's decision at Attachment B" : ''}.${c.stay?.emergency && forum === 'bia' ? " After filing, telephone the Board's emergency stay staff as BIA PM 6.4 directs (confirm the number in the Practice Manual)." : ''}`,
    });
  }
  if (c.stay?.ice === true) {
    separate.push({
      item: 'Application for a stay of removal to ICE (Form I-246)',
      status: 'Supply',
      note: 'Filed in person with the ERO field office, not the court. The cover letter and the applicant\'s statement are a separate document in this packet; the applicant signs Form I-246 and counsel completes its preparer section; the fee, the identity document the letter names, a copy of the order, the motion and Form G-28 go with it (8 C.F.R. 241.6).',
    });
  }
  for (const r of ctx.evaluation.records.filter((x) => x.stage !== 'produced')) {
    const office = AGENCY_OFFICES[r.agency];
    const followUp = r.stage === 'follow-up';
    separate.push({
      item: followUp
        ? `Status inquiry to ${office.short} about the request${r.trackingNumber ? ` ${r.trackingNumber}` : ''}`
        : r.route === 'rop-request'
          ? 'Request to the court for a copy of the record of proceedings'
          : r.route === 'identity-history'
            ? 'FBI Identity History Summary request'
            : `FOIA request to ${office.short}`,
      status: 'In this packet; sign',
      note: followUp
        ? `Not a second request, which would be closed as a duplicate. ${r.due ? `The answer was due ${formatLong(r.due)}.` : ''}`.trim()
        : r.route === 'identity-history'
          ? `The respondent signs it. Enclose a fingerprint card (Form FD-258) and the $${FBI_IDENTITY_HISTORY.fee} fee; or use ${office.online ?? 'the FBI\'s online route'} (${FBI_IDENTITY_HISTORY.citation}).`
          : r.route === 'rop-request'
            ? 'Send it to the court\'s records mailbox; no FOIA request is needed for counsel of record (ICPM 12.2(a)(1)).'
            : `Enclose the respondent's signed declaration of identity and consent.${office.online ? ` Submit it through ${office.online} if you can; mail goes to the address in the letter` : ''}${office.confidence === 'low' ? ', which is not confirmed: check it first' : ''}.`,
    });
  }
  const s = c.service;
  const venue = ev.venue;
  // Advice to send by a day already past would be wrong: say instead what still works.
  const sendByPassed = delivery.sendBy !== null && compareDates(ctx.asOf, delivery.sendBy) > 0;
  return {
    furniture: furniture(c),
    title: 'FILING CHECKLIST',
    respondent: fullName(c.respondent.name),
    aNumber: furniture(c).footerLeft,
    motionName,
    forumName: venue?.name ?? (forum === 'bia' ? 'Board of Immigration Appeals' : c.proceedings.court.name),
    venueAddress: venue?.address ? addressLines(venue.address) : [],
    deadline: deadline.due ? formatLong(deadline.due) : null,
    // An emergency stay sets the real deadline: the scheduled removal, whatever the motion's own.
    urgent: c.stay?.emergency === true && c.custody.scheduledRemoval
      ? {
          when: `${c.custody.scheduledRemoval.time ? `${formatTime(c.custody.scheduledRemoval.time)} on ` : ''}${formatLong(c.custody.scheduledRemoval.date)}`,
          body: forum === 'bia' ? 'the Board' : 'the Immigration Judge',
        }
      : null,
    legalDue: deadline.legalDue && deadline.legalDue !== deadline.due ? formatLong(deadline.legalDue) : null,
    deadlineWhy: deadline.explanation,
    // The explanation already ends with the citation it counted under; print the rule's only when it does not.
    deadlineCite: deadline.explanation.includes(deadline.citation.split(';')[0]!) ? null : deadline.citation,
    ecas: delivery.method === 'ecas',
    deliveryWhy: delivery.explanation,
    sendBy: delivery.sendBy && !sendByPassed ? formatLong(delivery.sendBy) : null,
    sendByBasis: `allowing ${PAPER_DELIVERY.transitBusinessDays} business days for courier delivery and ${PAPER_DELIVERY.bufferBusinessDays} more to spare, an estimate`,
    sendByPassed: sendByPassed && delivery.arriveBy ? { sendBy: formatLong(delivery.sendBy!), arriveBy: formatLong(delivery.arriveBy) } : null,
    files: ctx.filing ? [...ctx.filing.files] : [],
    pageCount: ctx.filing ? String(ctx.filing.pageCount) : null,
    split: (ctx.filing?.files.length ?? 0) > 1,
    maxMb: String(Math.floor(delivery.maxFileBytes / 1_000_000)),
    service: s
      ? { how: HOW_SERVED[s.method] ?? s.method, ecas: s.method === 'ecas', office: s.dhsOffice ?? null, address: s.address ? addressLines(s.address).join(', ') : null }
      : null,
    items: items.map((it, i) => ({ n: String(i + 1), ...it })),
    separate: separate.map((it, i) => ({ n: String(i + 1), ...it })),
  };
}
