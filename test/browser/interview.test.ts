/**
 * The web interview in a real browser (playwright-core driving Debian's chromium, headless) against
 * a real server on 127.0.0.1 with a real SQLite file: an administrator invites an intern and an
 * attorney; the intern takes the detained sample's facts down from a blank draft, meets the error
 * summary for a bad A-number, leaves and resumes, and submits for review; the attorney approves
 * and downloads the packet, whose PDF holds the answers given. Every page passes axe-core with no
 * serious or critical violation. The same interview runs again with JavaScript disabled.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/web/auth.js';
import { SAMPLES_DIR } from '../helpers/case-folder.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { extract } from '../render/pdf/extract.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADMIN = { email: 'admin@clinic.org', password: 'correct horse battery staple' };
const ACCOUNT = 'I was born in Alqosh, a Chaldean Catholic town in the Nineveh Plains.';

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startTestServer({ today: '2017-10-01' });
  const org = await s.store.ensureOrganization('Detroit Clinic');
  await s.store.createUser(org.id, ADMIN.email, await hashPassword(ADMIN.password), 'attorney', true);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** Off for the run without JavaScript: axe-core is a script (the pages are the same in both runs). */
let axeOn = true;

/** axe-core on the page as it stands: no serious or critical violation. */
async function accessible(page: Page, where: string): Promise<void> {
  if (!axeOn) return;
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  })) as { id: string; impact: string; nodes: string[] }[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${where}: ${JSON.stringify(bad)}`).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${s.url}/login`);
  await accessible(page, 'login');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${s.url}/cases`), page.click('button[type=submit]:has-text("Sign in")')]);
}

async function signOut(page: Page) {
  await Promise.all([page.waitForURL(`${s.url}/login`), page.click('button:has-text("Sign out")')]);
}

/** Invites a person from the People page and returns the one-time link. */
async function invite(page: Page, email: string, role: 'intern' | 'attorney'): Promise<string> {
  await page.goto(`${s.url}/admin/users`);
  await accessible(page, 'people');
  await page.fill('#invite-email', email);
  await tick(page, `#role-${role}`);
  await page.click('button:has-text("Make an invitation link")');
  return (await page.textContent('code.reopen-link'))!.trim();
}

async function accept(page: Page, link: string, password: string) {
  await page.goto(link);
  await accessible(page, 'invitation');
  await page.fill('#password', password);
  await page.fill('#confirm', password);
  await Promise.all([page.waitForURL(`${s.url}/login`), page.click('button:has-text("Set my password")')]);
}

/** USWDS draws its own radios and checkboxes over the native input, which it hides; the label is what a person clicks. */
async function tick(page: Page, selector: string): Promise<void> {
  if (await page.isChecked(selector)) return;
  await page.click(`label[for="${await page.getAttribute(selector, 'id')}"]`);
  expect(await page.isChecked(selector)).toBe(true);
}
const radio = (page: Page, name: string, value: string) => tick(page, `input[name="${name}"][value="${value}"]`);
const fill = (page: Page, path: string, value: string) => page.fill(`[name="${path}"]`, value);

/** Saves the page and waits for the next one; checks each page it leaves for accessibility. */
async function next(page: Page, expectStep: string) {
  await accessible(page, page.url());
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith(`/${expectStep}`)), page.click('button[name="_go"][value="next"]')]);
}

