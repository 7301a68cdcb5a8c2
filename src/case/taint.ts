/**
 * Running a rule on a repaired case (./repair.ts) and keeping its answer only if it did not read a
 * tainted path. The case is wrapped in a read-recording proxy; rules are pure and synchronous, so
 * the paths read between the start and the end of one guarded call are that call's inputs.
 */

/**
 * Runs `fn` and returns its answer, or `fallback` when the answer cannot be trusted. On a valid
 * case it is plain `fn()`.
 */
export type Guard = <T>(fn: () => T, fallback: T) => T;

export const trusting: Guard = (fn) => fn();

export interface Tainting<C> {
  /** The case as rules must see it: every read is recorded. */
  view: C;
  guard: Guard;
}

/**
 * A read-recording view of `value` and the guard that goes with it. A guarded call that reads a
 * path at or below a tainted one, or that throws (a stand-in can be out of a rule's range), gives
 * its fallback.
 */
export function tainting<C extends object>(value: C, tainted: readonly string[]): Tainting<C> {
  let touched = false;
  // The path or one of its parents is tainted: a look-up per level of the path, not a scan of the list.
  const set = new Set(tainted);
  const isTainted = (path: string) => {
    if (set.has('') || set.has(path)) return true;
    for (let i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) if (set.has(path.slice(0, i))) return true;
    return false;
  };
  const proxies = new WeakMap<object, Map<string, object>>();
  const wrap = (target: object, path: string): object => {
    let byPath = proxies.get(target);
    if (!byPath) proxies.set(target, (byPath = new Map()));
    let proxy = byPath.get(path);
    if (!proxy) {
      proxy = new Proxy(target, {
        get(t, key, receiver) {
          const v = Reflect.get(t, key, receiver) as unknown;
          if (typeof key === 'symbol') return v;
          const child = path === '' ? key : `${path}.${key}`;
          if (!touched && isTainted(child)) touched = true;
          return typeof v === 'object' && v !== null ? wrap(v, child) : v;
        },
        has(t, key) {
          if (typeof key !== 'symbol' && !touched && isTainted(path === '' ? key : `${path}.${key}`)) touched = true;
          return Reflect.has(t, key);
        },
      });
      byPath.set(path, proxy);
    }
    return proxy;
  };
  const guard: Guard = (fn, fallback) => {
    if (tainted.length === 0) return fn();
    const before = touched;
    touched = false;
    try {
      const answer = fn();
      return touched ? fallback : answer;
    } catch {
      return fallback;
    } finally {
      touched = before;
    }
  };
  return { view: (tainted.length === 0 ? value : wrap(value, '')) as C, guard };
}
