/**
 * Parts to .docx bytes, the same bytes for the same parts and date: entries in the given order,
 * every entry dated from the document's civil date, DEFLATE at a fixed level, nothing from the clock.
 */
import PizZip from 'pizzip';
import { invalidTree } from './errors.js';

/** The parts of a .docx by name, in the order they go into the zip. */
export type DocxParts = ReadonlyMap<string, string | Uint8Array>;

/**
 * A zip entry's time is a DOS date with no zone, and pizzip fills it from the local-time getters
 * (getHours, getDate...). This Date answers those with its UTC fields, so `asOf` at midnight UTC is
 * written as 00:00 on that day whatever the machine's TZ, including zones where local midnight
 * does not exist on a DST day.
 */
class ZipDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
}

const UTF8 = new TextEncoder();

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a civil date `YYYY-MM-DD`; refuses impossible dates and years a zip cannot hold. */
export function civilMidnight(asOf: string): Date {
  const match = CIVIL_DATE.exec(asOf);
  const date = match ? new ZipDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (date === undefined || date.toISOString().slice(0, 10) !== asOf) {
    throw invalidTree('asOf', `"${asOf}" is not a date written YYYY-MM-DD`);
  }
  // DOS dates count years from 1980 in seven bits.
  if (date.getUTCFullYear() < 1980 || date.getUTCFullYear() > 2107) {
    throw invalidTree('asOf', `${asOf} is outside the years 1980-2107 a zip file can record`);
  }
  return date;
}

/** Parts compressed once, for reuse by every document whose part has the same content. */
export interface ZipCache {
  zip: Uint8Array;
  parts: DocxParts;
}

/** Compresses `parts` once; a shell does this for the parts no document changes (styles, settings...). */
export function zipCache(parts: DocxParts): ZipCache {
  return { zip: zipDocxParts(parts, '1980-01-01'), parts };
}

/**
 * The zip step alone: given parts already rendered, what `renderDocx` spends after templating, the
 * floor `npm run bench` compares against. With a `cache`, a part whose content is the cached one
 * is copied compressed rather than deflated again; the bytes are the same either way (tested).
 */
export function zipDocxParts(parts: DocxParts, asOf: string, cache?: ZipCache): Uint8Array {
  const date = civilMidnight(asOf);
  const zip = cache === undefined ? new PizZip() : new PizZip(cache.zip);
  for (const [name, content] of parts) {
    // zip.files, not zip.file(name): the latter hands out a copy, and its date would be lost.
    const cached = cache?.parts.get(name) === content ? zip.files[name] : undefined;
    if (cached !== undefined) cached.date = date;
    // Encoded here because pizzip's own UTF-8 encoder, in JavaScript, costs more than the deflate.
    else zip.file(name, typeof content === 'string' ? UTF8.encode(content) : content, { date, binary: true });
  }
  return zip.generate({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    // Only the given parts, in the given order: a cached part the document lacks stays out.
    fileOrder: () => [...parts.keys()],
  });
}
