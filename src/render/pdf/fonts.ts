/**
 * The bundled faces and which of them draws each character.
 *
 * Tinos is the face of the filings: it is metric-compatible with Times New Roman, the font the DOCX
 * names, so a line of the PDF holds the same words as the line Word sets and the pages break alike.
 * DejaVu Serif and DejaVu Sans are the fallbacks for what Tinos lacks (Sans has Arabic), and Noto
 * Sans Syriac draws Syriac names (Chaldean and Assyrian clients). The files are read and parsed once
 * per process: a batch of a thousand filings parses each face once, not once per document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { isBidiMark, isDirectionControl } from '../direction.js';
import { RenderError, codePointName, excerpt } from './errors.js';
import type { FacePiece, FontStyle } from './types.js';

const TINOS = '@expo-google-fonts/tinos';
const DEJAVU = 'dejavu-fonts-ttf';
const SYRIAC = '@expo-google-fonts/noto-sans-syriac';

/** Each face's package and file within it. */
const FACE_FILES = {
  tinos: [TINOS, '400Regular/Tinos_400Regular.ttf'],
  'tinos-bold': [TINOS, '700Bold/Tinos_700Bold.ttf'],
  'tinos-italic': [TINOS, '400Regular_Italic/Tinos_400Regular_Italic.ttf'],
  'tinos-bold-italic': [TINOS, '700Bold_Italic/Tinos_700Bold_Italic.ttf'],
  serif: [DEJAVU, 'ttf/DejaVuSerif.ttf'],
  'serif-bold': [DEJAVU, 'ttf/DejaVuSerif-Bold.ttf'],
  'serif-italic': [DEJAVU, 'ttf/DejaVuSerif-Italic.ttf'],
  'serif-bold-italic': [DEJAVU, 'ttf/DejaVuSerif-BoldItalic.ttf'],
  sans: [DEJAVU, 'ttf/DejaVuSans.ttf'],
  'sans-bold': [DEJAVU, 'ttf/DejaVuSans-Bold.ttf'],
  'sans-italic': [DEJAVU, 'ttf/DejaVuSans-Oblique.ttf'],
  'sans-bold-italic': [DEJAVU, 'ttf/DejaVuSans-BoldOblique.ttf'],
  syriac: [SYRIAC, '400Regular/NotoSansSyriac_400Regular.ttf'],
  'syriac-bold': [SYRIAC, '700Bold/NotoSansSyriac_700Bold.ttf'],
} as const;

export type FaceId = keyof typeof FACE_FILES;

export const ALL_FACES = Object.keys(FACE_FILES) as FaceId[];

export function isFaceId(face: string): face is FaceId {
  return Object.hasOwn(FACE_FILES, face);
}

export interface LoadedFace {
  bytes: Uint8Array;
  font: Font;
}

const require = createRequire(import.meta.url);
const packageDirs = new Map<string, string>();
function facePath(face: FaceId): string {
  const [pkg, file] = FACE_FILES[face];
  let dir = packageDirs.get(pkg);
  if (dir === undefined) packageDirs.set(pkg, (dir = dirname(require.resolve(`${pkg}/package.json`))));
  return join(dir, file);
}

const loaded = new Map<FaceId, LoadedFace>();

export function loadFace(face: FaceId): LoadedFace {
  let entry = loaded.get(face);
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(facePath(face)));
    entry = { bytes, font: fontkit.create(bytes) };
    loaded.set(face, entry);
  }
  return entry;
}

/**
 * Tinos, DejaVu Serif and DejaVu Sans in the style asked for, then the same three in the same
 * weight upright (DejaVu Sans Oblique has no Arabic), then regular; then Noto Sans Syriac (upright
 * only) and anything else: a character any face has is always drawn. Syriac comes after DejaVu
 * Sans so that the Arabic marks and digits it also has stay in the face of the Arabic letters.
 */
function faceChain(style: FontStyle): FaceId[] {
  const suffix = (bold: boolean, italic: boolean) =>
    bold && italic ? '-bold-italic' : bold ? '-bold' : italic ? '-italic' : '';
  const preferred = [
    suffix(style.bold, style.italic),
    suffix(style.bold, false),
    suffix(false, false),
  ].flatMap((s) => [`tinos${s}`, `serif${s}`, `sans${s}`] as FaceId[]);
  const syriac: FaceId[] = style.bold ? ['syriac-bold', 'syriac'] : ['syriac', 'syriac-bold'];
  return [...new Set([...preferred, ...syriac, ...ALL_FACES])];
}

