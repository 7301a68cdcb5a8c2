export { normalizeANumber, formatANumber } from './a-number.js';
export * from './civil-date.js';
export { COUNTRY_CODES, US_STATES, US_STATE_NAMES, countryName, entryOf, languageName, LANGUAGE_NAMES } from './codes.js';
export { makeIssue, sortIssues, hasErrors, dotPath, type Issue, type IssueCode, type Severity } from './issues.js';
export { FIELDS, labelOf, helpOf, patternOf, type FieldText } from './labels.js';
export { parseCase, describe, isPlainObject, type ParseResult } from './parse.js';
export * from './schema.js';
export * from './value-labels.js';
