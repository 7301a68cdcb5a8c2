/**
 * pdf-lib's built-in Times as a font family: the floor a speed bench compares the embedded Tinos
 * family against (same layout, same drawing, no font embedding or shaping). Not for filings: it is
 * not embedded and encodes only WinAnsi, so it prints ā, ṣ, ʿ or any Arabic as '?'.
 */
import { StandardFontEmbedder, StandardFonts } from 'pdf-lib';
import type { FontFamily } from './draw.js';
import type { FontStyle, Measurer } from './types.js';

const FACES = {
  times: StandardFonts.TimesRoman,
  'times-bold': StandardFonts.TimesRomanBold,
  'times-italic': StandardFonts.TimesRomanItalic,
  'times-bold-italic': StandardFonts.TimesRomanBoldItalic,
} as const;

type TimesFace = keyof typeof FACES;
const faceFor = ({ bold, italic }: FontStyle): TimesFace =>
  bold && italic ? 'times-bold-italic' : bold ? 'times-bold' : italic ? 'times-italic' : 'times';
// pdf-lib's StandardFonts and the FontNames its embedder is typed with are the same strings.
type FontName = Parameters<typeof StandardFontEmbedder.for>[0];
const embedders = new Map<string, StandardFontEmbedder>();
const embedder = (face: string) => {
  let e = embedders.get(face);
  if (!e) embedders.set(face, (e = StandardFontEmbedder.for(FACES[face as TimesFace] as string as FontName)));
  return e;
};

/**
 * The floor draws '?' for what WinAnsi lacks (☐, ā, Arabic...), measured as it is drawn, so any
 * filing can be timed against it; the Times faces share the one encoding.
 */
const winAnsi = embedder('times').encoding;
const encodable = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : [...text].map((char) => (winAnsi.canEncodeUnicodeCodePoint(char.codePointAt(0)!) ? char : '?')).join('');

const measurer: Measurer = {
  faces: (text, style) => [{ text: encodable(text), face: faceFor(style) }],
  width: (face, text) => embedder(face).widthOfTextAtSize(text, 1),
  ascent: 0.9,
  descent: 0.22,
};

export const standardFonts: FontFamily = {
  measurer,
  embed: async (doc, face) => {
    const font = await doc.embedFont(FACES[face as TimesFace]);
    // WinAnsi has no right-to-left script, so `rtl` never arrives here.
    return { font, encode: (text) => font.encodeText(text) };
  },
};
