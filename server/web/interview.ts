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
  type Session,
  type Step,
  type Store,
} from '../../src/index.js';
import { checkCsrf, principalOf, requireSession } from './auth.js';
import { errorSummary, html, page, type Html } from './html.js';

const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const DRAFT_ID = /^draft-[0-9a-f]{32}$/;

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
    const issue = report.issues.find((i) => i.severity === 'error' && i.code !== 'required' && (i.path === f.path || i.path.startsWith(`${f.path}.`)));
    if (issue) out.set(f.path, issue.message);
  }
  for (const f of missingIn(step, draft)) if (!out.has(f.path)) out.set(f.path, `${cap(f.path === 'goals' ? 'the filings to prepare' : labelOf(f.path))} is required.`);
  // In the order of the page.
  return step.fields.filter((f) => out.has(f.path)).map((f) => ({ path: f.path, message: out.get(f.path)! }));
}

function stepPage(s: Session, id: string, rev: number, step: Step, draft: InterviewDraft, problems: readonly Problem[]): string {
  const goals = goalsOf(draft);
  const steps = stepsFor(draft);
  const index = steps.findIndex((x) => x.id === step.id);
  const byPath = new Map(problems.map((p) => [p.path, p.message]));
  const fields = step.fields.filter((f) => fieldApplies(f, draft, goals));
  return page({
    title: `${problems.length ? 'Error: ' : ''}${step.title}`,
    user: s.user,
    csrf: s.csrf,
    body: html`<div class="grid-row grid-gap">
<div class="grid-col-12 tablet:grid-col-8">
<span class="usa-hint">Step ${index + 1} of ${steps.length}</span>
<h1>${step.title}</h1>
${step.intro ? html`<p class="usa-intro">${step.intro}</p>` : ''}
${errorSummary(problems.map((p) => ({ id: fieldId(p.path), message: p.message })))}
<form class="usa-form usa-form--large" method="post" action="/cases/${id}/step/${step.id}" novalidate>
  <input type="hidden" name="_csrf" value="${s.csrf}">
  <input type="hidden" name="_rev" value="${rev}">
  ${fields.map((f) => fieldHtml(f, f.path === 'goals' ? goals : valueAt(draft, f.path), byPath.get(f.path)))}
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
  if (Array.isArray(v)) return v.map(String).join('\n\n');
  return String(v);
}

function reviewPage(s: Session, id: string, draft: InterviewDraft, report: CheckReport): string {
  const goals = goalsOf(draft);
  const steps = stepsFor(draft);
  const d = report.details;
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  return page({
    title: 'Check your answers',
    user: s.user,
    csrf: s.csrf,
    body: html`<h1>Check your answers</h1>
<p class="usa-intro">Everything this case holds, what the law says about it as of today, and what is still missing. Change an answer with its link.</p>
<h2>What Reopen works out</h2>
<dl class="reopen-facts">
  <dt>Forum</dt><dd>${report.forum === 'bia' ? 'Board of Immigration Appeals' : report.forum === 'immigration-court' ? `Immigration court${d?.court ? ` (${d.court.name})` : ''}` : 'Not yet known'}${d?.forum ? html`<br><span class="usa-hint">${d.forum.explanation} [${d.forum.citation}]</span>` : ''}</dd>
  ${report.deadlines.map((x) => html`<dt>Deadline</dt><dd>${x.due ? `File by ${x.due}` : 'No time limit'}<br><span class="usa-hint">${x.explanation} [${x.citation}]</span></dd>`)}
  ${report.automaticStay === null ? '' : html`<dt>Automatic stay on filing</dt><dd>${report.automaticStay ? 'Yes' : 'No'}${d?.automaticStay ? html`<br><span class="usa-hint">${d.automaticStay.explanation} [${d.automaticStay.citation}]</span>` : ''}</dd>`}
  ${report.records.map((r) => html`<dt>Records: ${r.agency.toUpperCase()}</dt><dd>${r.route}${r.due ? `, answer due ${r.due}` : ''}<br><span class="usa-hint">${r.explanation} [${r.citation}]</span></dd>`)}
</dl>
${errors.length ? html`<div class="usa-alert usa-alert--error"><div class="usa-alert__body"><h2 class="usa-alert__heading">To fix before any final document</h2><ul class="usa-list">${errors.map((i) => html`<li>${i.message}${i.citation ? html` <span class="usa-hint">[${i.citation}]</span>` : ''}</li>`)}</ul></div></div>` : ''}
${warnings.length ? html`<div class="usa-alert usa-alert--warning"><div class="usa-alert__body"><h2 class="usa-alert__heading">For the attorney to review</h2><ul class="usa-list">${warnings.map((i) => html`<li>${i.message}${i.citation ? html` <span class="usa-hint">[${i.citation}]</span>` : ''}</li>`)}</ul></div></div>` : ''}
${d?.documents.length ? html`<h2>Documents</h2><ul class="usa-list">${d.documents.map((doc) => html`<li>${doc.id}${doc.missing.length ? html`: still missing ${doc.missing.map((m) => m.label).join('; ')}` : ': ready'}</li>`)}</ul>` : ''}
${steps.map(
  (step) => html`<h2>${step.title}</h2>
<dl class="reopen-answers">${step.fields
    .filter((f) => fieldApplies(f, draft, goals))
    .map((f) => html`<dt>${question(f)}</dt><dd><span class="reopen-answer">${displayValue(f, f.path === 'goals' ? goals : valueAt(draft, f.path))}</span> <a href="/cases/${id}/step/${step.id}#${fieldId(f.path)}">Change<span class="usa-sr-only"> ${question(f)}</span></a></dd>`)}</dl>`,
)}
<p><a class="usa-button" href="/cases">Back to the case list</a></p>`,
  });
}

export function interviewRouter(store: Store, deps: { today: () => string }): Router {
  const r = express.Router();
  const form = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 200 });
  const auth = requireSession(store);
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

  r.get('/cases', auth, async (_req, res) => {
    const s = session(res);
    const p = principalOf(s);
    const listed = await store.listDrafts(p, { limit: 200 });
    const rows: { id: string; name: string; aNumber: string; urgent: boolean; due: string | null; next: string }[] = [];
    if (!('outcome' in listed)) {
      for (const summary of listed.drafts) {
        const d = await store.getDraft(p, summary.id);
        const value = (d?.case ?? {}) as InterviewDraft;
        const { report } = checkCase(value, deps.today());
        const urgent = valueAt(value, 'custody.status') === 'detained' && valueAt(value, 'custody.scheduledRemoval.date') !== undefined;
        const due = report.deadlines.map((x) => x.due).filter((x): x is string => x !== null).sort()[0] ?? null;
        rows.push({ id: summary.id, name: respondentName(value) ?? 'No name yet', aNumber: String(valueAt(value, 'respondent.aNumber') ?? ''), urgent, due, next: nextStep(value) });
      }
    }
    // Detained with removal scheduled first, then the nearest deadline, then the rest.
    rows.sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.due ?? '9999') .localeCompare(b.due ?? '9999'));
    res.type('html').send(
      page({
        title: 'Cases',
        user: s.user,
        csrf: s.csrf,
        body: html`<h1>Cases</h1>
<form method="post" action="/cases/new"><input type="hidden" name="_csrf" value="${s.csrf}"><button class="usa-button" type="submit">Start a new case</button></form>
${rows.length === 0 ? html`<p>No cases yet.</p>` : html`<table class="usa-table usa-table--borderless">
<caption>Most urgent first: detained with removal scheduled, then the nearest deadline.</caption>
<thead><tr><th scope="col">Client</th><th scope="col">A-number</th><th scope="col">Urgency</th><th scope="col">Next</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row"><a href="/cases/${row.id}">${row.name}</a></th><td>${row.aNumber}</td><td>${row.urgent ? 'Removal scheduled' : row.due ? `Due ${row.due}` : ''}</td><td>${row.next === 'review' ? 'Ready for review' : `Step: ${stepById(row.next)?.title ?? row.next}`}</td></tr>`)}</tbody></table>`}`,
      }),
    );
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

  r.post('/cases/:id/step/:step', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const c = await load(req, res);
    if (!c) return;
    const step = stepById(String(req.params['step']));
    if (!step) {
      res.redirect(303, `/cases/${c.id}`);
      return;
    }
    const body = req.body as Record<string, string | string[]>;
    const rev = Number(body['_rev']);
    const { draft, problems: typed } = applyAnswers(c.draft, step, body);
    const saved = await store.updateDraft({ ...principalOf(session(res)), requestId: String(res.locals['requestId']) }, c.id, Number.isInteger(rev) ? rev : -1, draft);
    if (saved.outcome === 'conflict') {
      const s = session(res);
      res.status(409).type('html').send(page({ title: 'Changed by someone else', user: s.user, csrf: s.csrf, body: html`<h1>Someone else changed this case</h1><p>While you were on this page, the case was saved by someone else, so your answers on this page were not saved. <a href="/cases/${c.id}/step/${step.id}">Open the page again</a> to see their answers, then enter yours.</p>` }));
      return;
    }
    if (saved.outcome !== 'saved') throw new Error('the draft was not saved');
    const { report } = checkCase(draft, deps.today());
    const problems = problemsFor(step, draft, typed, report);
    if (problems.length > 0) {
      res.status(400).type('html').send(stepPage(session(res), c.id, saved.rev, step, draft, problems));
      return;
    }
    const next = body['_go'] === 'stay' ? step.id : nextAfter(step, draft);
    res.redirect(303, next === 'review' ? `/cases/${c.id}/review` : `/cases/${c.id}/step/${next}`);
  });

  r.get('/cases/:id/review', auth, async (req, res) => {
    const c = await load(req, res);
    if (!c) return;
    const { report } = checkCase(c.draft, deps.today());
    res.type('html').send(reviewPage(session(res), c.id, c.draft, report));
  });

  r.post('/cases/:id/delete', form, auth, async (req, res) => {
    if (!checkCsrf(req, res)) return;
    const id = String(req.params['id']);
    if (DRAFT_ID.test(id)) await store.deleteDraft({ ...principalOf(session(res)), requestId: String(res.locals['requestId']) }, id);
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
