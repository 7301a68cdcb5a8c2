/**
 * The label and help text of every field of `reopen.case/1`, written once and used by every
 * message, the interview and the documents' "missing fact" lists. Keys are schema paths with `*`
 * for a list index. Labels read inside a sentence ("The respondent's A-number is required."), so
 * they start lower-case; help text is a full sentence for the person filling the field in.
 */

export interface FieldText {
  label: string;
  help?: string;
}

const ADDRESS_PARTS: Record<string, FieldText> = {
  street: { label: 'the street' },
  street2: { label: 'the second address line' },
  city: { label: 'the city' },
  state: { label: 'the state', help: 'Two-letter postal code for a U.S. address, such as MI.' },
  zip: { label: 'the ZIP code', help: 'Five digits, or ZIP+4.' },
  country: { label: 'the country', help: 'Two-letter ISO code; leave out for the United States.' },
};

const NAME_PARTS: Record<string, FieldText> = {
  given: { label: 'the given name', help: 'Leave out for a person with one name only; write that name as the family name.' },
  middle: { label: 'the middle name' },
  family: { label: 'the family name', help: 'The surname as written on the removal order.' },
};

export const FIELDS: Record<string, FieldText> = {
  '': { label: 'the case' },
  format: { label: 'the case format', help: 'Always "reopen.case/1".' },
  ref: { label: "the clinic's own reference", help: 'Any reference your office uses for this person.' },

  respondent: { label: 'the respondent' },
  'respondent.name': { label: "the respondent's name" },
  'respondent.nameOnOrder': { label: "the respondent's name as spelled on the removal order" },
  'respondent.aliases': { label: "the respondent's other names", help: 'Other spellings and names in any script, such as Arabic.' },
  'respondent.aliases.*': { label: 'an alias of the respondent' },
  'respondent.aliasesInCaption': { label: 'whether to print the aliases in the caption', help: 'Adds "a/k/a" lines under the name in the caption.' },
  'respondent.arrivalDate': {
    label: "the date of the respondent's last arrival in the United States",
    help: 'Starts the one-year deadline for an asylum application (INA 208(a)(2)(B)).',
  },
  'respondent.aNumber': { label: "the respondent's A-number", help: 'A followed by 7 to 9 digits, as on the removal order, such as A012-345-678.' },
  'respondent.dateOfBirth': { label: "the respondent's date of birth", help: 'YYYY-MM-DD; or YYYY-MM, or YYYY, when only that much is known.' },
  'respondent.placeOfBirth': { label: "the respondent's place of birth" },
  'respondent.placeOfBirth.city': { label: "the respondent's city of birth" },
  'respondent.placeOfBirth.country': { label: "the respondent's country of birth" },
  'respondent.nationality': { label: "the respondent's nationality", help: 'Two-letter country code, such as IQ.' },
  'respondent.removalCountry': { label: 'the country designated for removal', help: 'Leave out when it is the country of nationality.' },
  'respondent.sex': { label: "the respondent's sex" },
  'respondent.languages': { label: "the respondent's languages" },
  'respondent.languages.*': { label: 'a language of the respondent' },
  'respondent.languages.*.name': { label: 'the name of a language', help: 'Such as Arabic, or Chaldean Neo-Aramaic.' },
  'respondent.languages.*.interpreterNeeded': { label: 'whether an interpreter is needed' },
  'respondent.mailingAddress': { label: "the respondent's mailing address", help: 'Where the court can reach the respondent. Not needed while detained.' },
  'respondent.signingCountry': { label: 'the country where the respondent signs', help: 'Chooses the wording of the declaration under 28 U.S.C. 1746.' },
  'respondent.familyMembers': { label: 'family members in the same proceedings' },
  'respondent.familyMembers.*': { label: 'a family member' },
  'respondent.familyMembers.*.name': { label: "a family member's name" },
  'respondent.familyMembers.*.aNumber': { label: "a family member's A-number" },

  custody: { label: 'custody' },
  'custody.status': { label: 'the custody status' },
  'custody.facility': { label: 'the detention facility', help: 'Where the respondent is held now.' },
  'custody.facility.name': { label: 'the name of the detention facility' },
  'custody.facility.address': { label: 'the address of the detention facility' },
  'custody.facility.eroFieldOffice': { label: 'the ICE field office' },
  'custody.since': { label: 'the date custody began' },
  'custody.transfers': { label: 'the transfers between facilities' },
  'custody.transfers.*': { label: 'a transfer' },
  'custody.transfers.*.facility': { label: 'the facility of a transfer' },
  'custody.transfers.*.facility.name': { label: 'the name of a facility' },
  'custody.transfers.*.facility.address': { label: 'the address of a facility' },
  'custody.transfers.*.from': { label: 'the first day at a facility' },
  'custody.transfers.*.to': { label: 'the last day at a facility' },
  'custody.scheduledRemoval': { label: 'the scheduled removal' },
  'custody.scheduledRemoval.date': { label: 'the scheduled removal date' },
  'custody.scheduledRemoval.time': { label: 'the scheduled removal time' },
  'custody.scheduledRemoval.confirmedByDhs': { label: 'whether DHS confirmed the removal date' },

  proceedings: { label: 'the proceedings' },
  'proceedings.type': { label: 'the type of proceedings', help: 'Removal (begun on or after April 1, 1997), deportation or exclusion.' },
  'proceedings.court': { label: 'the immigration court' },
  'proceedings.court.name': { label: 'the name of the immigration court', help: 'The court with administrative control of the record.' },
  'proceedings.court.code': { label: "the court's three-letter code" },
  'proceedings.court.address': { label: "the court's address" },
  'proceedings.court.timeZone': { label: "the court's time zone", help: 'An IANA zone such as America/Detroit.' },
  'proceedings.judge': { label: 'the immigration judge', help: 'Printed on the cover page.' },
  'proceedings.nextHearing': { label: 'the date of the next hearing', help: 'Printed on the cover page; leave out when none is set.' },
  'proceedings.order': { label: 'the removal order' },
  'proceedings.order.date': { label: 'the date of the removal order' },
  'proceedings.order.inAbsentia': { label: 'whether the order was entered in absentia' },
  'proceedings.order.appeal': {
    label: 'what happened to the appeal',
    help: 'Waived, reserved (and not filed), or filed with the BIA. Leave out for an order entered in absentia.',
  },
  'proceedings.appealDecision': { label: "the Board's decision on the appeal" },
  'proceedings.appealDecision.date': { label: "the date of the Board's decision" },
  'proceedings.appealDecision.outcome': { label: "the outcome of the Board's decision" },
  'proceedings.recordFormat': { label: 'the form of the record of proceedings', help: 'Paper or electronic; only an electronic record can be e-filed.' },
  'proceedings.priorHearingDate': { label: 'the date of the earlier hearing', help: 'The baseline for changed country conditions; defaults to the order date.' },
  'proceedings.inAbsentiaFacts': { label: 'the facts of the missed hearing' },
  'proceedings.inAbsentiaFacts.noticeReceived': { label: 'whether the respondent received notice of the hearing' },
  'proceedings.inAbsentiaFacts.inCustodyAtHearing': { label: 'whether the respondent was in custody at the time of the hearing' },
  'proceedings.inAbsentiaFacts.reason': { label: 'the reason the respondent missed the hearing' },
  'proceedings.inAbsentiaFacts.noticeMethod': {
    label: 'how the hearing notice was sent',
    help: 'Personal service, certified mail, regular mail, or none sent: it decides which presumption of delivery the motion must overcome.',
  },
  'proceedings.priorMotions': { label: 'earlier motions' },
  'proceedings.priorMotions.*': { label: 'an earlier motion' },
  'proceedings.priorMotions.*.kind': { label: 'the kind of an earlier motion' },
  'proceedings.priorMotions.*.forum': { label: 'where an earlier motion was filed' },
  'proceedings.priorMotions.*.filed': { label: 'the filing date of an earlier motion' },
  'proceedings.priorMotions.*.decided': { label: 'the decision date of an earlier motion' },
  'proceedings.priorMotions.*.outcome': { label: 'the outcome of an earlier motion' },
  'proceedings.priorMotions.*.basis': { label: 'the basis of an earlier motion', help: 'Needed to tell an earlier motion to rescind an in absentia order from other motions.' },
  'proceedings.judicialProceedings': { label: 'court cases about the order', help: 'Any federal court case about the order, such as a class habeas petition.' },
  'proceedings.judicialProceedings.*': { label: 'a court case about the order' },
  'proceedings.judicialProceedings.*.court': { label: 'the court of a court case' },
  'proceedings.judicialProceedings.*.caseNumber': { label: 'the case number of a court case' },
  'proceedings.judicialProceedings.*.nature': { label: 'the nature of a court case' },
  'proceedings.judicialProceedings.*.status': { label: 'the status of a court case' },
  'proceedings.pendingCriminalProceedings': { label: 'pending criminal cases' },
  'proceedings.pendingCriminalProceedings.*': { label: 'a pending criminal case' },
  'proceedings.pendingCriminalProceedings.*.court': { label: 'the court of a criminal case' },
  'proceedings.pendingCriminalProceedings.*.caseNumber': { label: 'the case number of a criminal case' },
  'proceedings.pendingCriminalProceedings.*.status': { label: 'the status of a criminal case' },
  'proceedings.frivolousFinding': { label: 'whether an asylum application was found frivolous' },
  'proceedings.departedSinceOrder': { label: 'whether the respondent left the United States after the order' },

  criminalHistory: { label: 'the criminal history' },
  'criminalHistory.*': { label: 'a conviction' },
  'criminalHistory.*.offense': { label: 'the offense' },
  'criminalHistory.*.statute': { label: 'the statute' },
  'criminalHistory.*.jurisdiction': { label: 'the jurisdiction of a conviction' },
  'criminalHistory.*.convictionDate': { label: 'the date of a conviction' },
  'criminalHistory.*.sentence': { label: 'the sentence' },

  motion: { label: 'the motion to reopen' },
  'motion.basis': { label: 'the basis of the motion' },
  'motion.courtOrderClock': { label: "the court order's filing period", help: 'For a filing period a federal court set, such as Hamama v. Adducci.' },
  'motion.courtOrderClock.caption': { label: "the court order's caption" },
  'motion.courtOrderClock.citation': { label: "the court order's citation" },
  'motion.courtOrderClock.trigger': { label: 'the event that starts the filing period' },
  'motion.courtOrderClock.triggerDate': { label: 'the date the filing period starts' },
  'motion.courtOrderClock.days': { label: 'the length of the filing period in days' },
  'motion.reliefSought': { label: 'the relief sought' },
  'motion.reliefSought.*': { label: 'a form of relief' },
  'motion.protectedGrounds': {
    label: 'the protected grounds of the claim',
    help: 'Race, religion, nationality, political opinion or membership in a particular social group: needed for asylum and withholding.',
  },
  'motion.protectedGrounds.*': { label: 'a protected ground' },
  'motion.marriageDate': { label: 'the date of the marriage', help: 'For adjustment through marriage: a marriage during proceedings brings in INA 245(e).' },
  'motion.priorCounsel': { label: 'the former counsel', help: 'For a motion resting on what former counsel did or failed to do (Matter of Lozada).' },
  'motion.priorCounsel.name': { label: "the former counsel's name" },
  'motion.priorCounsel.barState': { label: "the former counsel's bar" },
  'motion.priorCounsel.retainedDate': { label: 'the date former counsel was hired' },
  'motion.priorCounsel.scope': {
    label: 'what former counsel was hired to do',
    help: 'A sentence or two, printed as written: "He agreed to file an appeal with the Board and did not."',
  },
  'motion.priorCounsel.notifiedDate': { label: 'the date former counsel was told of the complaint' },
  'motion.priorCounsel.response': { label: "former counsel's response", help: 'Printed after "Former counsel responded as follows:".' },
  'motion.priorCounsel.barComplaintDate': { label: 'the date of the bar complaint' },
  'motion.priorCounsel.barComplaintReasonIfNot': { label: 'why no bar complaint was filed', help: 'Full sentences, printed as written after "No complaint has been filed with a disciplinary authority."' },
  'motion.priorCounsel.discoveryDate': { label: "the date the respondent learned of former counsel's failure" },
  'motion.barsResponse': {
    label: "counsel's answer to a possible bar",
    help: 'Your own words on why a possible bar (a conviction, for example) does not defeat the relief sought; printed in the argument.',
  },
  'motion.newFacts': { label: 'the new facts' },
  'motion.newFacts.*': { label: 'a new fact' },
  'motion.newFacts.*.statement': { label: 'the statement of a new fact' },
  'motion.newFacts.*.arose': { label: 'when a new fact arose' },
  'motion.newFacts.*.whyNotEarlier': { label: 'why a new fact could not be presented earlier' },
  'motion.summary': { label: 'the summary of the motion', help: 'A paragraph in your own words on why the case should be reopened.' },
  'motion.timelinessArgument': {
    label: 'the argument why the motion is timely',
    help: 'Only for a motion filed after the deadline Reopen computes: why it may still be filed (equitable tolling with due diligence, the date the order became final, another court order).',
  },
  'motion.evidence': { label: 'the evidence' },
  'motion.evidence.*': { label: 'an evidence item' },
  'motion.evidence.*.title': { label: 'the title of an evidence item' },
  'motion.evidence.*.publisher': { label: 'the publisher of an evidence item' },
  'motion.evidence.*.date': { label: 'the date of an evidence item' },
  'motion.evidence.*.pages': { label: 'the page count of an evidence item' },
  'motion.evidence.*.kind': { label: 'the kind of an evidence item' },
  'motion.evidence.*.language': { label: 'the language of an evidence item' },
  'motion.evidence.*.translated': { label: 'whether an evidence item is translated' },
  'motion.evidence.*.file': { label: 'the PDF file of an evidence item', help: 'A path relative to the case file.' },
  'motion.evidence.*.document': {
    label: 'the generated document filed at an evidence tab',
    help: 'Instead of a file: "respondent-declaration" files the declaration Reopen writes at this tab.',
  },
  'motion.dhsPosition': { label: "DHS's position on the motion" },
  'motion.fee': { label: 'the filing fee' },
  'motion.fee.mode': { label: 'how the fee is handled (paid, waiver requested or exempt)' },
  'motion.fee.receipt': { label: 'the fee receipt number' },
  'motion.fee.exemption': { label: 'the fee exemption relied on' },

  declaration: { label: "the respondent's declaration" },
  'declaration.account': {
    label: "the respondent's own account",
    help: 'Paragraphs in the first person, in the respondent\'s words: background, what happened, what they fear and why, why it could not be raised earlier.',
  },
  'declaration.account.*': { label: 'a paragraph of the respondent\'s account' },

  stay: { label: 'the stay requests' },
  'stay.immigrationCourt': { label: 'a stay from the immigration judge' },
  'stay.bia': { label: 'a stay from the Board' },
  'stay.ice': { label: 'a stay from ICE' },
  'stay.emergency': { label: 'an emergency stay' },
  'stay.reasons': { label: 'the reasons for a stay' },
  'stay.identityDocument': { label: 'the identity document enclosed with the ICE stay application' },

  records: { label: 'the records requests' },
  'records.agencies': { label: 'the agencies to ask for records' },
  'records.agencies.*': { label: 'an agency' },
  'records.expedite': { label: 'whether to ask for expedited processing' },
  'records.maxFee': { label: 'the most the requester will pay in fees' },
  'records.purpose': { label: 'the purpose of the records requests' },
  'records.requests': { label: 'requests already sent' },
  'records.requests.*': { label: 'a request already sent' },
  'records.requests.*.agency': { label: 'the agency of a request' },
  'records.requests.*.submitted': { label: 'the date a request was sent' },
  'records.requests.*.received': { label: 'the date an agency received a request' },
  'records.requests.*.trackingNumber': { label: "a request's tracking number" },
  'records.requests.*.produced': { label: 'the date the records arrived' },

  translation: { label: 'translation and interpretation' },
  'translation.translator': { label: 'the translator' },
  'translation.interpreter': { label: 'the interpreter' },

  counsel: { label: 'counsel' },
  'counsel.name': { label: "counsel's name" },
  'counsel.organization': { label: "counsel's organization" },
  'counsel.address': { label: "counsel's address" },
  'counsel.phone': { label: "counsel's telephone number" },
  'counsel.email': { label: "counsel's email address", help: 'For ECAS, the address registered in eRegistry.' },
  'counsel.eoirId': { label: "counsel's EOIR ID", help: 'Issued by EOIR eRegistry.' },
  'counsel.bar': { label: "counsel's bar admissions" },
  'counsel.bar.*': { label: 'a bar admission' },
  'counsel.bar.*.jurisdiction': { label: 'the bar jurisdiction' },
  'counsel.bar.*.number': { label: 'the bar number' },
  'counsel.type': { label: 'the kind of representative' },
  'counsel.ofRecord': { label: 'whether counsel is already of record' },

  service: { label: 'service on DHS' },
  'service.method': { label: 'the method of service' },
  'service.dhsOffice': { label: 'the DHS office served' },
  'service.address': { label: 'the address of the DHS office served' },
  'service.date': { label: 'the date of service' },

  filing: { label: 'the filing' },
  'filing.date': { label: 'the filing date' },
  'filing.method': { label: 'the filing method' },
};

