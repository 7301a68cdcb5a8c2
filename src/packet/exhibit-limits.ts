/**
 * How much work an exhibit PDF may make Reopen do. An exhibit is a file someone else made (a
 * scan, a download, an e-mail attachment), so it is read in a child process under these limits
 * (see exhibit-sandbox.ts); each breach is refused with the exhibit and the limit named.
 *
 * The figures were measured on a 2-core machine with pdf-lib 1.17.1 (see the pull request notes):
 * parsing costs about 1 KB of memory and up to 65 µs per object, pdf-lib's own inflater runs at
 * 25-40 MB/s, and a 5,000-page file of simple pages loads and saves in about 2 seconds.
 */
/** The largest file read at all is io/exhibit-files.ts's MAX_EXHIBIT_BYTES (500 MB), checked before reading. */
export interface ExhibitLimits {
  /** The most one stream may inflate to; decoding stops as soon as it would pass this. */
  maxDecodedStreamBytes: number;
  /** The most all the streams Reopen decodes in one exhibit may inflate to, together. */
  maxDecodedBytes: number;
  /** The most indirect objects an exhibit may hold (object streams' contents included). */
  maxObjects: number;
  /** The most pages one exhibit may have. */
  maxPages: number;
  /** Memory the child process may use (RLIMIT_DATA): this much, plus `memoryPerFileByte` per byte of the largest file. */
  memoryBaseBytes: number;
  memoryPerFileByte: number;
  /** Time for one exhibit: this much, plus `timePerMegabyteMs` per megabyte of its file. */
  timeBaseMs: number;
  timePerMegabyteMs: number;
}

const MiB = 1024 * 1024;

export const EXHIBIT_LIMITS: Readonly<ExhibitLimits> = Object.freeze({
  /**
   * Reopen decodes only page contents, form XObjects and object or cross-reference streams, never
   * images. A page of text is a few kilobytes and a dense vector map a few megabytes; 32 MiB is
   * far above both and is reached in about a second, so a "zip bomb" stream is stopped quickly.
   */
  maxDecodedStreamBytes: 32 * MiB,
  /** 5,000 text pages of about 20 KB each is 100 MB; five times that bounds many small bombs. */
  maxDecodedBytes: 512 * MiB,
  /**
   * A scanned A-file has about 5-10 objects a page, a tagged text PDF up to about 50: 5,000 pages
   * fit. At about 1 KB and 50 µs an object this keeps parsing under about 300 MB and 15 seconds.
   */
  maxObjects: 250_000,
  /**
   * An A-file released under FOIA runs to a few thousand pages and must fit; a filing the court
   * would have to read past this is better split into separate exhibits anyway.
   */
  maxPages: 5_000,
  /**
   * Node and pdf-lib take about 60 MB before reading anything; decoding may hold two buffers of a
   * capped stream (64 MiB); 250,000 objects take about 300 MB. The file itself is held about three
   * times over (as read, as parsed, as written), hence 3 bytes per byte of file.
   */
  memoryBaseBytes: 768 * MiB,
  memoryPerFileByte: 3,
  /**
   * Starting a child and loading pdf-lib takes under a second; a small file is done in a second or
   * two, so 20 seconds is generous even on a loaded machine, and a file that never finishes is
   * refused within seconds. Big files get 0.2 s per megabyte more (at least 5 MB/s): a 300 MB
   * scanned A-file gets 80 seconds.
   */
  timeBaseMs: 20_000,
  timePerMegabyteMs: 200,
});

export function memoryLimitFor(limits: ExhibitLimits, largestFileBytes: number): number {
  return Math.ceil(limits.memoryBaseBytes + limits.memoryPerFileByte * largestFileBytes);
}

export function timeLimitFor(limits: ExhibitLimits, fileBytes: number): number {
  return Math.ceil(limits.timeBaseMs + (limits.timePerMegabyteMs * fileBytes) / 1e6);
}

/** "32 MB", "1.5 GB": sizes in the words of a limit message (1 MB = 1024 × 1024 bytes, as the limits are set). */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${Number((bytes / 1024 / MiB).toFixed(1))} GB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
