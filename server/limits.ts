/**
 * The server's limits, with their defaults. Each can be set by an environment variable (see the
 * README's configuration table); tests and the benchmark pass their own.
 */
export interface Limits {
  /** Largest JSON body, in bytes (a case with long accounts is well under 1 MB). */
  bodyBytes: number;
  /** Largest exhibit upload, in bytes (ECAS takes 25 MB a file; scans can be larger before splitting). */
  exhibitBytes: number;
  /** API requests a token may make in a minute. */
  requestsPerMinute: number;
  /** Packets (final or preview) a token may ask for in a minute: each costs seconds of CPU. */
  packetsPerMinute: number;
  /** Requests with a missing or wrong token one address may make in a minute. */
  failedAuthPerMinute: number;
  /** Longest a packet may render before it is abandoned, in seconds. */
  packetSeconds: number;
  /** Failed sign-ins one address may make in 15 minutes. */
  loginsPer15Minutes: number;
  /** Uploaded exhibits checked at once (each in a sandbox process of up to about 1 GB). */
  sandboxes: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 10 * 1000 * 1000,
  exhibitBytes: 50 * 1000 * 1000,
  requestsPerMinute: 600,
  packetsPerMinute: 20,
  failedAuthPerMinute: 30,
  packetSeconds: 120,
  loginsPer15Minutes: 10,
  sandboxes: 2,
};

/** "10 MB" for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e5) / 10} MB`;
}
