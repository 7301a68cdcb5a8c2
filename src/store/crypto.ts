/**
 * Case data at rest: AES-256-GCM, with a key for each draft (its data key) sealed under the
 * server's key. Deleting a draft deletes its data key, so nothing of it can be read again even
 * from a page of the database file that the disk kept (crypto-shredding); the store also has
 * SQLite overwrite deleted pages (sqlite-store.ts).
 *
 * Every sealed value is bound to where it belongs (the additional authenticated data names the
 * draft and the row), so a value copied into another draft's row does not open.
 *
 * Layout of a sealed value: version byte (1) | 12-byte nonce | 16-byte tag | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 1;
const NONCE = 12;
const TAG = 16;
export const KEY_BYTES = 32;

/** Seals and opens byte strings under one 256-bit key. */
export interface Sealer {
  /** `aad` says what the value is and where it belongs; opening needs the same words. */
  seal(plain: Uint8Array, aad: string): Buffer;
  /** Throws SealError when the value was changed, moved or sealed under another key. */
  open(sealed: Uint8Array, aad: string): Buffer;
}

export class SealError extends Error {}

/** A Sealer for a 32-byte key; throws for a key of another length. */
export function aesGcm(key: Uint8Array): Sealer {
  if (key.length !== KEY_BYTES) throw new SealError(`an AES-256 key has ${KEY_BYTES} bytes, not ${key.length}`);
  const k = Buffer.from(key);
  return {
    seal(plain, aad) {
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', k, nonce);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), body]);
    },
    open(sealed, aad) {
      const s = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (s.length < 1 + NONCE + TAG || s[0] !== VERSION) throw new SealError('not a value this store sealed');
      const decipher = createDecipheriv('aes-256-gcm', k, s.subarray(1, 1 + NONCE));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(s.subarray(1 + NONCE, 1 + NONCE + TAG));
      try {
        return Buffer.concat([decipher.update(s.subarray(1 + NONCE + TAG)), decipher.final()]);
      } catch {
        throw new SealError('the value does not open with this key (changed, moved, or sealed under another key)');
      }
    },
  };
}

/** A new random data key for one draft. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A problem with the server's key that stops the server from starting; `message` is one sentence. */
export class KeyError extends Error {}

export const KEY_FILE = 'secret.key';

/**
 * The server's key: from `REOPEN_SECRET_KEY` (64 hex digits, or 32 bytes in base64) when set;
 * otherwise from `<dataDir>/secret.key`, created on first start (32 random bytes, base64, owner
 * read/write only). A key file that others may read is refused rather than used.
 *
 * Losing the key loses every draft: the README says to back it up apart from the database.
 */
export function loadServerKey(env: NodeJS.ProcessEnv, dataDir: string): { key: Buffer; source: 'environment' | 'key file' | 'new key file' } {
  const given = env['REOPEN_SECRET_KEY'];
  if (given !== undefined && given !== '') {
    const key = parseKey(given.trim());
    if (!key) throw new KeyError('REOPEN_SECRET_KEY must be 32 bytes written as 64 hexadecimal digits or in base64 (for example the output of `openssl rand -base64 32`).');
    return { key, source: 'environment' };
  }
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    const key = randomBytes(KEY_BYTES);
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (err) {
      // Another process created it first: read theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadServerKey(env, dataDir);
      throw new KeyError(`the key file ${file} could not be created (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
    } finally {
      closeSync(fd);
    }
    chmodSync(file, 0o600);
    return { key, source: 'new key file' };
  }
  const info = statSync(file);
  if ((info.mode & 0o077) !== 0) {
    throw new KeyError(`the key file ${file} may be read by other users of this machine; run \`chmod 600 ${file}\` and start again.`);
  }
  const key = parseKey(readFileSync(file, 'utf8').trim());
  if (!key) throw new KeyError(`the key file ${file} does not hold a 32-byte key in base64.`);
  return { key, source: 'key file' };
}

function parseKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const b = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return b.length === KEY_BYTES ? b : null;
  }
  return null;
}
