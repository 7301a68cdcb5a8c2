/**
 * Hostile and awkward PDFs for the exhibit sandbox tests, written by hand (object by object, with
 * a correct cross-reference table) so that each carries exactly the construct under test: a
 * decompression bomb, JavaScript, a launch action, a form, embedded files, too many pages.
 */
import { deflateSync } from 'node:zlib';

type Body = string | { dict: string; stream: Uint8Array | string };

/** A PDF from numbered object bodies: objects[0] is object 1 (the catalog must be object 1). */
export function rawPdf(objects: Body[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let pos = parts[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    parts.push(b);
    pos += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(pos);
    if (typeof body === 'string') {
      push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    } else {
      const data = typeof body.stream === 'string' ? Buffer.from(body.stream, 'latin1') : Buffer.from(body.stream);
      const dict = body.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`);
      push(Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'));
      push(data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = pos;
  const lines = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  push(Buffer.from(`${lines.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const text = (s: string, y = 700) => `BT /F1 14 Tf 60 ${y} Td (${s}) Tj ET`;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** `pages` pages sharing one content stream and font: big in pages, small in bytes. */
export function manyPagesPdf(pages: number, label: string): Uint8Array {
  const first = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`,
    { dict: '<< >>', stream: text(`${label}: one of ${pages} pages`) },
    FONT,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>'),
  ]);
}

const MB = 1024 * 1024;
let bombData: Buffer | undefined;
/** 300 MB of spaces deflated: about 300 KB (deflate cannot do better than about 1000 to 1). */
function bombStream(): Buffer {
  bombData ??= deflateSync(Buffer.alloc(300 * MB, 0x20), { level: 9 });
  return bombData;
}

/** A one-page PDF whose page content stream inflates to 300 MB. */
export function contentBombPdf(): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    { dict: '<< /Filter /FlateDecode >>', stream: bombStream() },
  ]);
}

/** A PDF whose object stream (read while the file is parsed) inflates to 300 MB. */
export function objectStreamBombPdf(): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    { dict: '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>', stream: bombStream() },
  ]);
}

export const HOSTILE = {
  pageText: 'The real words of the hostile exhibit',
  fieldText: 'Filled in by hand: Jane Doe',
  attachment: 'secret attached file contents',
};

/**
 * Every kind of active content at once, on two pages with real text:
 * - /OpenAction JavaScript, catalog /AA, /Names /JavaScript and /Names /EmbeddedFiles;
 * - page 1: page /AA JavaScript, a Link whose action is /Launch, a FileAttachment annotation;
 * - page 2: an AcroForm text field whose widget has an appearance stream (the filled-in value),
 *   with a JavaScript /AA of its own.
 */
export function activePdf(): Uint8Array {
  const js = (code: string) => `<< /Type /Action /S /JavaScript /JS (${code}) >>`;
  return rawPdf([
    /* 1 */ '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /AA << /WC 7 0 R >> /Names << /JavaScript 8 0 R /EmbeddedFiles 9 0 R >> /AcroForm << /Fields [14 0 R] /NeedAppearances false >> >>',
    /* 2 */ '<< /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] >>',
    /* 3 */ '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 13 0 R >> >> /AA << /O 7 0 R >> /Annots [11 0 R 12 0 R] >>',
    /* 4 */ '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 16 0 R /Resources << /Font << /F1 13 0 R >> >> /Annots [14 0 R] >>',
    /* 5 */ { dict: '<< >>', stream: text(`${HOSTILE.pageText}, page 1`) },
    /* 6 */ js("app.alert('opened')"),
    /* 7 */ js("app.alert('page or close')"),
    /* 8 */ '<< /Names [(init) 6 0 R] >>',
    /* 9 */ '<< /Names [(payload.txt) 10 0 R] >>',
    /* 10 */ '<< /Type /Filespec /F (payload.txt) /UF (payload.txt) /EF << /F 17 0 R >> >>',
    /* 11 */ '<< /Type /Annot /Subtype /Link /Rect [60 600 300 620] /Border [0 0 0] /A << /S /Launch /F (calc.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >>',
    /* 12 */ '<< /Type /Annot /Subtype /FileAttachment /Rect [400 600 420 620] /FS 10 0 R /Name /PushPin >>',
    /* 13 */ FONT,
    /* 14 */ '<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Jane Doe) /Rect [60 500 360 530] /F 4 /P 4 0 R /AP << /N 15 0 R >> /AA << /K 7 0 R >> >>',
    /* 15 */ { dict: '<< /Type /XObject /Subtype /Form /BBox [0 0 300 30] /Resources << /Font << /F1 13 0 R >> >> >>', stream: `/Tx BMC BT /F1 12 Tf 4 10 Td (${HOSTILE.fieldText}) Tj ET EMC` },
    /* 16 */ { dict: '<< >>', stream: text(`${HOSTILE.pageText}, page 2`) },
    /* 17 */ { dict: '<< /Type /EmbeddedFile /Subtype /text#2Fplain >>', stream: HOSTILE.attachment },
  ]);
}

/** A page that is a picture only (a scan without OCR), then a page with text. */
export function imageOnlyPdf(): Uint8Array {
  const side = 64;
  const pixels = Buffer.alloc(side * side, 0x80);
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /XObject << /Im1 6 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R /Resources << /Font << /F1 8 0 R >> >> >>',
    { dict: '<< /Filter /FlateDecode >>', stream: deflateSync(Buffer.from('q 400 0 0 400 100 200 cm /Im1 Do Q', 'latin1')) },
    { dict: `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>`, stream: deflateSync(pixels) },
    { dict: '<< >>', stream: text('A page with words on it') },
    FONT,
  ]);
}

/** A PDF with far more objects than pages: `objects` tiny dictionaries nobody uses. */
export function manyObjectsPdf(objects: number): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    ...Array.from({ length: objects }, (_, i) => `<< /N ${i} >>`),
  ]);
}

/** Damaged beyond repair in the middle: a real PDF cut short and with its xref gone. */
export function truncatedPdf(real: Uint8Array): Uint8Array {
  return real.subarray(0, Math.floor(real.length / 3));
}

/**
 * Everything active left anywhere in a PDF, found by walking every object pdf-lib reads from it:
 * entries that run or carry something (/JS, /AA, /OpenAction, /EmbeddedFiles, /EF, /AcroForm...),
 * actions that run a script or a program, embedded file streams and interactive annotations.
 */
export async function activeContentIn(bytes: Uint8Array): Promise<string[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: string[] = [];
  const keys = ['JS', 'JavaScript', 'AA', 'OpenAction', 'EmbeddedFiles', 'EF', 'AcroForm', 'XFA', 'Annots', 'Names'];
  const seen = new Set<unknown>();
  const walk = (obj: unknown, where: string) => {
    if (seen.has(obj)) return;
    seen.add(obj);
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = key.decodeText();
        // pdf-lib gives every page it draws on an empty /Annots; only annotations count.
        const empty = value instanceof PDFArray && value.size() === 0;
        if (keys.includes(k) && !(k === 'Annots' && empty)) found.push(`${where}: /${k}`);
        if ((k === 'S' || k === 'Subtype' || k === 'Type') && value instanceof PDFName) {
          const v = value.decodeText();
          if (['JavaScript', 'Launch', 'EmbeddedFile', 'Widget', 'FileAttachment', 'Link', 'Filespec', 'Action'].includes(v)) found.push(`${where}: /${k} /${v}`);
        }
        walk(value, where);
      }
    } else if (obj instanceof PDFArray) {
      for (const v of obj.asArray()) walk(v, where);
    }
  };
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) walk(obj, ref.toString());
  return found;
}

/** A readable page whose resources name an object no parser can read (pdf-lib warns about it). */
export function brokenObjectPdf(): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>',
    { dict: '<< >>', stream: text('Still readable despite a broken object') },
    FONT,
    '<< /Broken ( >>',
  ]);
}

/** `objects` objects packed in one object stream: one "endobj" in the file, thousands inside. */
export function packedObjectsPdf(objects: number): Uint8Array {
  const bodies = Array.from({ length: objects }, (_, i) => `<< /N ${i} >>`);
  let offset = 0;
  const pairs: string[] = [];
  for (const [i, b] of bodies.entries()) {
    pairs.push(`${5 + i} ${offset}`);
    offset += b.length + 1;
  }
  const head = `${pairs.join(' ')}\n`;
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    { dict: `<< /Type /ObjStm /N ${objects} /First ${head.length} >>`, stream: head + bodies.join(' ') },
  ]);
}
