/**
 * Exhibit PDFs are read in a child process, never in Reopen's own: a hostile or broken file can
 * then cost at most the child, which the operating system stops at a memory limit and Reopen
 * stops at a time limit. The child (exhibit-worker.ts) gets each file's bytes on standard input
 * and answers with the sanitized PDF and a report; its standard error is kept here, never shown.
 *
 * Why a process and not a worker thread: a worker's heap limit does not bound its ArrayBuffers
 * (a decompression bomb's buffers live outside the heap), while RLIMIT_DATA bounds every private
 * writable mapping, ArrayBuffers included. RLIMIT_AS does not suit Node: V8 reserves large
 * address ranges it never uses, so a limit low enough to matter stops Node from starting.
 *
 * One child serves a whole run, one exhibit at a time (starting Node and pdf-lib costs a few
 * hundred milliseconds); a child that breaks a limit is killed and the next exhibit gets a new one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXHIBIT_LIMITS, memoryLimitFor, timeLimitFor, type ExhibitLimits } from './exhibit-limits.js';
import { encodeFrame, FrameReader } from './exhibit-frames.js';
import type { SanitizeFailure, SanitizeReport } from './exhibit-sanitize.js';

export type SandboxResult = { ok: true; pdf: Uint8Array; report: SanitizeReport } | { ok: false; failure: SanitizeFailure | { kind: 'sandbox'; detail: string } };

export type SandboxFailure = Extract<SandboxResult, { ok: false }>['failure'];
type Failure = SandboxFailure;

interface Reply {
  id: number;
  ok: boolean;
  report?: SanitizeReport;
  failure?: SanitizeFailure;
}

/** Standard error kept from a child, to tell a memory failure from others: its tail is enough. */
const STDERR_KEPT = 16 * 1024;
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));

/**
 * The compiled worker: beside this module when it runs from dist/src/packet/, and in that folder
 * when tests run the sources from src/packet/ (Node cannot run TypeScript; `npm test` builds).
 */
export function workerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (fileURLToPath(import.meta.url).endsWith('.js')) return join(here, 'exhibit-worker.js');
  return join(here, '..', '..', 'dist', 'src', 'packet', 'exhibit-worker.js');
}

/** How the child is started under a data-segment limit of `bytes`. */
export function sandboxCommand(bytes: number, script: string, prlimit: string | undefined = PRLIMIT): { command: string; args: string[] } {
  const node = [process.execPath, `--max-old-space-size=${Math.max(64, Math.floor(bytes / 1024 / 1024))}`, '--disallow-code-generation-from-strings', script];
  if (prlimit) return { command: prlimit, args: [`--data=${bytes}`, '--', ...node] };
  // Without prlimit, the shell's ulimit sets the same limit (in KiB) before it becomes Node.
  return { command: '/bin/sh', args: ['-c', 'ulimit -d "$1" || exit 97; shift; exec "$@"', 'sh', String(Math.ceil(bytes / 1024)), ...node] };
}

interface Pending {
  id: number;
  resolve: (r: SandboxResult) => void;
  timer: NodeJS.Timeout;
  maxReply: number;
}

export class ExhibitSandbox {
  private readonly limits: ExhibitLimits;
  private readonly memoryBytes: number;
  private child: ChildProcess | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  private stderr = '';

  constructor(opts: { limits?: Partial<ExhibitLimits>; largestFileBytes: number }) {
    this.limits = { ...EXHIBIT_LIMITS, ...opts.limits };
    this.memoryBytes = memoryLimitFor(this.limits, opts.largestFileBytes);
  }

  /** The limits in force for a file of this size, for messages. */
  limitsFor(fileBytes: number): { limits: ExhibitLimits; memoryBytes: number; timeMs: number } {
    return { limits: this.limits, memoryBytes: this.memoryBytes, timeMs: timeLimitFor(this.limits, fileBytes) };
  }

