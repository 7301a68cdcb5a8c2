/**
 * Every error the server answers is JSON of one shape, `{ ok: false, issues, requestId }`, with the
 * issue codes and paths of the CLI (src/case/messages-en.ts). Nothing reaches a client or the log
 * as a stack trace or with case data: an unexpected error is logged by its kind and where it was
 * thrown, and the client gets `internal_error` with the request id to quote.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { makeIssue, type Issue } from '../src/index.js';
import { SandboxBusyError } from './sandbox-slots.js';
import { html, page } from './web/html.js';

/** An answer other than success, thrown by a route and written by `errorHandler`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly issues: Issue[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(issues[0]?.code ?? 'error');
  }
}

export const notFound = (what: string, path = '') => new ApiError(404, [makeIssue('not_found', path, 'error', { what })]);
export const badRequest = (path: string, detail: string) => new ApiError(400, [makeIssue('invalid_request', path, 'error', { detail })]);

export function sendIssues(res: Response, status: number, issues: Issue[], extra: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  res.status(status).json({ ok: false, issues, ...extra, requestId: res.locals['requestId'] ?? null });
}

/** body-parser and multer errors by their type or code, as issues a client can act on. */
function knownError(err: unknown, bodyLimit: string): ApiError | null {
  const e = err as { type?: string; code?: string; status?: number; statusCode?: number } | null;
  if (!e || typeof e !== 'object') return null;
  switch (e.type) {
    case 'entity.too.large':
      return new ApiError(413, [makeIssue('request_too_large', '', 'error', { limit: bodyLimit })]);
    case 'entity.parse.failed':
      return new ApiError(400, [makeIssue('invalid_json_body', '', 'error', { detail: 'it could not be parsed' })]);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiError(415, [makeIssue('unsupported_media_type', '', 'error', { expected: 'UTF-8 JSON (application/json)' })]);
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError(400, [makeIssue('invalid_request', '', 'error', { detail: 'The request body ended before the length it announced.' })]);
    default:
      break;
  }
  if (e.code === 'LIMIT_FILE_SIZE') return new ApiError(413, [makeIssue('request_too_large', 'file', 'error', { limit: 'size of an exhibit file' })]);
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) {
    return new ApiError(400, [makeIssue('invalid_request', 'file', 'error', { detail: 'Send one PDF in the form field "file", and nothing else.' })]);
  }
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, [makeIssue('invalid_request', '', 'error', { detail: 'The request could not be read.' })]);
  }
  return null;
}

/** Where an unexpected error was thrown, without its message (which may quote case data). */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const frames = (err.stack ?? '').split('\n').slice(1, 8).map((l) => l.trim());
  return { type: err.name, code: (err as { code?: unknown }).code, frames };
}

export function errorHandler(log: Logger, bodyLimit: string): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ApiError) return sendIssues(res, err.status, err.issues, err.extra);
    if (err instanceof SandboxBusyError) {
      res.set('Retry-After', '30');
      return sendIssues(res, 503, [makeIssue('server_busy', '', 'error', {})]);
    }
    const known = knownError(err, bodyLimit);
    if (known) return sendIssues(res, known.status, known.issues);
    log.error({ requestId: res.locals['requestId'], err: errorForLog(err) }, 'unexpected error');
    if (!_req.originalUrl.startsWith('/api/') && _req.accepts(['json', 'html']) === 'html' && !res.headersSent) {
      res.status(500).type('html').send(
        page({ title: 'Something went wrong', body: html`<h1>Something went wrong on our side</h1><p>Your last saved answers are kept. Go back and try again; if it happens again, tell your administrator the reference ${String(res.locals['requestId'])}.</p><p><a href="/cases">Back to the case list</a></p>` }),
      );
      return;
    }
    sendIssues(res, 500, [makeIssue('server_error', '', 'error', { requestId: String(res.locals['requestId']) })]);
  };
}
