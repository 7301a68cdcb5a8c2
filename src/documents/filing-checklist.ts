/**
 * The filing checklist: in filing order, every item the motion filing needs, whether this packet
 * holds it or the filer must still supply or sign it, with the deadline, ECAS or paper, and when
 * to send a paper filing (domain reference 1.6, 3.3-3.6, 8; V07, V09-V14, V17).
 *
 * It never contradicts the case: an item "in this packet" is one the packet holds, advice to act
 * by a date is given only while the date is still ahead, and every note is in plain words.
 */
import { compareDates, formatLong, RELIEF_LABELS } from '../case/index.js';
import { usd } from '../rules/fees.js';
import { APPLICATION_FORM, FORUM_FORMS } from '../rules/forms.js';
import { FEE_WAIVER } from '../rules/data/fees.js';
import { PAPER_DELIVERY } from '../rules/data/filing.js';
import { isInAbsentiaBasis } from '../rules/forum.js';
import { addressLines, fullName, furniture, series } from './common.js';
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

  items.push({
    item: `Form ${forms.appearance.form}, ${forms.appearance.name}`,
    status: 'Supply',
    note: `Required with every motion to reopen, even when counsel is already of record (${forms.appearance.citation}).${delivery.method === 'ecas' ? ' E-file it in ECAS as its own submission.' : ''}`,
  });
  items.push({ item: 'Cover page', status: 'In this packet', note: `First page of ${filingName}.` });

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
        note: `Signed, with the declaration of inability to pay (${FEE_WAIVER.citation}).${l.waivable === null ? ' Whether a waiver covers this fee is not settled: be ready to pay it.' : ''}`,
      });
    } else {
      items.push({ item: `Receipt for the ${l.label} (${amount})`, status: 'Supply', note: `${l.waivable === false ? 'This fee cannot be waived. ' : ''}${l.citation}.` });
    }
  }
  const motionName = isInAbsentiaBasis(motion.basis) ? 'Motion to rescind the in absentia order and reopen' : 'Motion to reopen';
  items.push({
    item: `${motionName} (${motion.basis === 'joint' ? 'joint motion, signed by both parties' : 'signed by counsel'})`,
    status: 'In this packet; sign',
    note: 'Counsel signs at the end of the motion (ICPM 3.3(b)).',
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
        note: `The declaration Reopen wrote from the respondent's account${where ? `, at ${where} of the filing` : ''}. The respondent signs it under 28 U.S.C. 1746 after it is read to them${(c.respondent.languages ?? []).some((l) => l.interpreterNeeded) ? ' in their language' : ''}.`,
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
    if (e.item.language && e.item.language !== 'en') {
      items.push(
        e.item.translated
          ? { item: `Certificate of translation for Tab ${e.tab}`, status: 'Supply', note: "The translator's name, address and telephone number, with the statements of competence and accuracy, signed (ICPM 3.3(a))." }
          : { item: `English translation of Tab ${e.tab}, with a certificate of translation`, status: 'Supply', note: 'Documents not in English must be filed with a certified translation (8 C.F.R. 1003.33; ICPM 3.3(a)).' },
      );
    }
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
    items.push({ item: "Certificate of interpretation for the respondent's declaration", status: 'Supply', note: 'The interpreter certifies that the declaration was read to the respondent in a language the respondent understands (ICPM 3.3(a)).' });
  }
  if (c.stay?.immigrationCourt || c.stay?.bia) {
    items.push({ item: `Motion to stay removal${c.stay.emergency ? ' (emergency)' : ''}`, status: 'Supply', note: 'A separate motion; file it with or after the motion to reopen.' });
  }
  items.push({ item: 'Proposed order', status: 'In this packet', note: `For the ${forum === 'bia' ? 'Board' : 'Immigration Judge'} to sign.` });
  items.push({
    item: `Form ${forms.address.form}, change of address`,
    status: 'Supply',
    note: isInAbsentiaBasis(motion.basis) ? `File it with the motion (${forms.address.withMotion}).` : `If the respondent's address has changed since it was last given (${forms.address.citation}).`,
  });
  items.push(
    motion.basis === 'joint'
      ? { item: 'Certificate of service', status: 'In this packet', note: 'Not required for a joint motion (ICPM 3.2(b)).' }
      : { item: 'Certificate of service', status: 'In this packet; sign', note: 'Date and sign it when the copy is served on DHS (ICPM 3.2; 8 C.F.R. 1003.32).' },
  );

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
    legalDue: deadline.legalDue && deadline.legalDue !== deadline.due ? formatLong(deadline.legalDue) : null,
    deadlineWhy: deadline.explanation,
    deadlineCite: deadline.citation,
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
  };
}
