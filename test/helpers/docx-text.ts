/** The text of a DOCX as Word stores it: word/document.xml read with a real XML parser, paragraph by paragraph. */
import { DOMParser } from '@xmldom/xmldom';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const zip = new PizZip(bytes);
  return Object.fromEntries(
    Object.values(zip.files)
      .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
      .map((f) => [f.name, f.asText()]),
  );
}

/** One string per paragraph of the body (w:br as a newline, w:tab as a tab). */
export function docxParagraphs(bytes: Uint8Array, part = 'word/document.xml'): string[] {
  const xml = docxParts(bytes)[part];
  if (xml === undefined) throw new Error(`no ${part} in the DOCX`);
  const fail = (msg: string) => {
    throw new Error(`${part} is not well formed: ${msg}`);
  };
  const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
  const out: string[] = [];
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < paragraphs.length; i++) {
    let text = '';
    const walk = (node: Node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        if (el.namespaceURI === W && el.localName === 't') text += el.textContent ?? '';
        else if (el.namespaceURI === W && el.localName === 'tab') text += '\t';
        else if (el.namespaceURI === W && el.localName === 'br') text += '\n';
        else if (el.namespaceURI === W && el.localName === 'p') continue; // nested paragraphs are visited on their own
        else walk(el);
      }
    };
    walk(paragraphs[i]!);
    out.push(text);
  }
  return out;
}
