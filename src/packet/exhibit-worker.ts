/**
 * The exhibit child process (started by exhibit-sandbox.ts under an OS memory limit): reads
 * requests from standard input, sanitizes each PDF within its budget, and answers on standard
 * output, one exhibit at a time. Nothing else may reach standard output, so the console is
 * silenced before any PDF is read (pdf-lib reports parse problems with console.warn and
 * console.log); the parent keeps standard error to itself and never prints it.
 */
import { EXHIBIT_LIMITS, type ExhibitLimits } from './exhibit-limits.js';
import { encodeFrame, FrameReader } from './exhibit-frames.js';
import { failureOf, sanitizePdf } from './exhibit-sanitize.js';
import { installBudgetHooks } from './pdf-budget.js';

for (const method of ['log', 'warn', 'error', 'info', 'debug', 'trace', 'dir', 'table'] as const) {
  (console as unknown as Record<string, () => void>)[method] = () => {};
}
installBudgetHooks();

export interface WorkerRequest {
  id: number;
  limits: Partial<ExhibitLimits>;
}

const reader = new FrameReader<WorkerRequest>();
let queue = Promise.resolve();

const write = (parts: Buffer[]) => {
  for (const p of parts) process.stdout.write(p);
};

process.stdin.on('data', (chunk: Buffer) => {
  for (const { header, body } of reader.push(chunk)) {
    queue = queue.then(async () => {
      const limits = { ...EXHIBIT_LIMITS, ...header.limits };
      let result;
      try {
        result = await sanitizePdf(body, limits);
      } catch (err) {
        result = { ok: false as const, failure: failureOf(err) };
      }
      if (result.ok) write(encodeFrame({ id: header.id, ok: true, report: result.report }, result.pdf));
      else write(encodeFrame({ id: header.id, ok: false, failure: result.failure }));
    });
  }
});
process.stdin.on('end', () => {
  void queue.then(() => process.exit(0));
});
