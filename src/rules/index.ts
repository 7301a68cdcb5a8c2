export * from './calendar.js';
export { findCourt, ropMailbox, COURTS, type Court } from './courts.js';
export type { Deadline } from './deadlines.js';
export { evaluate, type Evaluation } from './evaluate.js';
export type { FeeLine, FeeRuling } from './fees.js';
export { appealPending, isInAbsentiaBasis, motionForum } from './forum.js';
export type { RecordsRoute, RecordsRuling } from './records.js';
export type { Confidence, Ruling } from './ruling.js';
export type { Venue } from './venue.js';
