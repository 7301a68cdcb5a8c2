/**
 * Text on its way into WordprocessingML: refused if XML cannot carry it, escaped, and cut into
 * left-to-right and right-to-left stretches so Word shapes Arabic and Hebrew.
 */
import { invalidXmlChar } from './errors.js';

/**
 * What XML 1.0 forbids: C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF,
 * and a surrogate without its partner. Matched on UTF-16 code units (no `u` flag) so a lone
 * surrogate is visible at all.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws `DOCX_INVALID_XML_CHAR` naming the first character XML 1.0 cannot carry. */
export function assertXmlText(text: string, where: string): void {
  const found = NOT_XML.exec(text);
  if (found) throw invalidXmlChar(text.charCodeAt(found.index), where, found.index);
}

const ESCAPES = /[&<>"']/g;

function escapeOne(char: string): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      return '&apos;';
  }
}

/** Escapes all five XML specials, so the result is safe in text and in attribute values. */
export function escapeXml(text: string): string {
  return text.replace(ESCAPES, escapeOne);
}

/**
 * Scripts written right to left that a name in a case file may use: Arabic (also Persian, Urdu,
 * Pashto), Hebrew, Syriac, Thaana, N'Ko, Samaritan, Mandaic and Adlam (Fula, West Africa).
 */
const RTL = '\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Syriac}\\p{Script=Thaana}\\p{Script=Nko}' +
  '\\p{Script=Samaritan}\\p{Script=Mandaic}\\p{Script=Adlam}';
const HAS_RTL = new RegExp(`[${RTL}]`, 'u');
/**
 * A stretch that starts and ends with a right-to-left letter; spaces, digits, combining marks and
 * the right-to-left mark (RLM; ALM is in the Arabic script) inside it stay in it, as Unicode's bidi
 * algorithm keeps them at its level, so Word's run and the PDF's (render/pdf/bidi.ts) agree.
 */
const RTL_STRETCH = new RegExp(`[${RTL}](?:[${RTL}\\p{M}\\p{Zs}\\p{P}\\p{N}\\u200F]*[${RTL}\\p{M}])?`, 'gu');

export interface TextSegment {
  text: string;
  rtl: boolean;
}

/**
 * Cuts text into stretches of one direction, the way Word itself writes "alias سامي يوسف, born":
 * the Arabic words in one right-to-left run, the English around them in left-to-right runs.
 */
export function directionSegments(text: string): TextSegment[] {
  if (!HAS_RTL.test(text)) return [{ text, rtl: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_STRETCH)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), rtl: false });
    segments.push({ text: match[0], rtl: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), rtl: false });
  return segments;
}