/** The detained sample (detained-iraqi-hamama) taken down page by page, as an intern would. */
async function interview(page: Page): Promise<string> {
  await page.goto(`${s.url}/cases`);
  await accessible(page, 'case list (empty)');
  await Promise.all([page.waitForURL(/\/step\/filings$/), page.click('button:has-text("Start a new case")')]);
  const id = /draft-[0-9a-f]{32}/.exec(page.url())![0];
  for (const g of ['motion', 'stay-immigration-court', 'records']) await tick(page, `input[name="goals"][value="${g}"]`);
  await next(page, 'respondent');

  await fill(page, 'respondent.name.given', 'Sami');
  await fill(page, 'respondent.name.middle', 'Hanna');
  await fill(page, 'respondent.name.family', 'Yousif');
  await fill(page, 'respondent.aNumber', 'A12');
  await fill(page, 'respondent.dateOfBirth', '1971-04-02');
  await fill(page, 'respondent.nationality', 'IQ');
  await fill(page, 'respondent.placeOfBirth.city', 'Alqosh');
  await fill(page, 'respondent.placeOfBirth.country', 'IQ');
  await fill(page, 'respondent.arrivalDate', '1994-07-10');
  await page.click('button[name="_go"][value="next"]');
  // The error summary names the A-number and links to its field.
  await expect.poll(() => page.textContent('#error-summary')).toContain('An A-number has 7, 8 or 9 digits; this one has 2.');
  expect(await page.getAttribute('#error-summary a', 'href')).toBe('#f-respondent-aNumber');
  expect(await page.title()).toMatch(/^Error: /);
  await accessible(page, 'respondent with errors');
  await fill(page, 'respondent.aNumber', 'A212-047-381');
  await next(page, 'language');

  await fill(page, 'respondent.languages.0.name', 'Arabic');
  await radio(page, 'respondent.languages.0.interpreterNeeded', 'yes');
  await next(page, 'custody');

  // Leave for the case list, and come back: the case resumes where it was.
  await page.goto(`${s.url}/cases`);
  await accessible(page, 'case list');
  expect(await page.textContent('main')).toContain('Sami Hanna Yousif');
  // Both runs share one organization, so the case is picked by its own link, not by the name.
  await Promise.all([page.waitForURL(/\/step\/[a-z-]+$/), page.click(`a[href="/cases/${id}"]`)]);
  expect(new URL(page.url()).pathname).toMatch(/\/step\/custody$/);

  await radio(page, 'custody.status', 'detained');
  await page.click('button[name="_go"][value="next"]');
  await expect.poll(() => page.locator('[name="custody.facility.name"]').count()).toBe(1);
  await fill(page, 'custody.facility.name', 'Northeast Ohio Correctional Center');
  await fill(page, 'custody.facility.address.street', '2240 Hubbard Road');
  await fill(page, 'custody.facility.address.city', 'Youngstown');
  await fill(page, 'custody.facility.address.state', 'OH');
  await fill(page, 'custody.facility.address.zip', '44505');
  await fill(page, 'custody.facility.eroFieldOffice', 'Detroit');
  await next(page, 'removal-date');
  await next(page, 'order');

  await radio(page, 'proceedings.type', 'removal');
  await fill(page, 'proceedings.court.name', 'Detroit Immigration Court');
  await fill(page, 'proceedings.order.date', '2005-03-15');
  await radio(page, 'proceedings.order.inAbsentia', 'no');
  // Without JavaScript, the appeal question appears once "not in absentia" is saved.
  await page.click('button[name="_go"][value="next"]');
  await expect.poll(() => page.locator('input[name="proceedings.order.appeal"]').count()).toBe(3);
  expect(await page.textContent('.usa-alert--success')).toContain('Your answers bring in the question below');
  await radio(page, 'proceedings.order.appeal', 'waived');
  await next(page, 'history');

  await fill(page, 'criminalHistory.0.offense', 'Possession of a controlled substance');
  await page.click('button[name="_go"][value="next"]');
  await expect.poll(() => page.locator('[name="criminalHistory.0.jurisdiction"]').count()).toBe(1);
  await fill(page, 'criminalHistory.0.jurisdiction', 'Oakland County Circuit Court, Michigan');
  await fill(page, 'criminalHistory.0.convictionDate', '2003-05-20');
  await fill(page, 'criminalHistory.0.sentence', 'Probation, 18 months');
  await fill(page, 'motion.barsResponse', 'The conviction is not an aggravated felony or a particularly serious crime; in any event deferral of removal under the Convention Against Torture remains available.');
  await next(page, 'basis');

  await radio(page, 'motion.basis', 'changed-country-conditions');
  await page.click('button[name="_go"][value="next"]');
  await expect.poll(() => page.locator('input[name="motion.protectedGrounds"]').count()).toBe(5);
  for (const r of ['asylum', 'withholding', 'cat']) await tick(page, `input[name="motion.reliefSought"][value="${r}"]`);
  await tick(page, 'input[name="motion.protectedGrounds"][value="religion"]');
  await next(page, 'court-order');

  await fill(page, 'motion.courtOrderClock.caption', 'Hamama v. Adducci');
  await page.click('button[name="_go"][value="next"]');
  await expect.poll(() => page.locator('[name="motion.courtOrderClock.days"]').count()).toBe(1);
  await fill(page, 'motion.courtOrderClock.citation', '261 F. Supp. 3d 820 (E.D. Mich. 2017)');
  await fill(page, 'motion.courtOrderClock.trigger', "the government's production of the A-file and record of proceedings");
  await fill(page, 'motion.courtOrderClock.triggerDate', '2017-08-07');
  await fill(page, 'motion.courtOrderClock.days', '90');
  await next(page, 'new-facts');

  await fill(page, 'motion.newFacts.0.statement', 'ISIS overran the Nineveh Plains in 2014 and targeted Chaldean Christians.');
  await fill(page, 'motion.newFacts.0.arose', '2014-08-06');
  await fill(page, 'motion.newFacts.0.whyNotEarlier', 'These events happened nine years after the removal order.');
  await next(page, 'declaration');

  await fill(page, 'declaration.account', `${ACCOUNT}\n\nI fear that I will be killed if I am returned to Iraq because I am a Chaldean Christian.`);
  await next(page, 'exhibits');

  await page.click('button[name="_go"][value="add-declaration"]');
  await page.waitForURL(/\/step\/exhibits$/);
  await page.fill('#f-exhibit-title', 'Form I-589, Application for Asylum and for Withholding of Removal');
  await tick(page, 'input[name="kind"][value="application"]');
  await page.fill('#f-exhibit-pages', '12');
  await page.click('button[name="_go"][value="add"]');
  await page.waitForURL(/\/step\/exhibits$/);
  await page.fill('#f-exhibit-title', 'USCIRF Annual Report 2017: Iraq chapter (excerpt)');
  await tick(page, 'input[name="kind"][value="country-conditions"]');
  await page.fill('#f-exhibit-date', '2017-04-26');
  await page.setInputFiles('#f-exhibit-file', join(SAMPLES_DIR, 'exhibits', 'uscirf-2017-annual-report-iraq.pdf'));
  await page.click('button[name="_go"][value="add"]');
  await page.waitForURL(/\/step\/exhibits$/);
  expect(await page.textContent('table')).toContain('PDF uploaded');
  await next(page, 'stay');

  await fill(page, 'stay.reasons', 'Removal to Iraq would expose him to persecution before the motion is decided.');
  await next(page, 'records');
  for (const a of ['uscis', 'eoir']) await tick(page, `input[name="records.agencies"][value="${a}"]`);
  await fill(page, 'records.maxFee', '25');
  await next(page, 'counsel');

  await fill(page, 'counsel.name', 'Laila Haddad');
  await radio(page, 'counsel.type', 'attorney');
  await fill(page, 'counsel.organization', 'Detroit Clinic');
  await fill(page, 'counsel.address.street', '1 Main Street');
  await fill(page, 'counsel.address.city', 'Detroit');
  await fill(page, 'counsel.address.state', 'MI');
  await fill(page, 'counsel.address.zip', '48226');
  await fill(page, 'counsel.phone', '313-555-0100');
  await fill(page, 'counsel.email', 'lhaddad@example.org');
  await fill(page, 'counsel.eoirId', 'AB123456');
  await next(page, 'service');

  await radio(page, 'service.method', 'hand');
  await fill(page, 'service.dhsOffice', 'Office of the Principal Legal Advisor, Detroit');
  await page.click('button[name="_go"][value="next"]');
  await expect.poll(() => page.locator('[name="service.address.street"]').count()).toBe(1);
  await fill(page, 'service.address.street', '333 Mount Elliott Street');
  await fill(page, 'service.address.city', 'Detroit');
  await fill(page, 'service.address.state', 'MI');
  await fill(page, 'service.address.zip', '48207');
  await next(page, 'review');

  const review = (await page.textContent('main'))!;
  expect(review).toContain('Immigration court');
  // The deadline the court order sets, worked out with its citation.
  expect(review).toContain('File by 2017-11-06');
  expect(review).toContain('A212-047-381');
  await accessible(page, 'check your answers');
  await Promise.all([page.waitForURL(`${s.url}/cases`), page.click('button:has-text("Submit for review")')]);
  return id;
}