// Certifiers (translator, interpreter) share their parts.
for (const who of ['translator', 'interpreter'] as const) {
  FIELDS[`translation.${who}.name`] = { label: `the ${who}'s name` };
  FIELDS[`translation.${who}.address`] = { label: `the ${who}'s address` };
  FIELDS[`translation.${who}.phone`] = { label: `the ${who}'s telephone number` };
  FIELDS[`translation.${who}.languages`] = { label: `the ${who}'s languages` };
  FIELDS[`translation.${who}.languages.*`] = { label: `a language of the ${who}` };
}

/** The generic form of a path: list indices become `*`. */
export function patternOf(path: string): string {
  return path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? '*' : p))
    .join('.');
}

/**
 * The label of a field, by its dot path. Parts of addresses and names are labelled from their
 * parent ("the ZIP code of counsel's address"); a list item says which one ("an earlier motion (no. 2)").
 */
export function labelOf(path: string): string {
  const exact = FIELDS[patternOf(path)];
  const index = /\.(\d+)(?:\.|$)/.exec(path);
  const which = index ? ` (no. ${Number(index[1]) + 1})` : '';
  if (exact) return exact.label + which;
  const cut = path.lastIndexOf('.');
  const leaf = path.slice(cut + 1);
  const parent = cut < 0 ? '' : path.slice(0, cut);
  const part = ADDRESS_PARTS[leaf] ?? NAME_PARTS[leaf];
  if (part && parent) return `${part.label} of ${labelOf(parent)}`;
  return `the field ${path || 'case'}`;
}

export function helpOf(path: string): string | undefined {
  const pattern = patternOf(path);
  const exact = FIELDS[pattern];
  if (exact) return exact.help;
  const leaf = pattern.slice(pattern.lastIndexOf('.') + 1);
  return (ADDRESS_PARTS[leaf] ?? NAME_PARTS[leaf])?.help;
}
