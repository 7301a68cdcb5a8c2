/**
 * The interview's pages: the case list, one page per step (one question group), and "check your
 * answers". Every page saves the draft through the same store as the API (revisions, conflicts);
 * what is asked and in what order comes from src/interview, what is wrong from `checkCase`. No
 * legal logic here, and no case data in any URL (ids only; search is a POST).
 */
import express, { type Request, type Response, type Router } from 'express';
import {
  applyAnswers,
  checkCase,
  parseCaseText,
  withValue,
  fieldApplies,
  goalsOf,
  helpOf,
  labelOf,
  missingIn,
  nextStep,
  respondentName,
  stepById,
  stepsFor,
  valueAt,
  GOAL_LABELS,
  type CheckReport,
  type Field,
  type InterviewDraft,
  type ReviewState,
  type ReviewStatus,
  type Session,
  type Step,
  type Store,
} from '../../src/index.js';
import multer from 'multer';
import PizZip from 'pizzip';
import type { Generator } from '../generation.js';
import { SandboxBusyError, type ExhibitChecker } from '../sandbox-slots.js';
import { checkCsrf, principalOf, requireSession } from './auth.js';
import { errorSummary, html, page, type Html } from './html.js';

const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const DRAFT_ID = /^draft-[0-9a-f]{32}$/;

/** The largest case export imported, and what its zip may unpack to. */
const IMPORT_BYTES = 100_000_000;
const IMPORT_UNPACKED = 300_000_000;
const IMPORT_ENTRIES = 500;

/**
 * A case export (case.json and exhibits/*.pdf) read with the limits checked on what the zip
 * declares before anything is unpacked. `files` holds the PDFs by their path in the zip.
 */
