/**
 * Limits enforced inside pdf-lib while it works, for the exhibit child process only.
 *
 * pdf-lib 1.17.1 (pinned) inflates every stream through its DecodeStream class, which grows one
 * buffer as it decodes; it registers every parsed object through PDFContext.assign. Wrapping those
 * two methods stops a decompression bomb while it inflates (not after) and a file of millions of
 * objects while it is parsed. The OS memory limit on the child process is the backstop.
 *
 * pdf-lib's parser catches errors while it reads objects and carries on with what it can (that is
 * how it reads damaged files), so a breach is also recorded here: once recorded, every further
 * decode or object throws, the parse ends, and the caller asks `budget.breach`.
 */
import { createRequire } from 'node:module';

export type LimitName = 'decoded-stream' | 'decoded-total' | 'objects' | 'pages' | 'memory' | 'time';

export class LimitBreach extends Error {
  constructor(readonly limit: LimitName) {
    super(`limit reached: ${limit}`);
  }
}

export class Budget {
  breach: LimitName | null = null;
  decoded = 0;
  objects = 0;

  constructor(
    readonly maxDecodedStreamBytes: number,
    readonly maxDecodedBytes: number,
    readonly maxObjects: number,
  ) {}

  fail(limit: LimitName): never {
    this.breach ??= limit;
    throw new LimitBreach(this.breach);
  }
}

let current: Budget | null = null;
let installed = false;

interface DecodeStreamLike {
  buffer: Uint8Array;
  ensureBuffer(requested: number): Uint8Array;
  __counted?: number;
}

/** Wraps pdf-lib's decoder and object registry once per process; they consult the current budget. */
export function installBudgetHooks(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  // The same module instances pdf-lib's own code uses (the package has no exports map).
  const DecodeStream = (require('pdf-lib/cjs/core/streams/DecodeStream') as { default: { prototype: DecodeStreamLike } }).default;
  const PDFContext = (require('pdf-lib/cjs/core/PDFContext') as { default: { prototype: { assign(ref: unknown, object: unknown): void } } }).default;

  const ensureBuffer = DecodeStream.prototype.ensureBuffer;
  DecodeStream.prototype.ensureBuffer = function (this: DecodeStreamLike, requested: number) {
    const b = current;
    if (b) {
      if (b.breach) b.fail(b.breach);
      if (requested > b.maxDecodedStreamBytes) b.fail('decoded-stream');
      const counted = this.__counted ?? 0;
      if (requested > counted) {
        b.decoded += requested - counted;
        this.__counted = requested;
        if (b.decoded > b.maxDecodedBytes) b.fail('decoded-total');
      }
    }
    try {
      return ensureBuffer.call(this, requested);
    } catch (err) {
      // Out of memory under the OS limit; pdf-lib's parser would otherwise carry on without it.
      if (b && err instanceof RangeError && /allocation failed/i.test(err.message)) b.fail('memory');
      throw err;
    }
  };

  const assign = PDFContext.prototype.assign;
  PDFContext.prototype.assign = function (this: unknown, ref: unknown, object: unknown) {
    const b = current;
    if (b) {
      if (b.breach) b.fail(b.breach);
      if (++b.objects > b.maxObjects) b.fail('objects');
    }
    assign.call(this, ref, object);
  };
}

/** Runs `work` with `budget` in force (one exhibit at a time per process). */
export async function withBudget<T>(budget: Budget, work: () => Promise<T>): Promise<T> {
  current = budget;
  try {
    return await work();
  } finally {
    current = null;
  }
}
