/**
 * Handlebars, set up for filing markup instead of HTML.
 *
 * Every string of the view model reaches the template already escaped for the markup (each ASCII
 * punctuation mark backslash-escaped, line breaks folded into spaces), as a SafeString so Handlebars
 * does not HTML-escape it as well. A value can therefore never open a directive, a list, a heading
 * or a table, whatever a user typed. Templates run in strict mode (a misspelt field throws) with
 * only the helpers below; `reopen templates check` catches the same mistakes before run time.
 */
import Handlebars from 'handlebars';

/**
 * Two kinds of value a view model may hold besides text, as plain tagged objects:
 * a fact a final document cannot be filed without, absent from the case (prints as a visible
 * [MISSING: path] marker, in previews only), and a fact only known at signing (prints as a
 * labelled blank line).
 */
export interface MissingValue {
  $marker: 'missing';
  path: string;
}
export interface BlankValue {
  $marker: 'blank';
  label: string;
}

function isMarker(v: object): v is MissingValue | BlankValue {
  return '$marker' in v;
}

/** View-model text, escaped for the markup; `raw` keeps the original for helpers that need it. */
class MarkupText extends Handlebars.SafeString {
  constructor(readonly raw: string) {
    super(escapeMarkup(raw));
  }
}

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Breaking white space: no-break spaces (U+00A0, U+2007, U+202F) are kept as they are. */
const BREAKING_SPACE = /[^\S\u00a0\u2007\u202f]+/g;

/** Escapes text so the markup parser reads it as literal characters, on one line. */
export function escapeMarkup(text: string): string {
  return text.replace(BREAKING_SPACE, ' ').trim().replace(PUNCTUATION, (c) => `\\${c}`);
}

/**
 * Case names in a citation, to be set in italics with the signal before them, as court filings
 * set them: "Matter of L-O-G-", "see also INS v. Abudu", "Id.". A name runs up to the comma,
 * semicolon or parenthesis that ends it.
 */
const CASE_NAME = /(?:\b(?:[Ss]ee(?: also)?|[Cc]f\.|Id\.)(?= )\s)?\b(?:Matter of [^,;()]+?|(?:[A-Z][\w.'’&-]*\s)*?[A-Z][\w.'’&-]* v\. [^,;()]+?)(?=\s*(?:[,;)]|$))|\bId\.(?= at |$)/g;

/** Citation text escaped for the markup, with each case name in italics. */
function escapeCitation(text: string): string {
  const flat = text.replace(BREAKING_SPACE, ' ').trim();
  const escape = (t: string) => t.replace(PUNCTUATION, (c) => `\\${c}`);
  let out = '';
  let at = 0;
  for (const m of flat.matchAll(CASE_NAME)) {
    out += `${escape(flat.slice(at, m.index))}*${escape(m[0])}*`;
    at = m.index + m[0].length;
  }
  return out + escape(flat.slice(at));
}

/** Several paragraphs of prose, blank lines between them, each escaped. */
function escapeParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => escapeMarkup(p))
    .filter((p) => p !== '')
    .join('\n\n');
}

const BLANK_LINE = '\\_'.repeat(16);

/** The view model as the template sees it: strings wrapped, markers and blanks turned into markup. */
export function prepareView(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? '' : new MarkupText(value);
  if (Array.isArray(value)) return value.map(prepareView);
  if (value !== null && typeof value === 'object' && isMarker(value)) {
    return new Handlebars.SafeString(
      value.$marker === 'missing'
        ? `:missing[${escapeMarkup(value.path)}]`
        : value.label === ''
          ? BLANK_LINE
          : `${BLANK_LINE} (${escapeMarkup(value.label)})`,
    );
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepareView(v)]));
  }
  return value;
}

export const HELPERS = {
  /** {{paragraphs text}}: prose with its paragraph breaks kept; use only at the start of a block. */
  paragraphs(value: unknown): Handlebars.SafeString {
    if (value instanceof MarkupText) return new Handlebars.SafeString(escapeParagraphs(value.raw));
    return new Handlebars.SafeString(value instanceof Handlebars.SafeString ? value.toHTML() : '');
  },
  /** {{cite text}}: a citation, case names in italics ("*INS v. Abudu*, 485 U.S. 94"). */
  cite(value: unknown): Handlebars.SafeString {
    if (value instanceof MarkupText) return new Handlebars.SafeString(escapeCitation(value.raw));
    return new Handlebars.SafeString(value instanceof Handlebars.SafeString ? value.toHTML() : '');
  },
  /** {{upper text}}: capitals, as captions print names. */
  upper(value: unknown): Handlebars.SafeString {
    if (value instanceof MarkupText) return new MarkupText(value.raw.toUpperCase());
    return new Handlebars.SafeString(value instanceof Handlebars.SafeString ? value.toHTML() : '');
  },
} as const;

export const KNOWN_HELPERS = Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])) as Record<keyof typeof HELPERS, true>;

export const COMPILE_OPTIONS = {
  strict: true,
  // Handlebars counts `log` and `lookup` as known unless told otherwise; with knownHelpersOnly, a
  // template naming either then fails to compile instead of writing to the console.
  knownHelpers: { ...KNOWN_HELPERS, log: false, lookup: false },
  knownHelpersOnly: true,
  preventIndent: true,
} as const;

export type Environment = typeof Handlebars;

/**
 * Handlebars' one way to the console is its logger: the `log` helper and the warning it prints
 * when a template reaches for a prototype property (naming the property). Nothing a template does
 * may reach the console, where case data would end up in logs; this silences the logger for every
 * Handlebars environment in the process (it is shared), and the `log` helper is removed as well.
 */
Handlebars.logger.level = Number.POSITIVE_INFINITY;

export function createEnvironment(partials: Record<string, string>): Environment {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  env.log = () => undefined;
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn as Handlebars.HelperDelegate);
  for (const [name, source] of Object.entries(partials)) env.registerPartial(name, env.compile(source, COMPILE_OPTIONS));
  return env;
}