function readCaseZip(bytes: Uint8Array): { ok: true; value: Record<string, unknown>; files: Map<string, Uint8Array> } | { ok: false; problem: string } {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return { ok: false, problem: 'The file is not a zip file exported from Reopen.' };
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > IMPORT_ENTRIES) return { ok: false, problem: `The zip holds more than ${IMPORT_ENTRIES} files.` };
  const declared = entries.reduce((n, f) => n + Number((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > IMPORT_UNPACKED) return { ok: false, problem: `The zip unpacks to more than ${IMPORT_UNPACKED / 1e6} MB.` };
  const caseFile = zip.file('case.json');
  if (!caseFile) return { ok: false, problem: 'The zip holds no case.json.' };
  const parsed = parseCaseText(caseFile.asText(), 'file');
  if (!parsed.ok) return { ok: false, problem: `Its case.json cannot be read: ${parsed.issue.message}` };
  const files = new Map<string, Uint8Array>();
  for (const f of entries) if (/^exhibits\/[^/]+\.pdf$/i.test(f.name)) files.set(f.name, f.asUint8Array());
  return { ok: true, value: parsed.value, files };
}

interface Problem {
  path: string;
  message: string;
}

function question(f: Field): string {
  return f.question ?? cap(labelOf(f.path));
}

function hintOf(f: Field): string | undefined {
  if (f.hint) return f.hint;
  const help = helpOf(f.path);
  if (help) return help;
  switch (f.kind) {
    case 'date':
      return 'Write the date as YYYY-MM-DD, such as 2017-06-11.';
    case 'partial-date':
      return 'YYYY-MM-DD; or YYYY-MM, or YYYY, when only that much is known.';
    case 'time':
      return 'Such as 06:00 or 14:30.';
    case 'state':
      return 'Two letters, such as MI.';
    case 'country':
      return 'Two-letter country code, such as IQ for Iraq.';
    case 'paragraphs':
      return 'Leave an empty line between paragraphs.';
    default:
      return undefined;
  }
}

function asText(v: unknown, f: Field): string {
  if (v === undefined || v === null) return '';
  if (f.kind === 'paragraphs' && Array.isArray(v)) return v.join('\n\n');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** One field as USWDS markup: label, hint, error, input; radios and checkboxes in a fieldset. */
function fieldHtml(f: Field, value: unknown, problem: string | undefined): Html {
  const id = fieldId(f.path);
  const hint = hintOf(f);
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const hintHtml = hint ? html`<div class="usa-hint" id="${id}-hint">${hint}</div>` : '';
  const errorHtml = problem ? html`<span class="usa-error-message" id="${id}-error" role="alert">${problem}</span>` : '';
  const group = problem ? 'usa-form-group usa-form-group--error' : 'usa-form-group';
  const req = f.required ? html` <span class="reopen-required">(required)</span>` : '';
  if (f.kind === 'choice' || f.kind === 'yes-no' || f.kind === 'checkboxes') {
    const opts = f.kind === 'yes-no' ? [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] : (f.options ?? []);
    const chosen = f.kind === 'yes-no' ? (value === true ? ['yes'] : value === false ? ['no'] : []) : Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
    const type = f.kind === 'checkboxes' ? 'checkbox' : 'radio';
    return html`<div class="${group}"><fieldset class="usa-fieldset" id="${id}" ${described ? html`aria-describedby="${described}"` : ''}>
  <legend class="usa-legend">${question(f)}${req}</legend>
  ${hintHtml}${errorHtml}
  ${opts.map(
    (o, i) => html`<div class="usa-${type}">
    <input class="usa-${type}__input" id="${id}-${i}" type="${type}" name="${f.path}" value="${o.value}" ${chosen.includes(o.value) ? html`checked` : ''}>
    <label class="usa-${type}__label" for="${id}-${i}">${o.label}</label>
  </div>`,
  )}
</fieldset></div>`;
  }
  const text = asText(value, f);
  const label = html`<label class="usa-label" for="${id}">${question(f)}${req}</label>`;
  if (f.kind === 'paragraphs' || f.kind === 'prose') {
    return html`<div class="${group}">${label}${hintHtml}${errorHtml}<textarea class="usa-textarea reopen-textarea" id="${id}" name="${f.path}" rows="${f.kind === 'paragraphs' ? 14 : 5}" ${described ? html`aria-describedby="${described}"` : ''}>${text}</textarea></div>`;
  }
  const type = f.kind === 'email' ? 'email' : 'text';
  const width = f.kind === 'state' || f.kind === 'country' ? ' usa-input--xs' : f.kind === 'date' || f.kind === 'partial-date' || f.kind === 'time' || f.kind === 'a-number' ? ' usa-input--md' : '';
  return html`<div class="${group}">${label}${hintHtml}${errorHtml}<input class="usa-input${width}" id="${id}" name="${f.path}" type="${type}" value="${text}" ${described ? html`aria-describedby="${described}"` : ''} autocomplete="off" spellcheck="false"></div>`;
}

/** The problems of a step's fields after a save: unreadable answers, missing required ones, and the case format's issues at those paths. */
function problemsFor(step: Step, draft: InterviewDraft, typed: readonly Problem[], report: CheckReport): Problem[] {
  const out = new Map<string, string>();
  for (const p of typed) out.set(p.path, p.message);
  const goals = goalsOf(draft);
  const fields = step.fields.filter((f) => f.path !== 'goals' && fieldApplies(f, draft, goals));
  for (const f of fields) {
    if (out.has(f.path)) continue;
    // A required field's absence is worded by missingIn below; a field of a list slot (an earlier
    // motion half filled in) gets the case format's own "is required".
    const issue = report.issues.find((i) => i.severity === 'error' && (i.code !== 'required' || !f.required) && (i.path === f.path || i.path.startsWith(`${f.path}.`)));
    if (issue) out.set(f.path, issue.message);
  }
  for (const f of missingIn(step, draft)) if (!out.has(f.path)) out.set(f.path, `${cap(f.path === 'goals' ? 'the filings to prepare' : labelOf(f.path))} is required.`);
  // In the order of the page; problems of the exhibit being added (exhibit.*) after the step's own.
  const ordered = step.fields.filter((f) => out.has(f.path)).map((f) => ({ path: f.path, message: out.get(f.path)! }));
  return [...ordered, ...typed.filter((p) => !step.fields.some((f) => f.path === p.path))];
}

const EVIDENCE_KINDS: readonly { value: string; label: string }[] = [
  { value: 'application', label: 'Application for relief (such as Form I-589)' },
  { value: 'declaration', label: 'Declaration or affidavit' },
  { value: 'country-conditions', label: 'Country conditions (reports, articles)' },
  { value: 'identity', label: 'Identity document' },
  { value: 'court-record', label: 'Court or immigration record' },
  { value: 'other', label: 'Other' },
];
const kindLabel = (k: unknown) => EVIDENCE_KINDS.find((x) => x.value === k)?.label ?? String(k);

/** The exhibits, with a remove button each, and the fields to add one (with its PDF). */
function exhibitsHtml(draft: InterviewDraft, problems: readonly Problem[]): Html {
  const items = (Array.isArray(valueAt(draft, 'motion.evidence')) ? (valueAt(draft, 'motion.evidence') as Record<string, unknown>[]) : []).filter((x) => x && typeof x === 'object');
  const problem = (path: string) => problems.find((p) => p.path === path)?.message;
  const input = (name: string, label: string, hint?: string, width = '') => {
    const id = fieldId(`exhibit.${name}`);
    const err = problem(`exhibit.${name}`);
    return html`<div class="usa-form-group${err ? ' usa-form-group--error' : ''}"><label class="usa-label" for="${id}">${label}</label>${hint ? html`<div class="usa-hint" id="${id}-hint">${hint}</div>` : ''}${err ? html`<span class="usa-error-message" id="${id}-error">${err}</span>` : ''}<input class="usa-input${width}" id="${id}" name="${name}" type="text" ${hint || err ? html`aria-describedby="${[hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ')}"` : ''}></div>`;
  };
  const hasDeclaration = items.some((x) => x['document'] === 'respondent-declaration');
  const fileId = fieldId('exhibit.file');
  const fileErr = problem('exhibit.file');
  return html`<div id="${fieldId('motion.evidence')}">${
    items.length === 0
      ? html`<p>No exhibits yet.</p>`
      : html`<table class="usa-table usa-table--borderless"><caption>Exhibits, in the order of their tabs</caption>
<thead><tr><th scope="col">Tab</th><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">File</th><th scope="col"><span class="usa-sr-only">Remove</span></th></tr></thead>
<tbody>${items.map(
          (x, i) => html`<tr><td>${String.fromCharCode(65 + (i % 26))}</td><th scope="row">${String(x['title'] ?? '')}</th><td>${kindLabel(x['kind'])}</td><td>${x['document'] === 'respondent-declaration' ? 'Written by Reopen from the account' : x['file'] ? 'PDF uploaded' : x['pages'] ? `To insert (${String(x['pages'])} pages)` : 'To insert'}</td><td><button class="usa-button usa-button--unstyled" type="submit" name="_remove" value="${i}">Remove<span class="usa-sr-only"> ${String(x['title'] ?? '')}</span></button></td></tr>`,
        )}</tbody></table>`
  }
${hasDeclaration ? '' : html`<p><button class="usa-button usa-button--outline" type="submit" name="_go" value="add-declaration">File the client’s declaration at the next tab</button></p>`}
<fieldset class="usa-fieldset reopen-add"><legend class="usa-legend usa-legend--large">Add an exhibit</legend>
  ${input('title', 'Title', 'As it should read in the index, such as “Iraq 2016 Human Rights Report (excerpt)”.')}
  <div class="usa-form-group${problem('exhibit.kind') ? ' usa-form-group--error' : ''}"><fieldset class="usa-fieldset" id="${fieldId('exhibit.kind')}"><legend class="usa-legend">Kind</legend>
  ${problem('exhibit.kind') ? html`<span class="usa-error-message">${problem('exhibit.kind')}</span>` : ''}
  ${EVIDENCE_KINDS.map((k, i) => html`<div class="usa-radio"><input class="usa-radio__input" id="${fieldId('exhibit.kind')}-${i}" type="radio" name="kind" value="${k.value}"><label class="usa-radio__label" for="${fieldId('exhibit.kind')}-${i}">${k.label}</label></div>`)}
  </fieldset></div>
  ${input('date', 'Its date (YYYY-MM-DD), if it has one', undefined, ' usa-input--md')}
  ${input('publisher', 'Who published or issued it, if anyone')}
  ${input('pages', 'Its number of pages, if there is no PDF yet', undefined, ' usa-input--xs')}
  ${input('language', 'Its language, if not English')}
  <div class="usa-checkbox"><input class="usa-checkbox__input" id="${fieldId('exhibit.translated')}" type="checkbox" name="translated" value="yes"><label class="usa-checkbox__label" for="${fieldId('exhibit.translated')}">An English translation is attached</label></div>
  <div class="usa-form-group${fileErr ? ' usa-form-group--error' : ''}"><label class="usa-label" for="${fileId}">The PDF, if you have it</label>${fileErr ? html`<span class="usa-error-message" id="${fileId}-error">${fileErr}</span>` : ''}<input class="usa-file-input" id="${fileId}" name="file" type="file" accept="application/pdf"></div>
  <button class="usa-button usa-button--outline" type="submit" name="_go" value="add">Add this exhibit</button>
</fieldset></div>`;
}

function stepPage(s: Session, id: string, rev: number, step: Step, draft: InterviewDraft, problems: readonly Problem[], notice?: string): string {
  const goals = goalsOf(draft);
  const steps = stepsFor(draft);
  const index = steps.findIndex((x) => x.id === step.id);
  const byPath = new Map(problems.map((p) => [p.path, p.message]));
  const fields = step.fields.filter((f) => fieldApplies(f, draft, goals));
  return page({
    title: `${problems.length ? 'Error: ' : ''}${step.title}`,
    user: s.user,
    csrf: s.csrf,
    ...(notice ? { notice } : {}),
    body: html`<div class="grid-row grid-gap">
<div class="grid-col-12 tablet:grid-col-8">
<span class="usa-hint">Step ${index + 1} of ${steps.length}</span>
<h1>${step.title}</h1>
${step.intro ? html`<p class="usa-intro">${step.intro}</p>` : ''}
${errorSummary(problems.map((p) => ({ id: fieldId(p.path), message: p.message })))}
<form class="usa-form usa-form--large" method="post" action="/cases/${id}/step/${step.id}" novalidate${step.fields.some((f) => f.kind === 'exhibits') ? html` enctype="multipart/form-data"` : ''}>
  <input type="hidden" name="_csrf" value="${s.csrf}">
  <input type="hidden" name="_rev" value="${rev}">
  ${step.fields.some((f) => f.kind === 'exhibits') ? html`<button type="submit" name="_go" value="stay" class="usa-sr-only" tabindex="-1" aria-hidden="true">Save</button>` : ''}
  ${fields.map((f) => (f.kind === 'exhibits' ? exhibitsHtml(draft, problems) : fieldHtml(f, f.path === 'goals' ? goals : valueAt(draft, f.path), byPath.get(f.path))))}
  <button class="usa-button" type="submit" name="_go" value="next">Save and continue</button>
  <button class="usa-button usa-button--outline" type="submit" name="_go" value="stay">Save</button>
</form>
<p><a href="/cases/${id}/review">Check your answers</a> · <a href="/cases">Back to the case list</a></p>
</div>
<nav class="grid-col-12 tablet:grid-col-4" aria-label="Steps of this case">
<ol class="usa-list reopen-steps">${steps.map((x) => html`<li>${x.id === step.id ? html`<strong aria-current="step">${x.title}</strong>` : html`<a href="/cases/${id}/step/${x.id}">${x.title}</a>`}${missingIn(x, draft).length === 0 ? '' : html` <span class="usa-hint">(to do)</span>`}</li>`)}</ol>
</nav>
</div>`,
  });
}

function displayValue(f: Field, v: unknown): string {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return 'Not given';
  if (f.kind === 'yes-no') return v === true ? 'Yes' : 'No';
  if (f.path === 'goals' && Array.isArray(v)) return v.map((g) => GOAL_LABELS[g as keyof typeof GOAL_LABELS] ?? String(g)).join('; ');
  if ((f.kind === 'choice' || f.kind === 'checkboxes') && f.options) {
    const vals = Array.isArray(v) ? v : [v];
    return vals.map((x) => f.options!.find((o) => o.value === x)?.label ?? String(x)).join('; ');
  }
  if (f.kind === 'exhibits' && Array.isArray(v)) {
    return v.map((x: Record<string, unknown>, i) => `Tab ${String.fromCharCode(65 + (i % 26))}: ${String(x?.['title'] ?? '')}${x?.['file'] ? ' (PDF uploaded)' : x?.['document'] ? ' (written by Reopen)' : ' (to insert)'}`).join('\n');
  }
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join('\n\n');
  return String(v);
}

const AGENCY_WORDS: Readonly<Record<string, string>> = { uscis: 'USCIS', ice: 'ICE', cbp: 'CBP', obim: 'OBIM', eoir: 'EOIR', state: 'Department of State', fbi: 'FBI' };
const ROUTE_WORDS: Readonly<Record<string, string>> = {
  foia: 'FOIA request',
  'rop-request': 'request to the court for the record of proceedings',
  'identity-history': 'FBI Identity History Summary request',
};

const STATUS_WORDS: Readonly<Record<ReviewStatus, string>> = {
  draft: 'Not yet submitted for review',
  submitted: 'Submitted for review: waiting for an attorney',
  returned: 'Sent back by the attorney',
  approved: 'Approved',
};

/** Whether this user may have final documents of this draft: an attorney, from an approved revision or a draft of their own. */
function finalAllowed(s: Session, state: ReviewState): boolean {
  return s.user.role === 'attorney' && ((state.status === 'approved' && state.approvedRev !== null) || state.owner === s.user.id);
}

function reviewSection(s: Session, id: string, state: ReviewState, documents: readonly string[]): Html {
  const csrf = html`<input type="hidden" name="_csrf" value="${s.csrf}">`;
  const final = finalAllowed(s, state);
  return html`<section class="reopen-review" aria-labelledby="review-title">
<h2 id="review-title">Review and documents</h2>
<p><strong>${STATUS_WORDS[state.status]}</strong>${state.status === 'approved' ? ` (revision ${state.approvedRev})` : ''}.</p>
${state.note ? html`<div class="usa-alert usa-alert--info"><div class="usa-alert__body"><h3 class="usa-alert__heading">The attorney's comment</h3><p class="usa-alert__text reopen-answer">${state.note}</p></div></div>` : ''}
${state.status !== 'submitted' && state.status !== 'approved' ? html`<form method="post" action="/cases/${id}/submit">${csrf}<button class="usa-button" type="submit">Submit for review</button></form>` : ''}
${
  s.user.role === 'attorney' && state.status !== 'approved'
    ? html`<form method="post" action="/cases/${id}/approve">${csrf}<input type="hidden" name="_rev" value="${state.rev}"><button class="usa-button usa-button--secondary" type="submit">Approve revision ${state.rev}</button></form>
<form method="post" action="/cases/${id}/return" class="usa-form">${csrf}
  <label class="usa-label" for="review-note">Comment for the person who prepared it</label>
  <textarea class="usa-textarea" id="review-note" name="note" rows="3"></textarea>
  <button class="usa-button usa-button--outline" type="submit">Send back with this comment</button>
</form>`
    : ''
}
<h3>Downloads</h3>
<form method="post" action="/cases/${id}/download" class="usa-form">${csrf}
  <fieldset class="usa-fieldset"><legend class="usa-legend">What to download</legend>
    <div class="usa-radio"><input class="usa-radio__input" id="dl-preview" type="radio" name="what" value="preview" checked><label class="usa-radio__label" for="dl-preview">Preview packet (zip), with visible [MISSING] markers</label></div>
    ${
      final
        ? html`<div class="usa-radio"><input class="usa-radio__input" id="dl-packet" type="radio" name="what" value="packet"><label class="usa-radio__label" for="dl-packet">Final packet (zip)</label></div>
    <div class="usa-radio"><input class="usa-radio__input" id="dl-filing" type="radio" name="what" value="filing"><label class="usa-radio__label" for="dl-filing">Combined filing (PDF)</label></div>
    ${documents.map((d, i) => html`<div class="usa-radio"><input class="usa-radio__input" id="dl-doc-${i}" type="radio" name="what" value="doc:${d}"><label class="usa-radio__label" for="dl-doc-${i}">${d} (PDF)</label></div>`)}`
        : html`<p class="usa-hint">${s.user.role === 'attorney' ? 'Final documents come from an approved revision, or from your own draft.' : 'Final documents are for the supervising attorney, after approval.'}</p>`
    }
  </fieldset>
  <button class="usa-button" type="submit">Download</button>
</form>
<h3>The case file</h3>
<form method="post" action="/cases/${id}/export">${csrf}<button class="usa-button usa-button--outline" type="submit">Export the case (case.json and exhibits, as a zip)</button></form>
<form method="post" action="/cases/${id}/delete" class="usa-form">${csrf}
  <div class="usa-checkbox"><input class="usa-checkbox__input" id="delete-confirm" type="checkbox" name="confirm" value="yes"><label class="usa-checkbox__label" for="delete-confirm">I understand that deleting erases this case, every revision and its exhibits, for good</label></div>
  <button class="usa-button usa-button--secondary" type="submit">Delete this case</button>
</form>
</section>`;
}

function reviewPage(s: Session, id: string, draft: InterviewDraft, report: CheckReport, state: ReviewState): string {
  const goals = goalsOf(draft);
  const steps = stepsFor(draft);
  const d = report.details;
  // A fact a final document cannot be filed without is as much to fix as an error.
  const mustFix = (i: { severity: string; code: string }) => i.severity === 'error' || i.code === 'missing_fact';
  const errors = report.issues.filter(mustFix);
  const warnings = report.issues.filter((i) => !mustFix(i));

  return page({
    title: 'Check your answers',
    user: s.user,
    csrf: s.csrf,
    body: html`<h1>Check your answers</h1>
<p class="usa-intro">Everything this case holds, what the law says about it as of today, and what is still missing. Change an answer with its link.</p>
<h2>What Reopen works out</h2>
<dl class="reopen-facts">
  <dt>Forum</dt><dd>${report.forum === 'bia' ? 'Board of Immigration Appeals' : report.forum === 'immigration-court' ? `Immigration court${d?.court ? ` (${d.court.name})` : ''}` : 'Not yet known'}${d?.forum ? html`<br><span class="usa-hint">${d.forum.explanation} [${d.forum.citation}]</span>` : ''}</dd>
  ${report.deadlines.map((x) => html`<dt>Deadline</dt><dd>${x.due ? `File by ${x.due}` : 'No time limit'}${x.due && x.due < report.asOf ? html` <strong>(passed)</strong>` : ''}<br><span class="usa-hint">${x.explanation} [${x.citation}]</span></dd>`)}
  ${d?.fee ? html`<dt>Filing fee</dt><dd>${d.fee.owed > 0 ? `$${d.fee.owed} owed on ${d.fee.on}` : `None owed on ${d.fee.on}`}<br><span class="usa-hint">${d.fee.explanation} [${d.fee.citation}]</span></dd>` : ''}
  ${report.automaticStay === null ? '' : html`<dt>Automatic stay on filing</dt><dd>${report.automaticStay ? 'Yes' : 'No'}${d?.automaticStay ? html`<br><span class="usa-hint">${d.automaticStay.explanation} [${d.automaticStay.citation}]</span>` : ''}</dd>`}
  ${report.records.map((r) => html`<dt>Records: ${AGENCY_WORDS[r.agency] ?? r.agency}</dt><dd>${ROUTE_WORDS[r.route] ?? r.route}${r.due ? `, answer due ${r.due}` : ''}<br><span class="usa-hint">${r.explanation} [${r.citation}]</span></dd>`)}
</dl>
${errors.length ? html`<div class="usa-alert usa-alert--error"><div class="usa-alert__body"><h2 class="usa-alert__heading">To fix before any final document</h2><ul class="usa-list">${errors.map((i) => html`<li>${i.message}${i.citation ? html` <span class="reopen-cite">[${i.citation}]</span>` : ''}</li>`)}</ul></div></div>` : ''}
${warnings.length ? html`<div class="usa-alert usa-alert--warning"><div class="usa-alert__body"><h2 class="usa-alert__heading">For the attorney to review</h2><ul class="usa-list">${warnings.map((i) => html`<li>${i.message}${i.citation ? html` <span class="reopen-cite">[${i.citation}]</span>` : ''}</li>`)}</ul></div></div>` : ''}
${d?.documents.length ? html`<h2>Documents</h2><ul class="usa-list">${d.documents.map((doc) => html`<li>${doc.title}${doc.missing.length ? html`: still missing ${doc.missing.map((m) => m.label).join('; ')}` : ': ready'}</li>`)}</ul>` : ''}
${steps.map(
  (step) => html`<h2>${step.title}</h2>
<dl class="reopen-answers">${step.fields
    .filter((f) => fieldApplies(f, draft, goals))
    .map((f) => html`<dt>${question(f)}</dt><dd><span class="reopen-answer">${displayValue(f, f.path === 'goals' ? goals : valueAt(draft, f.path))}</span> <a href="/cases/${id}/step/${step.id}#${fieldId(f.path)}">Change<span class="usa-sr-only"> ${question(f)}</span></a></dd>`)}</dl>`,
)}
${reviewSection(s, id, state, report.documents)}
<p><a href="/cases">Back to the case list</a></p>`,
  });
}

export function interviewRouter(store: Store, deps: { today: () => string; generator: Generator; exhibitBytes: number; checkExhibit: ExhibitChecker }): Router {
  const r = express.Router();
  const form = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 200 });
  const auth = requireSession(store);
  const importUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: IMPORT_BYTES, files: 1, fields: 5, parts: 6 } }).single('file');
  const importForm = (req: Request, res: Response, next: (err?: unknown) => void) =>
    importUpload(req, res, (err?: unknown) => {
      if (err) res.locals['uploadError'] = (err as { code?: string }).code === 'LIMIT_FILE_SIZE' ? `it is larger than ${IMPORT_BYTES / 1e6} MB` : 'the form could not be read';
      req.body ??= {};
      next();
    });
  const session = (res: Response) => res.locals['session'] as Session;

  const load = async (req: Request, res: Response) => {
    const id = String(req.params['id'] ?? '');
    const d = DRAFT_ID.test(id) ? await store.getDraft(principalOf(session(res)), id) : null;
    if (!d) {
      res.status(404).type('html').send(page({ title: 'Not found', user: session(res).user, csrf: session(res).csrf, body: html`<h1>There is no such case for your organization</h1><p><a href="/cases">Back to the case list</a></p>` }));
      return null;
    }
    await store.audit({ orgId: session(res).user.orgId, actor: session(res).user.id, action: 'draft.read', draftId: id, requestId: String(res.locals['requestId']), outcome: 'ok' });
    const value = d.case !== null && typeof d.case === 'object' && !Array.isArray(d.case) ? (d.case as InterviewDraft) : {};
    return { id, rev: d.rev, draft: value };
  };

  r.get('/', (_req, res) => res.redirect(303, '/cases'));

  /** The case list, most urgent first; with `query`, only the cases whose name or A-number holds it. */
  const listPage = async (res: Response, query?: string, status = 200) => {
    const s = session(res);
    const p = principalOf(s);
    const listed = await store.listDrafts(p, { limit: 200 });
    const rows: { id: string; name: string; aNumber: string; urgent: boolean; due: string | null; next: string }[] = [];
    const q = query?.trim().toLowerCase() ?? '';
    const qDigits = q.replace(/\D/g, '');
    if (!('outcome' in listed)) {
      for (const summary of listed.drafts) {
        const d = await store.getDraft(p, summary.id);
        const value = (d?.case ?? {}) as InterviewDraft;
        const name = respondentName(value) ?? '';
        const aNumber = String(valueAt(value, 'respondent.aNumber') ?? '');
        if (q && !name.toLowerCase().includes(q) && !(qDigits.length >= 3 && aNumber.replace(/\D/g, '').includes(qDigits))) continue;
        const { report } = checkCase(value, deps.today());
        const urgent = valueAt(value, 'custody.status') === 'detained' && valueAt(value, 'custody.scheduledRemoval.date') !== undefined;
        const due = report.deadlines.map((x) => x.due).filter((x): x is string => x !== null).sort()[0] ?? null;
        const review = await store.review(p, summary.id);
        const next = nextStep(value);
        const state =
          review?.status === 'submitted' ? 'Submitted for review'
          : review?.status === 'approved' ? `Approved (revision ${review.approvedRev})`
          : review?.status === 'returned' ? 'Sent back with a comment'
          : next === 'review' ? 'Answers complete; not yet submitted'
          : `Step: ${stepById(next)?.title ?? next}`;
        rows.push({ id: summary.id, name: name || 'No name yet', aNumber, urgent, due, next: state });
      }
    }
    // Detained with removal scheduled first, then the nearest deadline, then the rest.
    rows.sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    res.status(status).type('html').send(
      page({
        title: q ? 'Search results' : 'Cases',
        user: s.user,
        csrf: s.csrf,
        body: html`<h1>${q ? 'Cases matching your search' : 'Cases'}</h1>
<div class="reopen-actions">
<form method="post" action="/cases/new"><input type="hidden" name="_csrf" value="${s.csrf}"><button class="usa-button" type="submit">Start a new case</button></form>
<form method="post" action="/cases/search" class="usa-search usa-search--small" role="search"><input type="hidden" name="_csrf" value="${s.csrf}">
  <label class="usa-sr-only" for="case-search">Search by name or A-number</label>
  <input class="usa-input" id="case-search" type="search" name="q" value="${query ?? ''}" placeholder="Name or A-number">
  <button class="usa-button" type="submit"><span class="usa-search__submit-text">Search</span></button>
</form>
</div>
${q ? html`<p><a href="/cases">Show all cases</a></p>` : ''}
${rows.length === 0 ? html`<p>${q ? 'No case matches.' : 'No cases yet.'}</p>` : html`<table class="usa-table usa-table--borderless">
<caption>Most urgent first: detained with removal scheduled, then the nearest deadline.</caption>
<thead><tr><th scope="col">Client</th><th scope="col">A-number</th><th scope="col">Urgency</th><th scope="col">Where it stands</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row"><a href="/cases/${row.id}">${row.name}</a></th><td>${row.aNumber}</td><td>${row.urgent ? 'Removal scheduled' : row.due ? `Due ${row.due}` : ''}</td><td>${row.next}</td></tr>`)}</tbody></table>`}
<h2>Import a case</h2>
<form method="post" action="/cases/import" enctype="multipart/form-data" class="usa-form"><input type="hidden" name="_csrf" value="${s.csrf}">
  <label class="usa-label" for="import-file">A case exported from Reopen (a .zip holding case.json and its exhibits)</label>
  <input class="usa-file-input" id="import-file" name="file" type="file" accept=".zip,application/zip">
  <button class="usa-button usa-button--outline" type="submit">Import</button>
</form>`,
      }),
    );
  };

  r.get('/cases', auth, async (_req, res) => listPage(res));

  // A search is a POST: what is searched for (a name, an A-number) never goes in a URL.
  r.post('/cases/search', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    await listPage(res, String((req.body as Record<string, string>)['q'] ?? '').slice(0, 200));
  });

  /** A case as a folder the CLI reads: case.json with exhibits/<id>.pdf named in motion.evidence[].file. */
  r.post('/cases/:id/export', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const c = await load(req, res);
    if (!c) return;
    const p = principalOf(session(res));
    const zip = new PizZip();
    const files = new Map<string, string>();
    for (const e of (await store.listExhibits(p, c.id)) ?? []) {
      const bytes = await store.readExhibit(p, c.id, e.id);
      if (bytes) {
        zip.file(`exhibits/${e.id}.pdf`, bytes, { binary: true });
        files.set(e.id, `exhibits/${e.id}.pdf`);
      }
    }
    const evidence = valueAt(c.draft, 'motion.evidence');
    const value = Array.isArray(evidence)
      ? withValue(c.draft, 'motion.evidence', evidence.map((x: Record<string, unknown>) => (typeof x?.['file'] === 'string' && files.has(x['file']) ? { ...x, file: files.get(x['file']) } : x)))
      : c.draft;
    zip.file('case.json', `${JSON.stringify(value, null, 2)}\n`);
    await store.audit({ orgId: p.orgId, actor: p.actor, action: 'draft.export', draftId: c.id, requestId: String(res.locals['requestId']), outcome: 'ok' });
    res.set('Content-Type', 'application/zip');
    res.set('Content-Disposition', `attachment; filename="reopen-case-${deps.today()}.zip"`);
    res.end(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });

  r.post('/cases/import', importForm, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const s = session(res);
    const p = { ...principalOf(s), requestId: String(res.locals['requestId']) };
    const refuse = async (why: string) => {
      await store.audit({ orgId: p.orgId, actor: p.actor, action: 'draft.import', draftId: null, requestId: p.requestId, outcome: 'refused' });
      res.status(400).type('html').send(page({ title: 'Error: Import', user: s.user, csrf: s.csrf, body: html`<h1>The case could not be imported</h1><p>${why}</p><p><a href="/cases">Back to the case list</a></p>` }));
    };
    if (res.locals['uploadError'] || !req.file) return refuse(res.locals['uploadError'] ? `The file was not read: ${String(res.locals['uploadError'])}.` : 'Choose the .zip file to import.');
    const read = readCaseZip(req.file.buffer);
    if (!read.ok) return refuse(read.problem);
    const created = await store.createDraft(p, read.value);
    if (created.outcome !== 'created') throw new Error('the imported draft was not created');
    let value = read.value as InterviewDraft;
    const evidence = valueAt(value, 'motion.evidence');
    if (Array.isArray(evidence)) {
      const items: Record<string, unknown>[] = [];
      for (const x of evidence as Record<string, unknown>[]) {
        const file = typeof x?.['file'] === 'string' ? read.files.get(x['file']) : undefined;
        if (!file) {
          items.push(x);
          continue;
        }
        const checked = await deps.checkExhibit(file);
        if (!checked.ok) {
          await store.deleteDraft(p, created.id);
          return refuse(`The exhibit "${String(x['title'] ?? x['file'])}" cannot be kept: ${checked.problem}.`);
        }
        const stored = await store.addExhibit(p, created.id, file);
        items.push(stored.outcome === 'stored' ? { ...x, file: stored.id } : x);
      }
      value = withValue(value, 'motion.evidence', items);
      await store.updateDraft(p, created.id, 1, value);
    }
    res.redirect(303, `/cases/${created.id}`);
  });

  r.post('/cases/new', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const created = await store.createDraft({ ...principalOf(session(res)), requestId: String(res.locals['requestId']) }, { format: 'reopen.case/1' });
    if (created.outcome !== 'created') throw new Error('a new draft was not created');
    res.redirect(303, `/cases/${created.id}/step/filings`);
  });

  r.get('/cases/:id', auth, async (req, res) => {
    const c = await load(req, res);
    if (!c) return;
    const next = nextStep(c.draft);
    res.redirect(303, next === 'review' ? `/cases/${c.id}/review` : `/cases/${c.id}/step/${next}`);
  });

  r.get('/cases/:id/step/:step', auth, async (req, res) => {
    const c = await load(req, res);
    if (!c) return;
    const step = stepById(String(req.params['step']));
    if (!step || !stepsFor(c.draft).includes(step)) {
      res.redirect(303, `/cases/${c.id}`);
      return;
    }
    res.type('html').send(stepPage(session(res), c.id, c.rev, step, c.draft, []));
  });

  // A step's form: URL-encoded, or multipart on the exhibits page (its PDF upload, capped).
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: deps.exhibitBytes, files: 1, fields: 30, parts: 32, fieldSize: 100_000 } }).single('file');
  const stepForm = (req: Request, res: Response, next: (err?: unknown) => void) => {
    if (!req.is('multipart/form-data')) return form(req, res, next);
    upload(req, res, (err?: unknown) => {
      if (err) res.locals['uploadError'] = (err as { code?: string }).code === 'LIMIT_FILE_SIZE' ? `the file is larger than ${Math.round(deps.exhibitBytes / 1e6)} MB` : 'the form could not be read; send one PDF at a time';
      req.body ??= {};
      next();
    });
  };

  r.post('/cases/:id/step/:step', stepForm, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const c = await load(req, res);
    if (!c) return;
    const step = stepById(String(req.params['step']));
    if (!step) {
      res.redirect(303, `/cases/${c.id}`);
      return;
    }
    const s = session(res);
    const body = req.body as Record<string, string | string[]>;
    const rev = Number(body['_rev']);
    let { draft, problems: typed } = applyAnswers(c.draft, step, body);
    let stay = body['_go'] === 'stay';
    if (step.fields.some((f) => f.kind === 'exhibits')) {
      const changed = await changeExhibits(req, res, c.id, draft);
      draft = changed.draft;
      typed = [...typed, ...changed.problems];
      stay = stay || changed.stay;
    }
    const saved = await store.updateDraft({ ...principalOf(s), requestId: String(res.locals['requestId']) }, c.id, Number.isInteger(rev) ? rev : -1, draft);
    if (saved.outcome === 'conflict') {
      res.status(409).type('html').send(page({ title: 'Changed by someone else', user: s.user, csrf: s.csrf, body: html`<h1>Someone else changed this case</h1><p>While you were on this page, the case was saved by someone else, so your answers on this page were not saved. <a href="/cases/${c.id}/step/${step.id}">Open the page again</a> to see their answers, then enter yours.</p>` }));
      return;
    }
    if (saved.outcome !== 'saved') throw new Error('the draft was not saved');
    const { report } = checkCase(draft, deps.today());
    // A question this page's answers brought in (an appeal, once "not in absentia" is chosen) was
    // not on the page the person answered: it is asked now, without calling it a mistake.
    const before = goalsOf(c.draft);
    const shownBefore = new Set(step.fields.filter((f) => fieldApplies(f, c.draft, before)).map((f) => f.path));
    const problems = problemsFor(step, draft, typed, report).filter((p) => shownBefore.has(p.path) || p.path.startsWith('exhibit.'));
    const newQuestions = step.fields.filter((f) => !shownBefore.has(f.path) && fieldApplies(f, draft, goalsOf(draft)));
    if (problems.length > 0) {
      res.status(400).type('html').send(stepPage(s, c.id, saved.rev, step, draft, problems));
      return;
    }
    if (newQuestions.length > 0 && body['_go'] !== 'stay') {
      res.type('html').send(stepPage(s, c.id, saved.rev, step, draft, [], 'Saved. Your answers bring in the question below; answer it too.'));
      return;
    }
    const next = stay ? step.id : nextAfter(step, draft);
    res.redirect(303, next === 'review' ? `/cases/${c.id}/review` : `/cases/${c.id}/step/${next}`);
  });

  /** The exhibits page's buttons: remove an item, file the declaration at a tab, or add an item with its PDF. */
  const changeExhibits = async (req: Request, res: Response, id: string, draft: InterviewDraft): Promise<{ draft: InterviewDraft; problems: Problem[]; stay: boolean }> => {
    const body = req.body as Record<string, string>;
    const current = valueAt(draft, 'motion.evidence');
    const items = Array.isArray(current) ? [...(current as Record<string, unknown>[])] : [];
    const set = (list: Record<string, unknown>[]) => withValue(draft, 'motion.evidence', list.length ? list : undefined);
    if (body['_remove'] !== undefined) {
      const i = Number(body['_remove']);
      if (Number.isInteger(i) && i >= 0 && i < items.length) items.splice(i, 1);
      return { draft: set(items), problems: [], stay: true };
    }
    if (body['_go'] === 'add-declaration') {
      if (!items.some((x) => x['document'] === 'respondent-declaration')) {
        const name = respondentName(draft);
        // Behind the application(s), ahead of the evidence: the practice order.
        const at = items.filter((x) => x['kind'] === 'application').length;
        items.splice(at, 0, { title: name ? `Declaration of ${name}` : 'Declaration of the respondent', kind: 'declaration', document: 'respondent-declaration' });
      }
      return { draft: set(items), problems: [], stay: true };
    }
    if (body['_go'] !== 'add') return { draft, problems: res.locals['uploadError'] ? [{ path: 'exhibit.file', message: `The PDF was not kept: ${String(res.locals['uploadError'])}.` }] : [], stay: false };
    const problems: Problem[] = [];
    const title = String(body['title'] ?? '').trim().replace(/\s+/g, ' ');
    const kind = String(body['kind'] ?? '');
    if (!title) problems.push({ path: 'exhibit.title', message: 'Give the exhibit a title.' });
    if (!EVIDENCE_KINDS.some((k) => k.value === kind)) problems.push({ path: 'exhibit.kind', message: 'Choose what kind of document it is.' });
    const item: Record<string, unknown> = { title, kind };
    const date = String(body['date'] ?? '').trim();
    if (date) item['date'] = date;
    const publisher = String(body['publisher'] ?? '').trim();
    if (publisher) item['publisher'] = publisher;
    const pages = String(body['pages'] ?? '').trim();
    if (pages) {
      if (/^\d{1,5}$/.test(pages) && Number(pages) > 0) item['pages'] = Number(pages);
      else problems.push({ path: 'exhibit.pages', message: 'Write the number of pages as a whole number, such as 12.' });
    }
    const language = String(body['language'] ?? '').trim();
    if (language) item['language'] = language;
    if (body['translated'] === 'yes') item['translated'] = true;
    if (res.locals['uploadError']) problems.push({ path: 'exhibit.file', message: `The PDF was not kept: ${String(res.locals['uploadError'])}.` });
    const file = req.file;
    if (problems.length === 0 && file && file.size > 0) {
      const checked = await deps.checkExhibit(file.buffer).catch((err: unknown) => {
        if (err instanceof SandboxBusyError) return { ok: false as const, problem: 'the server is checking many files just now; add it again in a minute' };
        throw err;
      });
      if (!checked.ok) problems.push({ path: 'exhibit.file', message: `The PDF was not kept: ${checked.problem}.` });
      else {
        const stored = await store.addExhibit({ ...principalOf(session(res)), requestId: String(res.locals['requestId']) }, id, file.buffer);
        if (stored.outcome === 'stored') {
          item['file'] = stored.id;
          delete item['pages'];
        }
      }
    }
    if (problems.length > 0) return { draft, problems, stay: true };
    // Applications go ahead of everything else (the practice order); other items at the end.
    if (kind === 'application') items.splice(items.filter((x) => x['kind'] === 'application').length, 0, item);
    else items.push(item);
    return { draft: set(items), problems: [], stay: true };
  };

  r.get('/cases/:id/review', auth, async (req, res) => {
    const c = await load(req, res);
    if (!c) return;
    const state = await store.review(principalOf(session(res)), c.id);
    if (!state) return;
    const { report } = checkCase(c.draft, deps.today());
    res.type('html').send(reviewPage(session(res), c.id, c.draft, report, state));
  });

  const reviewAction = (action: 'submit' | 'approve' | 'return') =>
    r.post(`/cases/:id/${action}`, form, auth, async (req, res) => {
      if (!checkCsrf(req, res)) return;
      const s = session(res);
      const id = String(req.params['id']);
      if (action !== 'submit' && s.user.role !== 'attorney') {
        res.status(403).type('html').send(page({ title: 'Not allowed', user: s.user, csrf: s.csrf, body: html`<h1>Only an attorney can ${action === 'approve' ? 'approve' : 'send back'} a case</h1><p><a href="/cases/${id}/review">Back</a></p>` }));
        return;
      }
      const body = req.body as Record<string, string>;
      const change =
        action === 'approve' ? { action, rev: Number(body['_rev']) } : action === 'return' ? { action, note: String(body['note'] ?? '').trim().slice(0, 5000) || 'Please review and correct.' } : { action };
      const out = DRAFT_ID.test(id) ? await store.setReview({ ...principalOf(s), requestId: String(res.locals['requestId']) }, id, change) : { outcome: 'not_found' as const };
      if (out.outcome === 'not_found') {
        res.status(404).type('html').send(page({ title: 'Not found', user: s.user, csrf: s.csrf, body: html`<h1>There is no such case for your organization</h1>` }));
        return;
      }
      if (out.outcome === 'conflict') {
        res.status(409).type('html').send(page({ title: 'Changed since you read it', user: s.user, csrf: s.csrf, body: html`<h1>The case changed since you read it</h1><p>It is now at revision ${out.rev}. <a href="/cases/${id}/review">Read it again</a> before approving.</p>` }));
        return;
      }
      res.redirect(303, action === 'submit' ? '/cases' : action === 'approve' ? `/cases/${id}/review` : '/review');
    });
  reviewAction('submit');
  reviewAction('approve');
  reviewAction('return');

  r.get('/review', auth, async (_req, res) => {
    const s = session(res);
    if (s.user.role !== 'attorney') {
      res.redirect(303, '/cases');
      return;
    }
    const queue = await store.reviewQueue(principalOf(s));
    res.type('html').send(
      page({
        title: 'Review queue',
        user: s.user,
        csrf: s.csrf,
        body: html`<h1>Review queue</h1>
${queue.length === 0 ? html`<p>Nothing is waiting for review.</p>` : html`<ul class="usa-list">${queue.map((d) => html`<li><a href="/cases/${d.id}/review">${d.name ?? 'No name yet'}</a>, submitted ${d.updated.slice(0, 10)}</li>`)}</ul>`}`,
      }),
    );
  });

  r.post('/cases/:id/download', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const s = session(res);
    const p = principalOf(s);
    const id = String(req.params['id']);
    const state = DRAFT_ID.test(id) ? await store.review(p, id) : null;
    if (!state) {
      res.status(404).type('html').send(page({ title: 'Not found', user: s.user, csrf: s.csrf, body: html`<h1>There is no such case for your organization</h1>` }));
      return;
    }
    const what = String((req.body as Record<string, string>)['what'] ?? 'preview');
    const preview = what === 'preview';
    if (!preview && !finalAllowed(s, state)) {
      res.status(403).type('html').send(page({ title: 'Not allowed', user: s.user, csrf: s.csrf, body: html`<h1>Final documents need an attorney's approval</h1><p><a href="/cases/${id}/review">Back</a></p>` }));
      return;
    }
    // Final documents come from the revision approved (or, for an attorney's own draft, the latest).
    const fromRev = !preview && state.status === 'approved' && state.approvedRev !== null ? state.approvedRev : state.rev;
    const value = await store.getRevision(p, id, fromRev);
    const draft = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as InterviewDraft) : {};
    const exhibits: Record<string, Uint8Array> = {};
    for (const e of (await store.listExhibits(p, id)) ?? []) {
      const bytes = await store.readExhibit(p, id, e.id);
      if (bytes) exhibits[e.id] = bytes;
    }
    const doc = what.startsWith('doc:') ? what.slice(4) : null;
    const outcome = await deps.generator.packet({
      value: draft,
      sourceIssues: [],
      asOf: deps.today(),
      preview,
      exhibits,
      ...(what === 'filing' ? { documents: ['motion-to-reopen'] } : doc ? { documents: [doc] } : {}),
    });
    await store.audit({ orgId: p.orgId, actor: p.actor, action: preview ? 'packet.preview' : 'packet.generate', draftId: id, requestId: String(res.locals['requestId']), outcome: outcome.ok ? 'ok' : 'problems' });
    if (!outcome.ok) {
      res.status(422).type('html').send(
        page({
          title: 'Cannot make the documents yet',
          user: s.user,
          csrf: s.csrf,
          body: html`<h1>The documents cannot be made yet</h1><ul class="usa-list">${outcome.issues.filter((i) => i.severity === 'error').map((i) => html`<li>${i.message}</li>`)}${outcome.usage ? html`<li>${outcome.usage}</li>` : ''}</ul><p><a href="/cases/${id}/review">Back to check your answers</a></p>`,
        }),
      );
      return;
    }
    let bytes: Uint8Array = outcome.zip;
    // Neutral names: a download's name stays in the browser's history (the files inside carry the A-number).
    let name = `reopen-${preview ? 'preview' : 'packet'}-${deps.today()}.zip`;
    let type = 'application/zip';
    if (what === 'filing' || doc) {
      const zip = new PizZip(outcome.zip);
      const wanted = Object.keys(zip.files).find((n) => (what === 'filing' ? /-filing\.pdf$/.test(n) : n.endsWith(`-${doc}.pdf`)));
      if (!wanted) {
        res.status(422).type('html').send(page({ title: 'Not available', user: s.user, csrf: s.csrf, body: html`<h1>That document is not part of this case's filings</h1><p><a href="/cases/${id}/review">Back</a></p>` }));
        return;
      }
      bytes = zip.file(wanted)!.asUint8Array();
      name = what === 'filing' ? `reopen-filing-${deps.today()}.pdf` : `reopen-${doc}-${deps.today()}.pdf`;
      type = 'application/pdf';
    }
    res.set('Content-Type', type);
    res.set('Content-Disposition', `attachment; filename="${name}"`);
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  r.post('/cases/:id/delete', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const c = await load(req, res);
    if (!c) return;
    const s = session(res);
    if ((req.body as Record<string, string>)['confirm'] !== 'yes') {
      res.status(400).type('html').send(page({ title: 'Error: Delete', user: s.user, csrf: s.csrf, body: html`<h1>The case was not deleted</h1><p>Tick the box that says you understand, then press Delete again. <a href="/cases/${c.id}/review">Back to the case</a></p>` }));
      return;
    }
    await store.deleteDraft({ ...principalOf(s), requestId: String(res.locals['requestId']) }, c.id);
    res.redirect(303, '/cases');
  });

  return r;
}

/** After saving a step: the next step of this draft, in order (optional ones included), or the review page. */
function nextAfter(step: Step, draft: InterviewDraft): string {
  const steps = stepsFor(draft);
  const here = steps.indexOf(step);
  return steps[here + 1]?.id ?? 'review';
}
