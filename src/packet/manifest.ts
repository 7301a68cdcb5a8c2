/**
 * manifest.json: what a generate run wrote, so anyone can check later that a file is the one
 * Reopen made for that case on that date. SHA-256 in lowercase hex; keys in a fixed order.
 */
import { createHash } from 'node:crypto';

export interface ManifestFile {
  name: string;
  bytes: Uint8Array;
  document?: string;
  format?: string;
  template?: { id: string; version: string };
}

export interface ManifestInput {
  generator: { name: string; version: string };
  asOf: string;
  /**
   * The 9-digit A-number the files are for: the output folder's owner. A rerun replaces or
   * removes only files of a manifest for the same A-number (io/output-folder.ts).
   */
  aNumber?: string;
  /** The SHA-256 of the case as parsed (canonical JSON). */
  caseSha256: string;
  preview: boolean;
  files: readonly ManifestFile[];
  /** Templates used for parts that are not files of their own (the exhibit tab sheets). */
  partTemplates?: readonly { id: string; version: string }[];
  filing?: {
    files: string[];
    pageCount: number;
    /**
     * Each exhibit: its file's SHA-256 as given, its pages in the filing, and (for a file) what
     * was removed from it before filing, per packet/exhibit-sanitize.ts.
     */
    exhibits: { tab: string; file: string | null; sha256: string | null; pages: string; removed?: { kind: string; what: string; count: number; pages: number[] }[] }[];
  };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

export function buildManifest(input: ManifestInput): string {
  const templates = new Map<string, string>();
  for (const f of input.files) if (f.template) templates.set(f.template.id, f.template.version);
  for (const t of input.partTemplates ?? []) templates.set(t.id, t.version);
  const manifest = {
    format: 'reopen.manifest/1',
    ...(input.aNumber ? { aNumber: input.aNumber } : {}),
    generator: input.generator,
    asOf: input.asOf,
    caseSha256: input.caseSha256,
    preview: input.preview,
    templates: [...templates].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, version]) => ({ id, version })),
    files: input.files.map((f) => ({
      name: f.name,
      sha256: sha256(f.bytes),
      bytes: f.bytes.length,
      ...(f.document ? { document: f.document } : {}),
      ...(f.format ? { format: f.format } : {}),
      ...(f.template ? { template: f.template } : {}),
    })),
    ...(input.filing ? { filing: input.filing } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
