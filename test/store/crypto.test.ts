/**
 * Sealing case data: AES-256-GCM bound to where a value belongs, and the server key's sources.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aesGcm, KEY_FILE, KeyError, loadServerKey, SealError } from '../../src/store/crypto.js';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'reopen-key-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('aesGcm', () => {
  const key = Buffer.alloc(32, 7);
  const sealer = aesGcm(key);

  it('opens what it sealed, and nothing changed, moved or sealed under another key', () => {
    const sealed = sealer.seal(Buffer.from('A212-047-381'), 'revision:d1:1');
    expect(sealed.includes(Buffer.from('A212-047-381'))).toBe(false);
    expect(sealer.open(sealed, 'revision:d1:1').toString()).toBe('A212-047-381');
    expect(() => sealer.open(sealed, 'revision:d2:1')).toThrow(SealError);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => sealer.open(flipped, 'revision:d1:1')).toThrow(SealError);
    expect(() => aesGcm(Buffer.alloc(32, 8)).open(sealed, 'revision:d1:1')).toThrow(SealError);
  });

  it('the same value sealed twice gives different bytes (a fresh nonce each time)', () => {
    expect(sealer.seal(Buffer.from('x'), 'a').equals(sealer.seal(Buffer.from('x'), 'a'))).toBe(false);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => aesGcm(Buffer.alloc(16))).toThrow(SealError);
  });
});

describe('loadServerKey', () => {
  it('creates an owner-only key file on first start and reads the same key after', () => {
    const d = fresh();
    const first = loadServerKey({}, d);
    expect(first.source).toBe('new key file');
    expect(statSync(join(d, KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadServerKey({}, d);
    expect(again.source).toBe('key file');
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('refuses a key file others may read, naming the fix', () => {
    const d = fresh();
    loadServerKey({}, d);
    chmodSync(join(d, KEY_FILE), 0o644);
    expect(() => loadServerKey({}, d)).toThrow(/chmod 600/);
  });

  it('takes REOPEN_SECRET_KEY in hex or base64, and refuses anything else by name', () => {
    const hex = 'ab'.repeat(32);
    expect(loadServerKey({ REOPEN_SECRET_KEY: hex }, fresh()).key.toString('hex')).toBe(hex);
    const b64 = Buffer.alloc(32, 3).toString('base64');
    expect(loadServerKey({ REOPEN_SECRET_KEY: b64 }, fresh()).key.equals(Buffer.alloc(32, 3))).toBe(true);
    expect(() => loadServerKey({ REOPEN_SECRET_KEY: 'password123' }, fresh())).toThrow(KeyError);
    expect(() => loadServerKey({ REOPEN_SECRET_KEY: 'password123' }, fresh())).toThrow(/REOPEN_SECRET_KEY/);
  });

  it('refuses a key file that holds no key', () => {
    const d = fresh();
    writeFileSync(join(d, KEY_FILE), 'not a key\n', { mode: 0o600 });
    expect(() => loadServerKey({}, d)).toThrow(/does not hold a 32-byte key/);
    expect(readFileSync(join(d, KEY_FILE), 'utf8')).toBe('not a key\n');
  });
});
