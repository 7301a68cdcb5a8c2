/**
 * Today's civil date where the machine is, YYYY-MM-DD: the one clock read, made at the edges (the
 * CLI and the server), which pass it in as `asOf`.
 */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
