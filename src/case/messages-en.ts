/**
 * English wording of every issue, keyed by its stable code. Written for an intern filling in a
 * case: say which field, what is wrong, and what to do. Labels come from labels.ts.
 */

type Msg<P> = (p: P) => string;

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;

export const MESSAGES = {
  usage: (({ detail }) => detail) as Msg<{ detail: string }>,
  cannot_write: (({ detail }) => `Nothing was written: ${detail}`) as Msg<{ detail: string }>,
  write_incomplete: (({ detail }) =>
    `Reopen stopped before it finished writing: ${detail} Only files Reopen wrote for this case were replaced so far, and running the same command again finishes the job.`) as Msg<{
    detail: string;
  }>,
  setup_problem: (({ detail }) => `Reopen cannot run as configured: ${detail}`) as Msg<{ detail: string }>,
  internal_error: (({ detail }) =>
    `Reopen stopped on an internal error (${detail}); nothing final was written. Please report it with the command you ran (not the case file).`) as Msg<{
    detail: string;
  }>,
  input_too_large: (({ detail }) => `Reopen cannot process this input: ${detail} Nothing was written.`) as Msg<{ detail: string }>,
  // Reading the file
  too_deeply_nested: (({ where, max }) =>
    `The case file nests lists or objects more than ${max} levels deep, ${where}. A case never needs more than a few levels, so Reopen reads no further; check the program that wrote the file.`) as Msg<{
    where: string;
    max: number;
  }>,
  too_many_values: (({ max }) =>
    `The case holds more than ${String(max).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} values (fields and list items); a case never needs so many, so Reopen reads no further. Check the program that wrote it.`) as Msg<{ max: number }>,
  too_many_problems: (({ shown }) =>
    `The case has more than ${shown} problems; these are the first ${shown}. A case with this many was most likely written by a program gone wrong: fix the program, or these, and check again.`) as Msg<{ shown: number }>,
  file_not_found: (({ file }) => `There is no file at ${file}.`) as Msg<{ file: string }>,
  file_unreadable: (({ file, detail }) => `The file ${file} could not be read: ${detail}.`) as Msg<{ file: string; detail: string }>,
  invalid_json: (({ detail }) => `The file is not valid JSON (${detail}). Check for a missing comma, quote or brace near that place.`) as Msg<{ detail: string }>,
  not_an_object: (({ found }) => `A case file must hold one JSON object, written between { and }; this one holds ${found}.`) as Msg<{ found: string }>,
  unsupported_format: (({ found }) =>
    found === undefined
      ? 'The case does not say which format it is written in: add "format": "reopen.case/1".'
      : `The case says it is written in the format ${quote(found)}; this version of Reopen reads "reopen.case/1".`) as Msg<{ found?: string }>,

  // Form of the fields
  required: (({ label }) => `${cap(label)} is required.`) as Msg<{ label: string }>,
  required_when: (({ label, when }) => `${cap(label)} is required ${when}.`) as Msg<{ label: string; when: string }>,
  duplicate_key: (({ path, line }) =>
    `The field ${path} is given twice in the file (the second time on line ${line}); a case file must say each thing once, so delete one of them.`) as Msg<{
    path: string;
    line: number;
  }>,
  unknown_field: (({ field, where, suggestion }) =>
    `${quote(field)} is not a field of ${where}${suggestion ? `; did you mean ${quote(suggestion)}?` : '.'} ` +
    'Fields the case format does not know are refused so that a misspelt field is never silently ignored.') as Msg<{
    field: string;
    where: string;
    suggestion?: string;
  }>,
  wrong_type: (({ label, expected, found }) => `${cap(label)} must be ${expected}, not ${found}.`) as Msg<{
    label: string;
    expected: string;
    found: string;
  }>,
  empty_text: (({ label }) => `${cap(label)} is empty: write it in, or leave the field out if it is optional.`) as Msg<{ label: string }>,
  direction_control: (({ label, controls }) =>
    `${cap(label)} contains direction controls (${controls.join(', ')}): invisible characters that make text display in another order than it is written. A name, alias, A-number, date or address may not contain them; delete them (retyping the field removes them).`) as Msg<{
    label: string;
    controls: readonly string[];
  }>,
  direction_control_removed: (({ label, controls }) =>
    `${cap(label)} contained direction controls (${controls.join(', ')}), invisible characters that change the order text displays in; they were removed, so the filings show the text in the order it was typed. Check that it reads as meant.`) as Msg<{
    label: string;
    controls: readonly string[];
  }>,
  text_too_long: (({ label, length, max }) => `${cap(label)} is ${length} characters long; at most ${max} are allowed.`) as Msg<{
    label: string;
    length: number;
    max: number;
  }>,
  control_character: (({ label, codepoint }) =>
    `${cap(label)} contains an invisible control character (${codepoint}), often left by copying from another program; delete it and type the text again.`) as Msg<{
    label: string;
    codepoint: string;
  }>,
  invalid_choice: (({ label, found, choices }) => `${cap(label)} must be one of ${choices.map((c) => quote(c)).join(', ')}; ${quote(found)} is not one of them.`) as Msg<{
    label: string;
    found: string;
    choices: readonly string[];
  }>,
  date_format: (({ label, found }) => `${cap(label)} must be a date written YYYY-MM-DD, such as 2017-08-07; ${quote(found)} is not.`) as Msg<{
    label: string;
    found: string;
  }>,
  partial_date_format: (({ label, found }) =>
    `${cap(label)} must be a date written YYYY-MM-DD, or only YYYY-MM or YYYY when the day or month is not known (such as 1984-07 or 1984); ${quote(found)} is not.`) as Msg<{
    label: string;
    found: string;
  }>,
  date_not_real: (({ label, found }) => `${cap(label)} is not a real date: ${found} does not exist on the calendar.`) as Msg<{
    label: string;
    found: string;
  }>,
  a_number_too_long: (({ digits }) => `An A-number has at most 9 digits; this one has ${digits}.`) as Msg<{ digits: number }>,
  a_number_too_short: (({ digits }) => `An A-number has 7, 8 or 9 digits; this one has ${digits}.`) as Msg<{ digits: number }>,
  a_number_invalid: (({ found }) =>
    `An A-number is the letter A followed by 7 to 9 digits, such as A012-345-678; ${quote(found)} is not one.`) as Msg<{ found: string }>,
  country_code: (({ label, found }) =>
    `${cap(label)} must be a two-letter country code (ISO 3166-1), such as IQ for Iraq or US; ${quote(found)} is not one.`) as Msg<{
    label: string;
    found: string;
  }>,
  state_invalid: (({ label, found }) => `${cap(label)} must be a two-letter U.S. state or territory code, such as MI; ${quote(found)} is not one.`) as Msg<{
    label: string;
    found: string;
  }>,
  zip_invalid: (({ label, found }) => `${cap(label)} must be a 5-digit ZIP code, or ZIP+4 such as 48226-2708; ${quote(found)} is not.`) as Msg<{
    label: string;
    found: string;
  }>,
  email_invalid: (({ label, found }) => `${cap(label)} must be an email address such as name@example.org; ${quote(found)} is not.`) as Msg<{
    label: string;
    found: string;
  }>,
  time_format: (({ label, found }) => `${cap(label)} must be a 24-hour time written HH:MM, such as 09:00; ${quote(found)} is not.`) as Msg<{
    label: string;
    found: string;
  }>,
  wrong_format: (({ label, rule, found }) => `${cap(label)} must be ${rule}; ${quote(found)} is not.`) as Msg<{ label: string; rule: string; found: string }>,
  number_range: (({ label, rule, found }) => `${cap(label)} must be ${rule}; it is ${found}.`) as Msg<{ label: string; rule: string; found: string }>,
  duplicate_entry: (({ label, found }) => `${cap(label)} lists ${quote(found)} more than once.`) as Msg<{ label: string; found: string }>,
  date_order: (({ label, date, otherLabel, otherDate }) => `${cap(label)} (${date}) cannot be earlier than ${otherLabel} (${otherDate}).`) as Msg<{
    label: string;
    date: string;
    otherLabel: string;
    otherDate: string;
  }>,
  date_in_future: (({ label, date, asOf }) => `${cap(label)} (${date}) is later than the date the case is checked on (${asOf}); a past event cannot be in the future.`) as Msg<{
    label: string;
    date: string;
    asOf: string;
  }>,
  contradiction: (({ detail }) => detail) as Msg<{ detail: string }>,
  conflicting_facts: (({ label, path, otherLabel, otherPath, detail }) =>
    `${cap(label)} (${path}) does not fit ${otherLabel} (${otherPath}): ${detail}`) as Msg<{
    label: string;
    path: string;
    otherLabel: string;
    otherPath: string;
    detail: string;
  }>,
  request_agency_not_listed: (({ agency }) =>
    `A records request to ${agency} is recorded, but ${agency} is not in the list of agencies to ask; add it to records.agencies or remove the request.`) as Msg<{
    agency: string;
  }>,
  transfers_overlap: (({ first, second }) => `Custody transfers ${first} and ${second} overlap in time; a person is in one facility at a time.`) as Msg<{
    first: number;
    second: number;
  }>,

  // The law on these facts
  number_limit: (({ filed, forumLabel, basisLabel }) =>
    `Only one motion to reopen is allowed, and one was already filed with the ${forumLabel} on ${filed}; a motion on the basis "${basisLabel}" is not an exception to the limit.`) as Msg<{
    filed: string;
    forumLabel: string;
    basisLabel: string;
  }>,
  in_absentia_number_limit: (({ filed }) =>
    `Only one motion to rescind an in absentia order is allowed, and one was already filed on ${filed}.`) as Msg<{ filed: string }>,
  prior_motion_basis_unknown: (({ filed }) =>
    `A motion to reopen was filed with the immigration court on ${filed}. If it asked to rescind the in absentia order, this motion is barred (only one is allowed); record its basis in proceedings.priorMotions to settle it.`) as Msg<{ filed: string }>,
  frivolous_bar: (() =>
    'The earlier asylum application was found frivolous, which bars a motion to reopen based on changed country conditions.') as Msg<Record<string, never>>,
  filed_after_deadline: (({ filed, due, legalDue, hint }) =>
    `The filing date ${filed} is after the deadline to file, ${due}${legalDue && legalDue !== due ? ` (counted from finality the regulation's date is ${legalDue})` : ''}. ${hint}`) as Msg<{
    filed: string;
    due: string;
    legalDue?: string;
    hint: string;
  }>,
  deadline_passed: (({ due, asOf }) =>
    `The deadline to file this motion, ${due}, has passed (checked on ${asOf}); unless an exception or equitable tolling applies, the motion will be untimely. Give the reason it may still be filed in motion.timelinessArgument.`) as Msg<{
    due: string;
    asOf: string;
  }>,
  emergency_stay_criteria: (({ missing }) =>
    `An emergency stay can be asked for only when ${missing.join('; ')}.`) as Msg<{ missing: readonly string[] }>,
  stay_nothing_pending: (({ body, needs }) => `A stay can be asked of the ${body} only while ${needs} is pending before it; on these facts nothing is.`) as Msg<{
    body: string;
    needs: string;
  }>,
  changed_conditions_relief: (() =>
    'A motion based on changed country conditions must seek asylum, withholding of removal or protection under the Convention Against Torture; add one of them to the relief sought.') as Msg<
    Record<string, never>
  >,
  changed_conditions_evidence: (({ baseline }) =>
    `A changed-country-conditions motion needs evidence of conditions published after the earlier hearing (${baseline}); no country-conditions item is dated after it.`) as Msg<{
    baseline: string;
  }>,
  in_absentia_basis_mismatch: (({ basisLabel }) => `The basis "${basisLabel}" applies only to an order entered in absentia, and this order was not.`) as Msg<{
    basisLabel: string;
  }>,
  in_absentia_facts_mismatch: (({ detail }) => detail) as Msg<{ detail: string }>,
  departure_bar: (({ circuit }) =>
    `The respondent has left the United States since the order. The regulations bar a motion by a person who has departed; most courts of appeals hold the bar invalid for statutory motions. ${circuit}`) as Msg<{ circuit: string }>,
  court_order_trigger_mismatch: (({ triggerDate, produced, agency }) =>
    `The court-order clock starts on ${triggerDate}, but the records request to ${agency} records the records as produced on ${produced}; check which date starts the period.`) as Msg<{
    triggerDate: string;
    produced: string;
    agency: string;
  }>,
  deportation_in_absentia: (({ type }) =>
    `This in absentia order was entered in ${type} proceedings, which follow different rules (8 C.F.R. 1003.23(b)(4)(iii)); check the deadline, stay and notice rules by hand.`) as Msg<{
    type: string;
  }>,
  forum_uncertain: (({ detail }) => detail) as Msg<{ detail: string }>,
  low_confidence: (({ what }) => `${cap(what)} rests on a source Reopen marks low confidence; verify it before relying on it.`) as Msg<{ what: string }>,
  missing_fact: (({ document, label }) => `The ${document} cannot be filed without ${label}.`) as Msg<{ document: string; label: string }>,
  paper_record: (() =>
    'The filing method (filing.method) is ECAS, but the record of proceedings is on paper (proceedings.recordFormat), so the case cannot be e-filed through ECAS; the filing must arrive at the court on paper by the deadline (filing counts on receipt).') as Msg<
    Record<string, never>
  >,
  track3_unavailable: (() =>
    'USCIS Track 3 (accelerated processing) needs a notice of a future hearing; with a final order and no hearing scheduled, ask for expedited processing instead.') as Msg<
    Record<string, never>
  >,
  lozada_requirements: (() =>
    'A motion based on ineffective assistance of counsel must include the respondent\'s affidavit about the agreement with former counsel, proof that counsel was told and could respond, and whether a bar complaint was filed (Matter of Lozada); record them in motion.priorCounsel.') as Msg<
    Record<string, never>
  >,
  possible_bar: (({ detail }) => detail) as Msg<{ detail: string }>,
  advice_date_past: (({ what, date, asOf, instead }) =>
    `${cap(what)}, ${date}, is already past on ${asOf}. ${instead}`) as Msg<{ what: string; date: string; asOf: string; instead: string }>,
  exhibit_order: (({ suggested }) =>
    `The exhibits are filed in the order given. Practice is to put the application for relief first, then the respondent's declaration, then country-conditions evidence newest first; that order would be: ${suggested}.`) as Msg<{ suggested: string }>,
  declaration_not_filed: (() =>
    "The respondent's declaration is written, but no exhibit files it: add an evidence item with \"document\": \"respondent-declaration\" (kind \"declaration\") so it is filed and indexed at its own tab.") as Msg<Record<string, never>>,
  placeholder_value: (({ label, found, what }) =>
    `${cap(label)} is ${quote(found)}, which is a placeholder, not ${what}; write the real one, or leave the field out until it is known.`) as Msg<{ label: string; found: string; what: string }>,
  removal_date_past: (({ date, asOf }) =>
    `The scheduled removal date ${date} is before ${asOf}; if the respondent was removed, set custody.status to "removed".`) as Msg<{ date: string; asOf: string }>,
  unprintable_character: (({ label, characters }) =>
    `${cap(label)} contains ${characters}, which no font Reopen bundles can print; replace it (a transliteration in brackets is fine) so the filing shows every character.`) as Msg<{
    label: string;
    characters: string;
  }>,
  exhibit_file: (({ tab, title, file, problem }) =>
    `The file of exhibit ${tab} ("${title}"), ${file}, cannot be used: ${problem}.`) as Msg<{ tab: string; title: string; file: string; problem: string }>,
  exhibit_limit: (({ tab, title, file, limit }) =>
    `Exhibit ${tab} ("${title}"), ${file}, was refused: ${limit}. Reopen stops reading a file at these limits so that a damaged or hostile file cannot stall or crash it; open the file, save or print it to a new PDF (or split it), and try again.`) as Msg<{
    tab: string;
    title: string;
    file: string;
    limit: string;
  }>,
  exhibit_sanitized: (({ tab, title, removed }) =>
    `Exhibit ${tab} ("${title}") contained active content, which was removed from the filing: ${removed.join('; ')}. Its pages look as they did; manifest.json lists what was removed.`) as Msg<{
    tab: string;
    title: string;
    removed: readonly string[];
  }>,
  exhibit_no_text: (({ tab, title, pages }) =>
    `Exhibit ${tab} ("${title}") has no text layer on ${pages} (scanned images only): run OCR (text recognition) on it before e-filing, so the court can search and copy its words.`) as Msg<{
    tab: string;
    title: string;
    pages: string;
  }>,
  exhibit_pages: (({ tab, said, found }) => `Exhibit ${tab} is said to have ${said} pages, but its file has ${found}; the index uses the file's count.`) as Msg<{
    tab: string;
    said: number;
    found: number;
  }>,
  exhibit_pages_unknown: (({ tab, title }) =>
    `Exhibit ${tab} ("${title}") has no file and no page count, so the combined filing cannot hold its place: the page numbers after it will be wrong once it is inserted. Give its file, or its page count.`) as Msg<{
    tab: string;
    title: string;
  }>,
  filing_too_large: (({ detail }) => detail) as Msg<{ detail: string }>,
  fee_rule: (({ detail }) => detail) as Msg<{ detail: string }>,

  // Requests to the server (server/): the same issue shape as the CLI's, so a client reads one format.
  unauthorized: (({ given }) =>
    given
      ? 'This server does not know the token sent (it may have been made for another data folder, or mistyped): make one with `reopen tokens create` using the REOPEN_DATA_DIR of this server.'
      : 'This request needs a token: send the header "Authorization: Bearer <token>" with a token made by `reopen tokens create`.') as Msg<{ given: boolean }>,
  role_refused: (({ action }) => `An intern's token can check cases, keep drafts and make previews, but not ${action}; ask a supervising attorney.`) as Msg<{ action: string }>,
  not_found: (({ what }) => `There is no ${what}.`) as Msg<{ what: string }>,
  rev_conflict: (({ rev }) =>
    `This draft was changed by someone else since you read it: it is now at revision ${rev}. Read it again, apply your change, and save with "rev": ${rev}.`) as Msg<{ rev: number }>,
  invalid_json_body: (({ detail }) => `The request body is not valid JSON (${detail}).`) as Msg<{ detail: string }>,
  unsupported_media_type: (({ expected }) => `Send the request body as ${expected}, with a matching Content-Type header.`) as Msg<{ expected: string }>,
  request_too_large: (({ limit }) => `The request is larger than the ${limit} the server accepts.`) as Msg<{ limit: string }>,
  invalid_request: (({ detail }) => detail) as Msg<{ detail: string }>,
  rate_limited: (({ seconds }) => `Too many requests from you in a short time; wait ${seconds} seconds and try again.`) as Msg<{ seconds: number }>,
  idempotency_key_reused: (() =>
    'This Idempotency-Key was already used for a different request; use a new key for a new request.') as Msg<Record<string, never>>,
  exhibit_upload: (({ problem }) => `The uploaded exhibit cannot be kept: ${problem}.`) as Msg<{ problem: string }>,
  server_error: (({ requestId }) =>
    `The server met a fault of its own and could not finish this request. Try again; if it happens again, report request ${requestId} (the id is enough: send no case data).`) as Msg<{ requestId: string }>,
  server_busy: (() => 'The server is shutting down or too busy to take this request; try again in a minute.') as Msg<Record<string, never>>,
} as const;

export type MessageParams<C extends keyof typeof MESSAGES> = Parameters<(typeof MESSAGES)[C]>[0];
