/**
 * Whether a page has a text layer: its content (or a form XObject it draws, such as a flattened
 * form field) shows a non-empty string with a text operator (Tj, TJ, ' or "). A scan without OCR
 * has none; the court's system and a reader can then neither search nor copy it. Invisible text
 * (rendering mode 3, what OCR software lays behind a scan) counts: it is exactly a text layer.
 *
 * A small lexer, not a full content parser: it needs only to skip strings, names, dictionaries,
 * comments and inline images correctly, and to see operators. Each stream is decoded once (form
 * XObjects are cached by reference), so the work is linear in the size of the content.
 */
import { PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFContext, type PDFPage } from 'pdf-lib';

/** Nesting of form XObjects followed; real files nest two or three deep. */
const MAX_FORM_DEPTH = 12;

export class TextLayerProbe {
  private readonly forms = new Map<PDFRef, boolean>();

  constructor(
    private readonly context: PDFContext,
    /** Decodes a stream, counting its bytes against the exhibit's budget (throws past it). */
    private readonly decode: (stream: PDFStream) => Uint8Array,
  ) {}

  pageHasText(page: PDFPage): boolean {
    const contents = page.node.Contents();
    const resources = page.node.Resources();
    const streams: PDFStream[] = [];
    if (contents instanceof PDFStream) streams.push(contents);
    else if (contents) {
      for (let i = 0; i < contents.size(); i++) {
        const s = contents.lookup(i);
        if (s instanceof PDFStream) streams.push(s);
      }
    }
    return streams.some((s) => this.showsText(this.decode(s), resources, 0));
  }

  private formHasText(ref: PDFRef, depth: number): boolean {
    const known = this.forms.get(ref);
    if (known !== undefined) return known;
    this.forms.set(ref, false); // a form that draws itself shows nothing more the second time
    const form = this.context.lookup(ref);
    let found = false;
    if (form instanceof PDFStream && form.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Form') && depth < MAX_FORM_DEPTH) {
      const own = form.dict.lookup(PDFName.of('Resources'));
      found = this.showsText(this.decode(form), own instanceof PDFDict ? own : undefined, depth + 1);
    }
    this.forms.set(ref, found);
    return found;
  }

  private showsText(bytes: Uint8Array, resources: PDFDict | undefined, depth: number): boolean {
    const xobjects = resources?.lookup(PDFName.of('XObject'));
    const drawForm = (name: string) => {
      if (!(xobjects instanceof PDFDict)) return false;
      const ref = xobjects.get(PDFName.of(name));
      return ref instanceof PDFRef && this.formHasText(ref, depth);
    };
    return scanContent(bytes, drawForm);
  }
}

const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isDelimiter = (b: number) => b === 0x28 || b === 0x29 || b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d || b === 0x2f || b === 0x25;
const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/**
 * True when the content shows a non-empty string; `drawForm(name)` answers for `/name Do`.
 * Exported for tests.
 */
export function scanContent(b: Uint8Array, drawForm: (name: string) => boolean): boolean {
  let i = 0;
  const n = b.length;
  let sawString = false; // a non-empty string among the current operator's operands
  let lastName = '';
  while (i < n) {
    const c = b[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25) {
      // % comment, to the end of the line
      while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      // (literal string), balanced parentheses, backslash escapes
      let depth = 1;
      let chars = 0;
      i++;
      while (i < n && depth > 0) {
        const d = b[i]!;
        if (d === 0x5c) {
          i += 2;
          chars++;
        } else {
          if (d === 0x28) depth++;
          else if (d === 0x29) depth--;
          if (depth > 0) chars++;
          i++;
        }
      }
      if (chars > 0) sawString = true;
    } else if (c === 0x3c) {
      if (b[i + 1] === 0x3c) {
        i += 2; // << dictionary (operand of BDC, DP, ID)
      } else {
        let hex = 0;
        i++;
        while (i < n && b[i] !== 0x3e) if (isHex(b[i++]!)) hex++;
        i++;
        if (hex > 0) sawString = true;
      }
    } else if (c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      i++;
    } else if (c === 0x2f) {
      const start = ++i;
      while (i < n && !isWhite(b[i]!) && !isDelimiter(b[i]!)) i++;
      lastName = Buffer.from(b.subarray(start, i)).toString('latin1');
    } else {
      const start = i;
      while (i < n && !isWhite(b[i]!) && !isDelimiter(b[i]!)) i++;
      if (i === start) {
        i++; // a stray ) or similar
        continue;
      }
      const first = b[start]!;
      const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
      if (numeric) continue;
      const op = Buffer.from(b.subarray(start, i)).toString('latin1');
      if ((op === 'Tj' || op === 'TJ' || op === "'" || op === '"') && sawString) return true;
      if (op === 'Do' && lastName && drawForm(lastName)) return true;
      if (op === 'BI') i = skipInlineImage(b, i);
      sawString = false;
      lastName = '';
    }
  }
  return false;
}

/** Past an inline image's data: from after BI to after its EI (data is binary, EI stands alone). */
function skipInlineImage(b: Uint8Array, from: number): number {
  const n = b.length;
  let i = from;
  // The image's parameters end at ID followed by one white-space byte.
  while (i < n - 2 && !(b[i] === 0x49 && b[i + 1] === 0x44 && isWhite(b[i + 2]!) && (i === 0 || isWhite(b[i - 1]!)))) i++;
  i += 3;
  while (i < n - 1) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && isWhite(b[i - 1]!) && (i + 2 >= n || isWhite(b[i + 2]!))) return i + 2;
    i++;
  }
  return n;
}

/** Decodes a stream the simple way, for callers without a budget (tests). */
export function decodeStream(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  // A stream pdf-lib made (a content stream of operators) knows its text before compression.
  const own = stream as PDFStream & { getUnencodedContents?: () => Uint8Array };
  return own.getUnencodedContents ? own.getUnencodedContents() : stream.getContents();
}
