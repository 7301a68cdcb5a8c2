import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/render/lru.js';

describe('Lru', () => {
  it('never holds more than its limit, dropping the entry used least recently', () => {
    const lru = new Lru<string, number>(3);
    for (const [key, value] of [['a', 1], ['b', 2], ['c', 3]] as const) lru.set(key, value);
    expect(lru.get('a')).toBe(1);
    lru.set('d', 4);
    expect(lru.size).toBe(3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([1, 3, 4]);
    for (let i = 0; i < 1000; i++) lru.set(`k${i}`, i);
    expect(lru.size).toBe(3);
    expect(lru.get('k999')).toBe(999);
  });

  it('replaces the value of a key it holds without growing', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('a', 2);
    expect([lru.size, lru.get('a')]).toEqual([1, 2]);
  });
});
