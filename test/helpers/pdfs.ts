/** Real PDF files for exhibit tests, made with pdf-lib: ordinary, big, encrypted, broken. */
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';

export async function makePdf(pages: number, label: string, size: [number, number] = [612, 792]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(size);
    page.drawText(`${label} page ${i} of ${pages}`, { x: 60, y: size[1] - 100, size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose pages each carry `bytesPerPage` of incompressible image data. */
export async function makeBigPdf(pages: number, bytesPerPage: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let seed = 12345;
  const random = () => {
    // xorshift: fast, seeded, so the file is the same every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const side = Math.floor(Math.sqrt(bytesPerPage));
  for (let i = 1; i <= pages; i++) {
    const data = new Uint8Array(side * side);
    for (let k = 0; k < data.length; k += 4) {
      const r = random();
      data[k] = r & 255;
      data[k + 1] = (r >>> 8) & 255;
      data[k + 2] = (r >>> 16) & 255;
      data[k + 3] = (r >>> 24) & 255;
    }
    const image = doc.context.stream(data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    });
    const ref = doc.context.register(image);
    const page = doc.addPage([612, 792]);
    page.node.setXObject(PDFName.of(`Im${i}`), ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(300, 0, 0, 300, 156, 300), drawObject(`Im${i}`), popGraphicsState());
    page.drawText(`${label} page ${i} of ${pages}`, { x: 60, y: 700, size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF that says it is encrypted (an /Encrypt entry in its trailer), as a protected file does. */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await makePdf(1, 'secret')).toString('latin1');
  return Buffer.from(text.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>\n'), 'latin1');
}
