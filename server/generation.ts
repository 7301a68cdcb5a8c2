/**
 * Packets are rendered by a pool of worker threads (piscina), off the thread that answers
 * requests: a packet costs seconds of CPU, a save a millisecond, and saves must stay fast while
 * packets render. The pool's queue is bounded; when it is full the server says it is busy (503)
 * rather than letting requests pile up without end.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PacketOutcome, PacketTask } from './generate-worker.js';

export type { PacketOutcome, PacketTask };

export interface Generator {
  /** Renders a packet; rejects with GeneratorBusyError when the queue is full. */
  packet(task: PacketTask, signal?: AbortSignal): Promise<PacketOutcome>;
  /** Waits for running tasks, then ends the threads. */
  close(): Promise<void>;
}

export class GeneratorBusyError extends Error {}

/**
 * The compiled worker: beside this module in dist/server/, or there when tests run this module
 * from its TypeScript source (a thread cannot run TypeScript; `npm test` builds first).
 */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'generate-worker.js');
  return join(dirname(here), '..', 'dist', 'server', 'generate-worker.js');
}

export interface PoolOptions {
  /** Threads rendering at once (default 1: on two cores, one renders while the other serves). */
  threads?: number;
  /** Packets waiting beyond those being rendered before the server answers 503. */
  queue?: number;
}

export function workerPool(opts: PoolOptions = {}): Generator {
  const filename = workerFile();
  if (!existsSync(filename)) throw new Error(`Reopen is not built (${filename} is missing); run npm run build`);
  const threads = Math.max(1, opts.threads ?? 1);
  const pool = new Piscina({
    filename,
    minThreads: 1,
    maxThreads: threads,
    maxQueue: Math.max(0, opts.queue ?? 16),
    idleTimeout: 60_000,
    // A runaway case costs its thread, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
  return {
    async packet(task, signal) {
      try {
        return (await pool.run(task, signal ? { signal } : {})) as PacketOutcome;
      } catch (err) {
        if (err instanceof Error && /queue is at limit/i.test(err.message)) throw new GeneratorBusyError('the packet queue is full');
        throw err;
      }
    },
    async close() {
      await pool.close();
    },
  };
}
