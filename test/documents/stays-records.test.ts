/**
 * The rest of the filing set (issue: stays and records requests): stay motions that state the
 * motion's facts, the ICE package, records requests routed and worded per agency, the identity
 * declaration, and the certificates in their places. Each document is generated for real and read
 * back from its DOCX; the combined filing from its PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatANumber, formatLong, type Case } from '../../src/case/index.js';
import { checkCase } from '../../src/check.js';
import { filingCite, fullName } from '../../src/documents/common.js';
import { generateDocuments, type GeneratedFile } from '../../src/generate.js';
import { exhibitReader } from '../../src/io/exhibit-files.js';
import { ROOT, merge, sample, samples, type Json } from '../helpers/cases.js';
import { docxParagraphs } from '../helpers/docx-text.js';
import { extract } from '../render/pdf/extract.js';

const read = exhibitReader(join(ROOT, 'samples', 'cases'));
/** Words as a reader sees them: no-break spaces as spaces, typographic apostrophes as plain ones. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\u2019/g, "'");

async function docs(input: unknown, asOf: string, documents?: string[]): Promise<{ files: GeneratedFile[]; text: (id: string) => string }> {
  const r = await generateDocuments(input, { asOf, readExhibit: read, formats: ['docx'], ...(documents ? { documents } : {}) });
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return {
    files: r.files,
    text: (id) => {
      const f = r.files.find((x) => x.document === id && x.format === 'docx');
      if (!f) throw new Error(`${id} was not generated`);
      return plain(docxParagraphs(f.bytes).join('\n'));
    },
  };
}

const EMERGENCY = 'detained-removal-scheduled';

describe('citations in filings', () => {
  it('several sections take §§, a range an en dash; subsections of one section one §', () => {
    expect(filingCite('28 C.F.R. 16.30-16.34')).toBe('28 C.F.R. §§ 16.30\u201316.34');
    expect(filingCite('8 C.F.R. 1003.24(b)(2)(ii), 1003.8(a)(2)(v)')).toBe('8 C.F.R. §§ 1003.24(b)(2)(ii), 1003.8(a)(2)(v)');
    expect(filingCite('5 U.S.C. 552(a)(4)(A)(ii)(III), (iv)(II)')).toBe('5 U.S.C. § 552(a)(4)(A)(ii)(III), (iv)(II)');
    expect(filingCite('INA 240(c)(7); 8 C.F.R. 1003.23(b)(1)-(3)')).toBe('INA § 240(c)(7); 8 C.F.R. § 1003.23(b)(1)-(3)');
    // One section of the INA, then its U.S. Code section: "§", not "§§".
    expect(filingCite('INA 240(c)(7), 8 U.S.C. 1229a(c)(7)')).toBe('INA § 240(c)(7), 8 U.S.C. § 1229a(c)(7)');
    expect(filingCite('8 C.F.R. 1003.2, 1003.23')).toBe('8 C.F.R. §§ 1003.2, 1003.23');
  });
});
const emergencyAsOf = '2017-06-19';

describe('stay motions state the facts the motion to reopen states', () => {
  const withStays = samples().filter((s) => s.exit === 0 && (checkCase(sample(s.name), s.asOf).documents ?? []).some((d) => d.id.startsWith('stay-motion')));

  it('at least the two detained samples ask for a stay motion', () => {
    expect(withStays.map((s) => s.name)).toEqual(expect.arrayContaining(['detained-iraqi-hamama', EMERGENCY]));
  });

  it.each(withStays)('$name: names, A-number, dates and facility agree', async (s) => {
    const checked = checkCase(sample(s.name), s.asOf);
    const c = checked.case as Case;
    const stayId = checked.documents!.find((d) => d.id.startsWith('stay-motion'))!.id;
    const { text } = await docs(sample(s.name), s.asOf, ['motion-to-reopen', stayId]);
    const facts = [
      fullName(c.respondent.name),
      formatANumber(c.respondent.aNumber),
      formatLong(c.proceedings.order.date),
      c.proceedings.court.name,
      ...(c.proceedings.judge ? [c.proceedings.judge] : []),
      ...(c.custody.facility ? [c.custody.facility.name] : []),
      ...(c.custody.since ? [formatLong(c.custody.since)] : []),
    ];
    for (const fact of facts) {
      expect(text('motion-to-reopen'), fact).toContain(fact);
      expect(text(stayId), fact).toContain(fact);
    }
    // The motion names the stay motion filed with it instead of asking for a stay itself.
    expect(text('motion-to-reopen')).toMatch(/grant the motion to stay Respondent's removal filed with this motion/);
    expect(text(stayId)).toContain("Respondent's Motion to Reopen, filed with this motion");
  });
});

describe('the emergency stay motion (immigration judge)', () => {
  let text: (id: string) => string;
  beforeAll(async () => {
    ({ text } = await docs(sample(EMERGENCY), emergencyAsOf));
  }, 180_000);

  it('has EMERGENCY in its title, REMOVAL IMMINENT on its cover, the confirmed date and time, and where the respondent is held', () => {
    const t = text('stay-motion-immigration-court');
    expect(t).toContain("RESPONDENT'S EMERGENCY MOTION TO STAY REMOVAL");
    expect(t).toMatch(/DETAINED\nREMOVAL IMMINENT/);
    expect(t).toContain('the Department of Homeland Security has confirmed Respondent\'s removal for 6:00 a.m. on June 23, 2017.');
    expect(t).toContain('detained at the Calhoun County Correctional Facility in Battle Creek, Michigan');
    // The proposed order and the certificate of service close it.
    expect(t).toContain('ORDER OF THE IMMIGRATION JUDGE');
    expect(t).toContain("Respondent's removal is stayed pending the decision on the Motion to Reopen.");
    expect(t).toContain('CERTIFICATE OF SERVICE');
    expect(t).toContain('by hand delivery, at the following address:');
  });

  it('the motion to reopen is marked DETAINED but not REMOVAL IMMINENT, and states the time the same way', () => {
    const t = text('motion-to-reopen');
    expect(t).toContain('DETAINED');
    expect(t).not.toContain('REMOVAL IMMINENT');
    expect(t).not.toMatch(/\d:\d\d [ap]\.m\.\./);
  });

  it('the ICE package: the cover letter lists what the form requires, and the statement is the respondent\'s own, in the first person', () => {
    const t = text('ice-stay-request');
    expect(t).toContain('Detroit Field Office');
    expect(t).toContain('under 8 C.F.R. § 241.6');
    expect(t).toContain('Form I-246, Application for a Stay of Deportation or Removal, completed and signed by Fadi Gorgis Kako (one applicant)');
    expect(t).toContain('the filing fee of $155');
    expect(t).toContain('identity document: a copy of his certificate of baptism from the Church of Saint Michael, Alqosh, with a certified English translation;');
    expect(t).toContain('a copy of the order of removal');
    expect(t).toContain('On June 19, 2017, he filed a motion to reopen with the Detroit Immigration Court');
    expect(t).toContain('STATEMENT OF FADI GORGIS KAKO IN SUPPORT OF APPLICATION FOR STAY OF REMOVAL');
    expect(t).toContain('I ask U.S. Immigration and Customs Enforcement to stay my removal while my motion to reopen is decided.');
    expect(t).toContain('I declare under penalty of perjury that the foregoing is true and correct.');
  });

  it('the ICE fee is the one in force on the filing date', async () => {
    // The same case filed after a (hypothetical) fee change would carry the new fee: the table is dated data.
    const { iceStayFee } = await import('../../src/documents/ice-stay-request.js');
    expect(iceStayFee('2017-06-19').amount).toBe(155);
    expect(iceStayFee('2026-11-30').amount).toBe(155);
  });

  it('a certificate of translation for each translated exhibit, and of interpretation for each document the respondent signs', () => {
    const translation = text('certificate-of-translation');
    expect(translation).toContain('the English translation of the document at Tab E, "Certificate of baptism, Church of Saint Michael, Alqosh"');
    expect(translation).toContain('Nadia Kassab');
    const interpretation = text('certificate-of-interpretation');
    for (const title of ['Declaration of Fadi Gorgis Kako', 'Statement of Fadi Gorgis Kako in Support of Application for Stay of Removal', 'Declaration of Identity and Consent of Fadi Gorgis Kako']) {
      expect(interpretation).toContain(`"${title}"`);
    }
    expect(interpretation).toContain('in Arabic, a language he understands, completely and accurately');
    expect(interpretation).toContain('"Request for the Identity History Summary of Fadi Gorgis Kako"');
    // What the respondent signs says it was read to him.
    for (const id of ['ice-stay-request', 'identity-declaration', 'records-fbi']) {
      expect(text(id), id).toMatch(/was read to me in Arabic, a language I understand, and I understood it before signing it\./);
    }
    // No interpreter is named: labelled blanks, never an empty value.
    expect(interpretation).toContain("________________ (interpreter's name)");
  });
});

describe('records requests', () => {
  let text: (id: string) => string;
  beforeAll(async () => {
    ({ text } = await docs(sample(EMERGENCY), emergencyAsOf, ['records-uscis', 'records-ice', 'records-cbp', 'records-obim', 'records-eoir', 'records-state', 'records-fbi', 'identity-declaration']));
  }, 180_000);
  const FOIA = ['records-uscis', 'records-ice', 'records-cbp', 'records-obim', 'records-eoir', 'records-state'];

  it('each carries the subject\'s identifying details: names and every alias, A-number, date and place of birth', () => {
    for (const id of [...FOIA, 'records-fbi']) {
      const t = text(id);
      expect(t, id).toContain('Full name: Fadi Gorgis Kako');
      expect(t, id).toContain('Fadi Kakko');
      expect(t, id).toContain('فادي كوركيس كاكو');
      expect(t, id).toContain('Date of birth: November 3, 1982');
      expect(t, id).toContain('Place of birth: Alqosh, Iraq');
      if (id !== 'records-fbi') expect(t, id).toContain('A-number: A204-731-556');
    }
  });

  it('each FOIA request describes that agency\'s records, carries the fee agreement, asks for electronic records and names the appeal right', () => {
    const wanted: Record<string, RegExp> = {
      'records-uscis': /A-file/,
      'records-ice': /Form I-213/,
      'records-cbp': /entries to and departures from the United States/,
      'records-obim': /IDENT|biometric/,
      'records-eoir': /audio recording \(tape or digital\) of every hearing/,
      'records-state': /visa/i,
    };
    for (const id of FOIA) {
      const t = text(id);
      expect(t, id).toMatch(wanted[id]!);
      expect(t, id).toContain('I agree to pay fees up to $25');
      expect(t, id).toContain('electronic form');
      expect(t, id).toContain('I reserve the right to appeal any adverse determination, including a denial of expedited processing.');
      expect(t, id).toContain('declaration of identity and consent');
    }
  });

  it('expedite grounds differ: DHS components get the threat to life or safety, DOJ components also the loss of due process rights, each certified', () => {
    for (const id of ['records-uscis', 'records-ice', 'records-cbp', 'records-obim']) {
      const t = text(id);
      expect(t, id).toContain('6 C.F.R. § 5.5(e)');
      expect(t, id).toContain('imminent threat to his life or physical safety');
      expect(t, id).not.toContain('due process');
      expect(t, id).toContain('true and correct to the best of my knowledge and belief');
    }
    const eoir = text('records-eoir');
    expect(eoir).toContain('28 C.F.R. § 16.5(e)');
    expect(eoir).toContain('imminent threat to his life or physical safety');
    expect(eoir).toContain('a loss of substantial due process rights');
    expect(eoir).toContain('true and correct to the best of my knowledge and belief');
  });

  it('the FBI request is an identity history request, not FOIA: fingerprint card and fee, no fee agreement, no expedite', () => {
    const t = text('records-fbi');
    expect(t).toContain('Identity History Summary');
    expect(t).toContain('This is not a request under the Freedom of Information Act.');
    expect(t).toContain('Form FD-258');
    expect(t).toContain('$18');
    expect(t).toContain('Clarksburg, WV 26306');
    expect(t).not.toContain('expedited');
    expect(t).not.toContain('agree to pay fees');
  });

  it('the identity declaration speaks in the subject\'s first person and consents to release to counsel', () => {
    const t = text('identity-declaration');
    expect(t).toContain('I, Fadi Gorgis Kako, declare as follows:');
    expect(t).toContain('My A-number is A204-731-556.');
    expect(t).toContain('I was born on November 3, 1982, in Alqosh, Iraq.');
    expect(t).toContain('I consent to the release to my attorney, Laila M. Haddad');
    expect(t).toContain('the Executive Office for Immigration Review (EOIR)');
    expect(t).toContain('I declare under penalty of perjury that the foregoing is true and correct.');
  });

  it('signed outside the United States, the declarations use 28 U.S.C. 1746(1)\'s wording', async () => {
    const abroad = merge(sample(EMERGENCY) as Json, { respondent: { signingCountry: 'CA' } });
    const r = await docs(abroad, emergencyAsOf, ['identity-declaration', 'records-fbi']);
    for (const id of ['identity-declaration', 'records-fbi']) {
      expect(r.text(id)).toContain('I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.');
    }
  });

  it('the EOIR request is the record-of-proceedings request to the court when counsel is of record, EOIR FOIA otherwise', async () => {
    expect(text('records-eoir')).toContain('FOIA Service Center');
    const ofRecord = merge(sample(EMERGENCY) as Json, { counsel: { ofRecord: true } });
    const r = await docs(ofRecord, emergencyAsOf, ['records-eoir']);
    const t = r.text('records-eoir');
    expect(t).toContain('Re: Request for a copy of the record of proceedings: Fadi Gorgis Kako, A204-731-556');
    expect(t).toContain('As counsel of record, I request a copy of the complete record of proceedings');
    expect(t).toContain('ICPM 12.2(a)(1)');
    // Neither a fee agreement nor an expedite section: it is not a FOIA request.
    expect(t).not.toContain('agree to pay fees');
    expect(t).not.toContain('expedited');
  });

  it('the released records-only sample gives its requests alone', async () => {
    const s = samples().find((x) => x.name === 'released-records-only')!;
    const r = await generateDocuments(sample(s.name), { asOf: s.asOf, readExhibit: read, formats: ['docx'] });
    expect(r.ok).toBe(true);
    expect([...new Set(r.files.map((f) => f.document))]).toEqual([
      'records-uscis', 'records-ice', 'records-cbp', 'records-obim', 'records-eoir', 'records-state', 'records-fbi', 'identity-declaration',
    ]);
  });
});

describe('records already asked for', () => {
  it('an agency that produced gets no new request; one asked and not answered gets a status inquiry, never a duplicate', async () => {
    const s = samples().find((x) => x.name === 'released-records-only')!;
    const { text } = await docs(sample(s.name), s.asOf, ['records-uscis', 'records-ice']);
    const uscis = text('records-uscis');
    expect(uscis).toContain('Re: NRC2022061512: status of the Freedom of Information Act request');
    expect(uscis).toContain('It was received on June 15, 2022.');
    expect(uscis).toContain('The twenty business days the Act allows for a determination ended on July 15, 2022.');
    expect(uscis).toContain('5 U.S.C. § 552(a)(7)(B)');
    expect(uscis).not.toContain('I request on behalf of my client');
    expect(text('records-ice')).toContain('2022-ICFO-51234');
    // Hamama: USCIS and EOIR produced the A-file and the record on August 7, 2017.
    const hamama = checkCase(sample('detained-iraqi-hamama'), '2017-10-01').documents!.map((d) => d.id);
    expect(hamama).toContain('records-fbi');
    expect(hamama).not.toContain('records-uscis');
    expect(hamama).not.toContain('records-eoir');
    expect(hamama).not.toContain('identity-declaration');
  });

  it('an accredited representative is never called an attorney, and letters sign for the client by name', async () => {
    const s = samples().find((x) => x.name === 'released-records-only')!;
    const { text } = await docs(sample(s.name), s.asOf, ['identity-declaration', 'records-fbi', 'records-cbp']);
    expect(text('identity-declaration')).toContain('I consent to the release to my accredited representative, Mark Toma, of the Chaldean Community Legal Clinic, of every record');
    expect(text('records-fbi')).toContain('to my accredited representative, Mark Toma, 30850 Telegraph Road');
    for (const id of ['identity-declaration', 'records-fbi']) expect(text(id)).not.toContain('attorney');
    expect(text('records-cbp')).toContain('Accredited Representative for Rana Shamoun');
  });
});

describe('the combined filing puts each certificate behind what it certifies', () => {
  it('the translation certificate follows its exhibit, and the interpreter\'s follows the declaration', async () => {
    const r = await generateDocuments(sample(EMERGENCY), { asOf: emergencyAsOf, readExhibit: read, documents: ['motion-to-reopen'], formats: ['pdf'] });
    expect(r.ok).toBe(true);
    const filing = r.files.find((f) => f.name.endsWith('-filing.pdf'))!;
    const pages = (await extract(filing.bytes)).map((p) => plain(p.body));
    const flat = (page: string | undefined) => (page ?? '').replace(/\s+/g, ' ');
    const first = (re: RegExp, from = 0) => pages.findIndex((p, i) => i >= from && re.test(p));
    const tabB = first(/^\s*TAB B\b|^\s*Tab B\b/m);
    const tabC = first(/^\s*TAB C\b|^\s*Tab C\b/m);
    const interpretation = first(/CERTIFICATE OF INTERPRETATION/);
    expect(tabB).toBeGreaterThan(0);
    expect(interpretation).toBeGreaterThan(tabB);
    expect(interpretation).toBeLessThan(tabC);
    expect(flat(pages[interpretation])).toContain('"Declaration of Fadi Gorgis Kako"');
    expect(flat(pages[interpretation])).not.toContain('Statement of Fadi Gorgis Kako');
    const tabE = first(/^\s*TAB E\b|^\s*Tab E\b/m);
    const tabF = first(/^\s*TAB F\b|^\s*Tab F\b/m);
    const translation = first(/CERTIFICATE OF TRANSLATION/);
    expect(translation).toBeGreaterThan(tabE);
    expect(translation).toBeLessThan(tabF);
    expect(flat(pages[translation])).toContain('Tab E');
    const manifest = JSON.parse(Buffer.from(r.manifest!.bytes).toString('utf8')) as { templates?: unknown };
    expect(JSON.stringify(manifest)).toContain('certificate-of-translation');
    expect(JSON.stringify(manifest)).toContain('certificate-of-interpretation');
  }, 180_000);
});
