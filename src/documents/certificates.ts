/**
 * Certificates of translation and interpretation (domain reference 3.1 "Language" and
 * "Interpreted declarations"; ICPM 3.3(a) and Appendix G; V11, V12). A translator's certificate
 * names the document it covers, states competence and accuracy, and gives the translator's
 * address and telephone number; an interpreter's certifies that the declaration was read to the
 * respondent in a language the respondent understands. Filled from `translation`, or printed with
 * labelled blanks to complete at signing.
 */
import { languageName, type Address, type Case, type EvidenceItem } from '../case/index.js';
import { addressLines, fullName, furniture, pronouns } from './common.js';
import { orBlank, type BuildContext, type Text } from './context.js';
import { orderExhibits } from './exhibits.js';

/** Exhibits that are not in English, or are said to be translated: each needs a certificate. */
export function translatedExhibits(c: Case) {
  return orderExhibits(c.motion?.evidence ?? []).filter((e) => e.item.translated === true || (e.item.language !== undefined && e.item.language !== 'en'));
}

interface Certifier {
  /** In the sentence ("I, ____ (translator's name), certify"). */
  name: Text;
  /** Under the signature line: the name, address and telephone number, or blanks to fill in. */
  block: { name: Text; address: Text[]; phone: Text };
}

function certifier(person: { name: string; address: Address; phone: string } | undefined, role: string): Certifier {
  return {
    name: orBlank(person?.name, `${role}'s name`),
    block: {
      name: orBlank(person?.name, 'printed name'),
      address: person ? addressLines(person.address) : [orBlank(undefined, 'address')],
      phone: orBlank(person?.phone, ''),
    },
  };
}

function exhibitLanguage(item: EvidenceItem): string {
  return item.language ? languageName(item.language) : 'the language of the original';
}

/** One certificate per translated exhibit, each on its own page, in tab order. */
export function certificateOfTranslationView(ctx: BuildContext) {
  const c = ctx.case;
  const translator = certifier(c.translation?.translator, 'translator');
  return {
    furniture: furniture(c),
    title: 'CERTIFICATE OF TRANSLATION',
    certificates: translatedExhibits(c).map((e, i) => ({
      first: i === 0,
      tab: e.tab,
      document: e.item.title,
      language: exhibitLanguage(e.item),
      translator,
      date: orBlank(undefined, ''),
    })),
  };
}

/** The certificate behind each translated exhibit in the combined filing, by evidence index. */
export function certificateOfTranslationParts(ctx: BuildContext): { index: number; view: unknown }[] {
  const c = ctx.case;
  const translator = certifier(c.translation?.translator, 'translator');
  return translatedExhibits(c).map((e) => ({
    index: e.index,
    view: {
      furniture: furniture(c),
      title: 'CERTIFICATE OF TRANSLATION',
      certificates: [{ first: true, tab: e.tab, document: e.item.title, language: exhibitLanguage(e.item), translator, date: orBlank(undefined, '') }],
    },
  }));
}

/**
 * The documents the respondent signs in this packet, each of which an interpreter reads to a
 * respondent who needs one: the declaration with the motion, the statement to ICE, the
 * declaration of identity for the records requests, and the FBI request. Shape: { id, title } in
 * packet order.
 */
export function signedByRespondent(ctx: BuildContext): { id: 'respondent-declaration' | 'ice-stay-request' | 'identity-declaration' | 'records-fbi'; title: string }[] {
  const c = ctx.case;
  const name = fullName(c.respondent.name);
  return [
    ...(c.motion ? [{ id: 'respondent-declaration' as const, title: `Declaration of ${name}` }] : []),
    ...(c.stay?.ice === true ? [{ id: 'ice-stay-request' as const, title: `Statement of ${name} in Support of Application for Stay of Removal` }] : []),
    ...(ctx.evaluation.records.some((r) => r.route === 'foia' && r.stage === 'request') ? [{ id: 'identity-declaration' as const, title: `Declaration of Identity and Consent of ${name}` }] : []),
    // The FBI request is the subject's own, sworn under 28 U.S.C. 1746.
    ...(ctx.evaluation.records.some((r) => r.route === 'identity-history' && r.stage === 'request') ? [{ id: 'records-fbi' as const, title: `Request for the Identity History Summary of ${name}` }] : []),
  ];
}

/** Whether the respondent needs an interpreter to sign what this packet holds. */
export function needsInterpretation(ctx: BuildContext): boolean {
  return (ctx.case.respondent.languages ?? []).some((l) => l.interpreterNeeded === true) && signedByRespondent(ctx).length > 0;
}

function interpretationView(ctx: BuildContext, documents: readonly { title: string }[]) {
  const c = ctx.case;
  const language = (c.respondent.languages ?? []).find((l) => l.interpreterNeeded === true);
  const pronoun = pronouns(c, 'the declarant');
  const interpreter = certifier(c.translation?.interpreter, 'interpreter');
  const languageWords = language ? languageName(language.name) : orBlank(undefined, 'language');
  return {
    furniture: furniture(c),
    title: 'CERTIFICATE OF INTERPRETATION',
    certificates: documents.map((d, i) => ({
      first: i === 0,
      document: d.title,
      name: fullName(c.respondent.name),
      language: languageWords,
      interpreter,
      them: pronoun.them,
      they: pronoun.they,
      date: orBlank(undefined, ''),
    })),
  };
}

/**
 * The interpreter's certificates (ICPM 3.3(a)): one page for each document the respondent signs
 * in this packet, each naming the document it covers.
 */
export function certificateOfInterpretationView(ctx: BuildContext) {
  return interpretationView(ctx, signedByRespondent(ctx));
}

/** The certificate filed behind the respondent's declaration at its tab in the combined filing, by evidence index. */
export function certificateOfInterpretationParts(ctx: BuildContext): { index: number; view: unknown }[] {
  const at = orderExhibits(ctx.case.motion?.evidence ?? []).find((e) => e.item.document === 'respondent-declaration');
  if (!at || !needsInterpretation(ctx)) return [];
  return [{ index: at.index, view: interpretationView(ctx, signedByRespondent(ctx).filter((d) => d.id === 'respondent-declaration')) }];
}
