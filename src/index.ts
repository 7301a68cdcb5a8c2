/**
 * Reopen's public use cases. The CLI and the server import only this module.
 */
export * from './case/index.js';
export { checkCase, type CheckReport, type CheckResult, type ReportDeadline, type ReportRecords } from './check.js';
export { planDocuments, CATALOGUE, type DocumentId, type PlannedDocument } from './documents/catalogue.js';
export { evaluate, type Evaluation } from './rules/evaluate.js';