  /** Sanitizes one exhibit; never throws for anything the file does. */
  check(bytes: Uint8Array): Promise<SandboxResult> {
    if (this.pending) throw new Error('ExhibitSandbox.check called while another exhibit is being read');
    const script = workerScript();
    if (!existsSync(script)) {
      return Promise.resolve({ ok: false, failure: { kind: 'sandbox', detail: `Reopen is not built (${script} is missing); run npm run build` } });
    }
    const child = this.child ?? this.start(script);
    if (!child) return Promise.resolve({ ok: false, failure: { kind: 'sandbox', detail: 'the process that reads exhibits could not be started' } });
    const id = this.nextId++;
    return new Promise<SandboxResult>((resolve) => {
      const timer = setTimeout(() => this.fail({ kind: 'limit', limit: 'time' }), timeLimitFor(this.limits, bytes.length));
      this.pending = { id, resolve, timer, maxReply: 2 * bytes.length + 64 * 1024 * 1024 };
      for (const part of encodeFrame({ id, limits: this.limits }, bytes)) child.stdin!.write(part);
    });
  }

  /** Ends the child (it exits when its input ends). */
  close(): void {
    const child = this.child;
    this.child = null;
    child?.stdin?.end();
  }

  private start(script: string): ChildProcess | null {
    const { command, args } = sandboxCommand(this.memoryBytes, script);
    let child: ChildProcess;
    try {
      // No environment of ours (NODE_OPTIONS, loaders, secrets) reaches the child.
      child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {}, windowsHide: true });
    } catch {
      return null;
    }
    this.child = child;
    this.stderr = '';
    const reader = new FrameReader<Reply>();
    child.stdout!.on('data', (chunk: Buffer) => {
      if (child !== this.child) return;
      let frames;
      try {
        frames = reader.push(chunk);
      } catch {
        this.fail({ kind: 'damaged' });
        return;
      }
      if (this.pending && reader.pending > this.pending.maxReply) this.fail({ kind: 'damaged' });
      for (const { header, body } of frames) this.answer(header, body);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('latin1')).slice(-STDERR_KEPT);
    });
    child.stdin!.on('error', () => {}); // a child that died mid-write is reported by 'exit'
    child.on('error', () => {
      if (child === this.child) this.fail({ kind: 'sandbox', detail: 'the process that reads exhibits could not be started' });
    });
    child.on('exit', (code, signal) => {
      if (child !== this.child) return;
      this.child = null;
      if (!this.pending) return;
      if (code === 97) this.fail({ kind: 'sandbox', detail: 'the memory limit for reading exhibits could not be set' });
      else if (outOfMemory(code, signal, this.stderr)) this.fail({ kind: 'limit', limit: 'memory' });
      else this.fail({ kind: 'damaged' });
    });
    return child;
  }

  private answer(reply: Reply, body: Uint8Array): void {
    const p = this.pending;
    if (!p || reply.id !== p.id) return;
    this.settle(reply.ok && reply.report ? { ok: true, pdf: body, report: reply.report } : { ok: false, failure: reply.failure ?? { kind: 'damaged' } });
  }

  /** Answers the pending exhibit with a failure and kills the child (it may be stuck or full). */
  private fail(failure: Failure): void {
    const child = this.child;
    this.child = null;
    child?.kill('SIGKILL');
    this.settle({ ok: false, failure });
  }

  private settle(result: SandboxResult): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(result);
  }
}

/** A child that died of memory: V8's fatal out-of-memory report, or a crash signal under the limit. */
function outOfMemory(code: number | null, signal: NodeJS.Signals | null, stderr: string): boolean {
  if (/out of memory|heap limit|allocation failed|failed to reserve|OOM/i.test(stderr)) return true;
  return signal === 'SIGSEGV' || signal === 'SIGABRT' || signal === 'SIGBUS' || signal === 'SIGTRAP' || code === 134 || code === 139;
}