const CHAINS = new Map<string, FaceId[]>();
function chainFor(style: FontStyle): FaceId[] {
  const key = `${style.bold}${style.italic}`;
  let chain = CHAINS.get(key);
  if (!chain) CHAINS.set(key, (chain = faceChain(style)));
  return chain;
}

/** Bit i set when ALL_FACES[i] has a glyph for the code point. */
const coverage = new Map<number, number>();
function coverageOf(codePoint: number): number {
  let bits = coverage.get(codePoint);
  if (bits === undefined) {
    bits = 0;
    ALL_FACES.forEach((face, i) => {
      if (loadFace(face).font.hasGlyphForCodePoint(codePoint)) bits! |= 1 << i;
    });
    coverage.set(codePoint, bits);
  }
  return bits;
}

function covers(face: FaceId, text: string): boolean {
  const bit = 1 << ALL_FACES.indexOf(face);
  for (const char of text) if ((coverageOf(char.codePointAt(0)!) & bit) === 0) return false;
  return true;
}

/** Every face a chain starts with (the four Tinos) has printable ASCII: most words take this path
 * and touch no font. */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const PRINTABLE_ASCII_OR_SPACE = /^[\x20-\x7e]*$/;
export const isPrintableAscii = (text: string) => PRINTABLE_ASCII.test(text);
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Splits a word into pieces by face. A grapheme cluster (a base letter and its combining marks)
 * goes whole to the first face that has all of it, so a mark is never drawn by another face than
 * its letter; only a cluster no single face covers is split by character. `prefer` is tried before
 * the style's faces: a number inside Arabic text asks for the face of the Arabic letters, so the
 * right-to-left run is one string of one font (./lines.ts).
 *
 * The bidi marks (LRM, RLM, ALM) have no ink and are never drawn (./shaping.ts): they go with the
 * piece before them, or after them at the start of a word, so they never split a word by face.
 */
export function facePieces(text: string, style: FontStyle, prefer?: string): FacePiece[] {
  const chain = prefer !== undefined && isFaceId(prefer) ? [prefer, ...chainFor(style).filter((f) => f !== prefer)] : chainFor(style);
  if (isPrintableAscii(text)) return [{ text, face: chain[0]! }];
  const pieces: FacePiece[] = [];
  let marks = '';
  const push = (piece: string, face: FaceId) => {
    const last = pieces[pieces.length - 1];
    if (last?.face === face) last.text += marks + piece;
    else pieces.push({ text: marks + piece, face });
    marks = '';
  };
  for (const { segment, index } of graphemes.segment(text)) {
    if ([...segment].every(isBidiMark)) {
      const last = pieces[pieces.length - 1];
      if (last) last.text += segment;
      else marks += segment;
      continue;
    }
    const whole = chain.find((face) => covers(face, segment));
    if (whole) {
      push(segment, whole);
      continue;
    }
    let offset = index;
    for (const char of segment) {
      const face = chain.find((f) => covers(f, char));
      if (!face) throw uncoveredError(char, text, offset);
      push(char, face);
      offset += char.length;
    }
  }
  if (marks !== '') pieces.push({ text: marks, face: chain[0]! });
  return pieces;
}

export function uncoveredError(char: string, text: string, index: number): RenderError {
  return new RenderError(
    'uncovered_character',
    `The character ${codePointName(char)} (${JSON.stringify(char)}) in "${excerpt(text, index)}" ` +
      'is in none of the bundled fonts, so it cannot be printed. ' +
      'Correct the text or write it in a script the fonts cover.',
  );
}

/** Distinct characters of `text` that no bundled face has, in order of first appearance;
 * whitespace is ignored because the renderer draws any breaking space as a plain space, and so are
 * the bidi marks and direction controls, which are never drawn (../direction.ts). */
export function uncoveredCharacters(text: string): string[] {
  if (PRINTABLE_ASCII_OR_SPACE.test(text)) return [];
  const found = new Set<string>();
  for (const char of text) {
    if (/\s/u.test(char) || found.has(char) || isBidiMark(char) || isDirectionControl(char)) continue;
    if (coverageOf(char.codePointAt(0)!) === 0) found.add(char);
  }
  return [...found];
}