async function approveAndDownload(page: Page, id: string) {
  await page.goto(`${s.url}/review`);
  await accessible(page, 'review queue');
  await Promise.all([page.waitForURL(`${s.url}/cases/${id}/review`), page.click(`a[href="/cases/${id}/review"]`)]);
  await Promise.all([page.waitForURL(`${s.url}/cases/${id}/review`), page.click('button:has-text("Approve revision")')]);
  expect(await page.textContent('.reopen-review')).toContain('Approved');
  await accessible(page, 'approved');
  await tick(page, '#dl-packet');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download")')]);
  const zip = new PizZip(readFileSync((await download.path())!));
  const names = Object.keys(zip.files);
  expect(names).toContain('212047381-motion-to-reopen.pdf');
  expect(names).toContain('212047381-stay-motion-immigration-court.pdf');
  expect(names).toContain('212047381-records-uscis.pdf');
  const declaration = (await extract(zip.file('212047381-respondent-declaration.pdf')!.asUint8Array())).map((p) => p.body).join('\n').replace(/\s+/g, ' ');
  expect(declaration).toContain(ACCOUNT);
  const filing = (await extract(zip.file('212047381-filing.pdf')!.asUint8Array())).map((p) => p.body).join('\n');
  expect(filing).toContain('A212-047-381');
  expect(filing).toContain('SAMPLE EXHIBIT FOR THE REOPEN SAMPLE CASE');
}

