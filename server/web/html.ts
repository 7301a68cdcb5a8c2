/**
 * HTML for the interview pages: a tagged template that escapes every value it is given (case data
 * is untrusted), and the page layout with the U.S. Web Design System's stylesheet, served from our
 * own origin. Pages work without JavaScript; none is sent.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup that is already safe (built by `html`). */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escape(part);
}

/** html`<p>${name}</p>`: values are escaped; nested html`` and lists of them are kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export interface PageUser {
  email: string;
  role: string;
  admin: boolean;
}

export interface Layout {
  title: string;
  user?: PageUser | null;
  csrf?: string;
  /** A notice at the top (after a save, an approval...). */
  notice?: string;
  body: Html;
}

/** The whole page. The title names the step, never the client (a title can end up in history and logs). */
export function page(l: Layout): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${l.title} · Reopen</title>
<link rel="stylesheet" href="/assets/uswds/css/uswds.min.css">
<link rel="stylesheet" href="/assets/reopen.css">
</head>
<body>
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<header class="usa-header usa-header--basic">
  <div class="usa-nav-container">
    <div class="usa-navbar"><div class="usa-logo"><em class="usa-logo__text"><a href="/cases">Reopen</a></em></div></div>
    ${
      l.user
        ? html`<nav aria-label="Primary" class="usa-nav reopen-nav">
      <ul class="usa-nav__primary usa-accordion">
        <li class="usa-nav__primary-item"><a class="usa-nav-link" href="/cases"><span>Cases</span></a></li>
        ${l.user.role === 'attorney' ? html`<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/review"><span>Review queue</span></a></li>` : ''}
        ${l.user.admin ? html`<li class="usa-nav__primary-item"><a class="usa-nav-link" href="/admin/users"><span>People</span></a></li>` : ''}
      </ul>
      <form method="post" action="/logout" class="reopen-logout">
        <input type="hidden" name="_csrf" value="${l.csrf ?? ''}">
        <span class="reopen-who">${l.user.email} (${l.user.role})</span>
        <button type="submit" class="usa-button usa-button--unstyled">Sign out</button>
      </form>
    </nav>`
        : ''
    }
  </div>
</header>
<main id="main-content" class="grid-container reopen-main">
${l.notice ? html`<div class="usa-alert usa-alert--success usa-alert--slim" role="status"><div class="usa-alert__body"><p class="usa-alert__text">${l.notice}</p></div></div>` : ''}
${l.body}
</main>
<footer class="usa-footer usa-footer--slim"><div class="grid-container"><p class="reopen-footnote">Reopen prepares drafts for an attorney to review, sign and file. It does not give legal advice.</p></div></footer>
</body>
</html>`.text}`;
}

/** The error summary at the top of a form: each problem links to its field (GOV.UK / USWDS pattern). */
export function errorSummary(problems: readonly { id: string; message: string }[]): Html {
  if (problems.length === 0) return html``;
  return html`<div class="usa-alert usa-alert--error" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary" autofocus>
  <div class="usa-alert__body">
    <h2 class="usa-alert__heading" id="error-summary-title">There ${problems.length === 1 ? 'is a problem' : `are ${problems.length} problems`} to fix</h2>
    <ul class="usa-list">${problems.map((p) => html`<li><a href="#${p.id}">${p.message}</a></li>`)}</ul>
  </div>
</div>`;
}
