/**
 * Uploaded exhibits are checked in sandbox processes (src/packet/exhibit-sandbox.ts), each of
 * which may take most of a gigabyte and many seconds. Only a few run at once, for every
 * organization together; an upload past the waiting line is told the server is busy (503), so no
 * burst of uploads can exhaust the machine's memory or starve the others.
 */
import { checkExhibitFile } from '../src/index.js';

export type ExhibitChecker = (bytes: Uint8Array) => ReturnType<typeof checkExhibitFile>;

export class SandboxBusyError extends Error {}

export function sandboxSlots(opts: { running: number; waiting: number }): ExhibitChecker {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (bytes) => {
    if (running >= opts.running) {
      if (queue.length >= opts.waiting) throw new SandboxBusyError('too many exhibits are being checked');
      await new Promise<void>((resolve) => queue.push(resolve));
    } else {
      running++;
    }
    try {
      return await checkExhibitFile(bytes);
    } finally {
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
}
