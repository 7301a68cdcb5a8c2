/**
 * Reading a clinic's Word shell (REOPEN_DOCX_SHELL) as an upload: a regular file of bounded size,
 * then a zip whose entries are listed and measured before any is inflated, and inflated no further
 * than each one declares.
 *
 * The central directory is read here rather than by pizzip, which inflates an entry in one call
 * without a bound and keeps only the last of two entries with the same name: a 10 KB entry that
 * declares 1 KB and inflates to 4 GB, or a second `word/document.xml` that another reader would
 * take instead, must be refused before either happens. Only what a .docx uses is read: stored or
 * deflated entries, no encryption, no zip64, one disk.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { shellBadEntry, shellTooLarge, shellUnreadable } from './errors.js';

/**
 * What a shell may be. A Word-saved shell with a letterhead is 20-60 KB and unpacks to well under
 * 1 MB in 12-30 parts; a logo or an embedded font adds a few MB. The limits leave ten times that
 * room and keep the worst case (all parts in memory as text, the templated ones filled for each
 * document of a batch) small. Every .docx Reopen writes carries the whole shell, so a shell near
 * these limits is a mistake even when it is not an attack.
 */
export const SHELL_LIMITS = {
  /** The .docx file itself. */
  fileBytes: 10 * 1024 * 1024,
  /** Zip entries, folders included. */
  parts: 100,
  /** One part, unpacked. */
  partBytes: 16 * 1024 * 1024,
  /** All parts together, unpacked. */
  totalBytes: 32 * 1024 * 1024,
} as const;

/** A limit in words ("16 MB"), and a measured size exactly, so a file one byte over reads as over. */
const MB = (bytes: number) => `${bytes / (1024 * 1024)} MB`;
const exactly = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/** The file's bytes: refused before it is opened unless it is a regular file within the limit. */
export function readShellBytes(path: string): Uint8Array {
  const checkStats = (info: Stats) => {
    if (info.isDirectory()) throw shellUnreadable(path, 'it is a folder, not a .docx file');
    // /dev/zero, a named pipe or a socket would be read for ever, or block.
    if (!info.isFile()) throw shellUnreadable(path, 'it is not a regular file (a device, pipe or socket); name a .docx file');
    if (info.size > SHELL_LIMITS.fileBytes) {
      throw shellTooLarge(path, `the file is ${exactly(info.size)}, more than the ${MB(SHELL_LIMITS.fileBytes)} a shell may be`);
    }
  };
  checkStats(statOrRefuse(path));
  let fd: number;
  try {
    // O_NONBLOCK: should the file be swapped for a pipe after the check, opening it does not wait.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw shellUnreadable(path, errnoWords(error));
  }
  try {
    const info = fstatSync(fd);
    checkStats(info);
    const bytes = new Uint8Array(info.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < bytes.length; length += read) {
      read = readSync(fd, bytes, length, bytes.length - length, null);
    }
    if (length > info.size) throw shellUnreadable(path, 'it changed while it was being read');
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function statOrRefuse(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw shellUnreadable(path, errnoWords(error));
  }
}

function errnoWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'there is no file at that path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission to read it is denied';
  if (code === 'ENOTDIR') return 'a folder on its path is a file';
  if (code === 'ELOOP') return 'it is a link that leads back to itself';
  if (code === 'ENAMETOOLONG') return 'its path is too long for this system';
  return 'the system would not let Reopen open it';
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8 = new TextDecoder('utf-8');

/**
 * The zip's entries by name, each inflated and checked against its declared size and CRC.
 * Folders are left out. Every limit and name is checked before the first entry is inflated.
 */
export function unzipShell(source: string, bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = centralDirectory(source, bytes);
  let total = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    checkEntryName(source, entry.name);
    // Part names compare without regard to case (ECMA-376 Part 2, 9.1.1.1.2).
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw shellBadEntry(source, entry.name, 'which appears twice, so readers disagree on which one counts');
    seen.add(key);
    if (entry.size > SHELL_LIMITS.partBytes) {
      throw shellTooLarge(source, `its part ${entry.name} unpacks to ${exactly(entry.size)}, more than the ${MB(SHELL_LIMITS.partBytes)} one part may be`);
    }
    total += entry.size;
  }
  if (total > SHELL_LIMITS.totalBytes) {
    throw shellTooLarge(source, `its parts unpack to ${exactly(total)}, more than the ${MB(SHELL_LIMITS.totalBytes)} a whole shell may be`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (!entry.name.endsWith('/')) parts.set(entry.name, inflate(source, bytes, entry));
  }
  return parts;
}

function centralDirectory(source: string, bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => shellUnreadable(source, `it is not a .docx file, or it is damaged (${why})`);
  // The end record is the last 22 bytes, or earlier by the length of a comment (at most 65,535).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no zip directory');
  const disk = view.getUint16(end + 4, true);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryAt = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryAt === 0xffffffff || disk !== 0 || view.getUint16(end + 8, true) !== count) {
    throw damaged('a zip64 or multi-part archive, which Word does not write');
  }
  if (count > SHELL_LIMITS.parts) {
    throw shellTooLarge(source, `it has ${count} entries, more than the ${SHELL_LIMITS.parts} a shell may have`);
  }
  if (directoryAt + directorySize > end) throw damaged('its directory lies outside the file');
  const entries: Entry[] = [];
  let at = directoryAt;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw damaged('a broken directory entry');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw damaged('a broken directory entry');
    const name = UTF8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if ((flags & 1) !== 0) throw shellUnreadable(source, `its part ${name} is encrypted; save the shell without a password`);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

/** `..`, a leading slash, a drive letter, a backslash or a control character: names that reach outside a folder. */
function checkEntryName(source: string, name: string): void {
  if (name === '' || name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw shellBadEntry(source, name, 'an absolute path');
  if (name.includes('\\')) throw shellBadEntry(source, name, 'with a backslash, which zip names may not hold');
  if (/[\u0000-\u001f\u007f\ufffd]/.test(name)) throw shellBadEntry(source, name, 'with a control character or bytes that are not text');
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.')) throw shellBadEntry(source, name, 'which climbs out of its folder');
  if (segments.some((s) => s === '')) throw shellBadEntry(source, name, 'with an empty folder name');
}

function inflate(source: string, bytes: Uint8Array, entry: Entry): Uint8Array {
  const damaged = () => shellUnreadable(source, `its part ${entry.name} is damaged`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged();
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // Never more than the entry declares, and the declared size passed the limits above.
      out = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw shellTooLarge(source, `its part ${entry.name} unpacks to more than the ${exactly(entry.size)} it declares (a zip bomb, or a damaged file)`);
      }
      throw damaged();
    }
  } else throw shellUnreadable(source, `its part ${entry.name} is compressed with method ${entry.method}, which Word does not use`);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw damaged();
  return out;
}