describe.each([
  ['with JavaScript', true],
  ['with JavaScript disabled', false],
])('the interview %s', (_name, javaScriptEnabled) => {
  it('an intern takes the detained sample down and submits it; the attorney approves and downloads the packet', async () => {
    const suffix = javaScriptEnabled ? 'js' : 'nojs';
    axeOn = javaScriptEnabled;
    const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true, acceptDownloads: true });
    try {
      const admin = await context.newPage();
      await signIn(admin, ADMIN.email, ADMIN.password);
      const internLink = await invite(admin, `intern-${suffix}@clinic.org`, 'intern');
      const attorneyLink = await invite(admin, `attorney-${suffix}@clinic.org`, 'attorney');
      await signOut(admin);

      const intern = await context.newPage();
      await accept(intern, internLink, 'intern password long enough');
      await signIn(intern, `intern-${suffix}@clinic.org`, 'intern password long enough');
      const id = await interview(intern);
      // An intern gets no final documents.
      await intern.goto(`${s.url}/cases/${id}/review`);
      expect(await intern.locator('#dl-packet').count()).toBe(0);
      await signOut(intern);

      const attorney = await context.newPage();
      await accept(attorney, attorneyLink, 'attorney password long enough');
      await signIn(attorney, `attorney-${suffix}@clinic.org`, 'attorney password long enough');
      await approveAndDownload(attorney, id);
    } finally {
      await context.close();
    }
  }, 240_000);
});
