/**
 * Reopen's public use cases. The CLI and the server import only this module.
 */
export * from './case/index.js';
export { checkCase, type CheckReport, type CheckResult, type ReportDeadline, type ReportRecords } from './check.js';
export { planDocuments, CATALOGUE, type DocumentId, type PlannedDocument } from './documents/catalogue.js';
export { evaluate, type Evaluation } from './rules/evaluate.js';
export { usd } from './rules/fees.js';
export {
  generateDocuments,
  GenerateUsageError,
  type Format,
  type GenerateOptions,
  type GenerateResult,
  type GeneratedFile,
} from './generate.js';
export { calendarOf, calendarEvents, toICalendar, type CalendarEvent, type CalendarResult } from './calendar.js';
export { checkTemplates, type TemplatesCheckResult } from './templates-check.js';
export { formatProblem, type TemplateProblem } from './compose/template-check.js';
export { TemplateError, ViewTooLargeError } from './compose/errors.js';
export { readCaseFile, parseCaseText, type CaseFileResult } from './io/case-file.js';
export { exhibitReader, ExhibitFileError, type ExhibitReader } from './io/exhibit-files.js';
export { writeOutput, OutputError, type WriteOptions } from './io/write-output.js';
export { fsProblem, isFsError } from './io/fs-words.js';
export { packageVersion } from './io/package-root.js';
export { DocxError } from './render/docx/errors.js';
export { RenderError } from './render/pdf/errors.js';
export { PacketError } from './packet/assemble.js';
export { checkExhibitFile } from './filing.js';
export { zipPacket, type PacketFile } from './packet-zip.js';
export { isPlainObject } from './case/parse.js';
export { nestingIssue } from './case/nesting.js';
export * from './store/store.js';
export { openSqliteStore, DATABASE_FILE, respondentName, type SqliteStoreOptions } from './store/sqlite-store.js';
export { loadServerKey, KeyError, KEY_FILE } from './store/crypto.js';
export { GOALS, GOAL_LABELS, STEPS, type Goal, type Step, type Field, type FieldKind, type Condition } from './interview/steps.js';
export {
  applyAnswers,
  answerOf,
  fieldApplies,
  goalsOf,
  holds,
  missingIn,
  nextStep,
  stepApplies,
  stepById,
  stepsFor,
  valueAt,
  withGoals,
  withValue,
  type AnswerProblem,
  type Draft as InterviewDraft,
} from './interview/logic.js';
export { localToday } from './io/today.js';
