/**
 * A packet as one zip file: every generated file, then manifest.json, in that order, each dated
 * from `asOf` (never the clock), so the same case and date give the same bytes (DESIGN invariant 4).
 */
import { zipDocxParts } from './render/docx/zip.js';

export interface PacketFile {
  name: string;
  bytes: Uint8Array;
}

/** The zip bytes of `files` (names must be unique, plain file names) dated `asOf` (YYYY-MM-DD). */
export function zipPacket(files: readonly PacketFile[], asOf: string): Uint8Array {
  const parts = new Map<string, Uint8Array>();
  for (const f of files) {
    if (parts.has(f.name) || f.name.includes('/') || f.name.includes('\\')) throw new Error(`zipPacket: "${f.name}" is not a unique plain file name`);
    parts.set(f.name, f.bytes);
  }
  return zipDocxParts(parts, asOf);
}
