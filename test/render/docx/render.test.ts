import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { currentShell, defaultShell, DocxError, renderDocx, renderDocxParts, zipDocxParts } from '../../../src/render/docx/index.js';
import { ADVERSARIAL, attr, elements, motionTree, para, paragraphTexts, parseXml, text, tree, treeWords, unzip } from './fixtures.js';

const motion = motionTree();
const bytes = renderDocx(motion);
const zip = unzip(bytes);
const partNames = Object.keys(zip.files);
const textOf = (name: string): string => {
  const file = zip.file(name);
  if (file === null) throw new Error(`no ${name} in the docx`);
  return file.asText();
};

describe('renderDocx', () => {
  it('writes a package whose every XML part is well formed', () => {
    const xmlParts = partNames.filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    expect(xmlParts).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/numbering.xml']));
    for (const name of xmlParts) parseXml(textOf(name), name);
  });

  it('declares a content type for every part and a target for every relationship', () => {
    const types = parseXml(textOf('[Content_Types].xml'), 'types');
    const overrides = Array.from(types.getElementsByTagName('Override')).map((o) => o.getAttribute('PartName'));
    for (const name of partNames.filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml')) {
      expect(overrides).toContain(`/${name}`);
    }
    const rels = parseXml(textOf('word/_rels/document.xml.rels'), 'rels');
    for (const rel of Array.from(rels.getElementsByTagName('Relationship'))) {
      expect(partNames).toContain(`word/${rel.getAttribute('Target')}`);
    }
    expect(partNames[0]).toBe('[Content_Types].xml');
    expect(partNames).not.toContain('README.md');
    expect(partNames.some((name) => name.endsWith('/'))).toBe(false);
  });

  it('says the same words in the same order as the tree, read back by mammoth', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const words = value.split(/\s+/).filter((word) => word !== '');
    expect(treeWords(motion.blocks).length).toBeGreaterThan(1900);
    expect(words).toEqual(treeWords(motion.blocks, ''));
    const document = paragraphTexts(parseXml(textOf('word/document.xml'), 'document'));
    expect(document).toContain('UNITED STATES DEPARTMENT OF JUSTICE\nEXECUTIVE OFFICE FOR IMMIGRATION REVIEW');
  });

  it('carries adversarial text into document.xml exactly, through the whole render', () => {
    const blocks = ADVERSARIAL.map((value) => para('Body', text(value, { italic: true })));
    const parts = renderDocxParts(tree([...blocks, para('Body', ...ADVERSARIAL.map((value) => text(value)))]));
    const texts = paragraphTexts(parseXml(String(parts.get('word/document.xml')), 'document'));
    expect(texts).toEqual([...ADVERSARIAL, ADVERSARIAL.join('')]);
  });

  it('refuses a control character in a run with a code naming it', () => {
    expect(() => renderDocx(tree([para('Body', text('Name\u0008'))]))).toThrow(expect.objectContaining({
      code: 'DOCX_INVALID_XML_CHAR',
      message: expect.stringContaining('U+0008 (BS, a control character)'),
    }));
  });

  it('puts the furniture in the header, the footer and the core properties', () => {
    const header = textOf('word/header1.xml');
    const footer = textOf('word/footer1.xml');
    expect(paragraphTexts(parseXml(header, 'header'))).toEqual(['Nguyễn Văn An — A 123-456-789', 'DETAINED', '']);
    expect(paragraphTexts(parseXml(footer, 'footer'))[0]).toBe('Motion to Reopen');
    const instructions = elements(parseXml(footer, 'footer'), 'instrText').map((el) => el.textContent?.trim());
    expect(instructions).toEqual(['PAGE', 'NUMPAGES']);
    expect(paragraphTexts(parseXml(footer, 'footer'))[1]).toBe('Page 1 of 1');
    const core = parseXml(textOf('docProps/core.xml'), 'core');
    expect(core.getElementsByTagName('dc:title')[0]?.textContent).toBe('Motion to Reopen & Stay — Nguyễn');
    expect(core.getElementsByTagName('dcterms:created')[0]?.textContent).toBe('2025-03-14T00:00:00Z');
    expect(core.getElementsByTagName('dcterms:modified')[0]?.textContent).toBe('2025-03-14T00:00:00Z');
  });

  it('leaves out the page numbers, and prints empty furniture as nothing, when asked', () => {
    const parts = renderDocxParts(tree([para('Body', text('x'))], { pageNumbers: false }));
    const footer = parseXml(String(parts.get('word/footer1.xml')), 'footer');
    expect(elements(footer, 'instrText')).toHaveLength(0);
    expect(paragraphTexts(footer).join('')).toBe('');
    expect(paragraphTexts(parseXml(String(parts.get('word/header1.xml')), 'header')).join('')).toBe('');
  });

  it('never prints undefined, null, NaN or [object Object]', () => {
    const sparse = tree([para('Body'), { kind: 'list', ordered: true, items: [[]] }, { kind: 'table', widths: [1], rows: [{ cells: [] }], borders: 'none' }]);
    for (const parts of [renderDocxParts(motion), renderDocxParts(sparse)]) {
      for (const [name, content] of parts) {
        expect(String(content), name).not.toMatch(/undefined|null|NaN|\[object Object\]/);
      }
    }
  });

  it('gives the same bytes for the same tree, dated from asOf, whatever the clock or time zone', () => {
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = renderDocx(motionTree());
      // Local midnight does not exist in Santiago on 2024-09-08 (DST starts at 00:00).
      process.env['TZ'] = 'America/Santiago';
      const santiago = renderDocx({ ...motionTree(), asOf: '2024-09-08' });
      process.env['TZ'] = 'Pacific/Kiritimati';
      expect(renderDocx(motionTree())).toEqual(utc);
      expect(dosDates(santiago)).toEqual(new Set(['2024-09-08 00:00:00']));
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    expect(renderDocx(motionTree())).toEqual(bytes);
    expect(dosDates(bytes)).toEqual(new Set(['2025-03-14 00:00:00']));
  });

  it('compresses every entry with DEFLATE', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const header of centralHeaders(bytes)) expect(view.getUint16(header + 10, true)).toBe(8);
  });

  it('zips the parts it rendered into exactly the bytes renderDocx returns, with or without the cache', () => {
    const parts = renderDocxParts(motion);
    expect(zipDocxParts(parts, motion.asOf)).toEqual(bytes);
    expect(zipDocxParts(parts, motion.asOf, defaultShell().zipCache)).toEqual(bytes);
    const fewer = new Map([...parts].filter(([name]) => name !== 'word/settings.xml'));
    expect(Object.keys(unzip(zipDocxParts(fewer, motion.asOf, defaultShell().zipCache)).files)).toEqual([...fewer.keys()]);
  });

  it('uses templates/_shell unless REOPEN_DOCX_SHELL names another', () => {
    expect(currentShell({})).toBe(defaultShell());
    expect(currentShell({ REOPEN_DOCX_SHELL: '' })).toBe(defaultShell());
    expect(() => currentShell({ REOPEN_DOCX_SHELL: '/nonexistent/shell.docx' })).toThrow(expect.objectContaining({ code: 'DOCX_SHELL_UNREADABLE' }));
  });

  it('refuses an asOf that is not a civil date', () => {
    for (const asOf of ['2025-02-30', '14/03/2025', '1979-12-31', '']) {
      expect(() => renderDocx({ ...motion, asOf }), asOf).toThrow(expect.objectContaining({ code: 'DOCX_INVALID_TREE' }));
    }
  });

  it('refuses a control character in the furniture, naming where it is', () => {
    const bad = { ...motion, furniture: { ...motion.furniture, footerLeft: 'Motion\u0007' } };
    expect(() => renderDocx(bad)).toThrow(DocxError);
    expect(() => renderDocx(bad)).toThrow(expect.objectContaining({ code: 'DOCX_INVALID_XML_CHAR', details: expect.objectContaining({ char: 'U+0007', where: 'furniture.footerLeft' }) }));
  });

  it('keeps tags and braces in furniture values as text', () => {
    const parts = renderDocxParts(tree([para('Body', text('x'))], { headerLeft: '[[title]] {x} & <y>', footerLeft: 'a\nb' }));
    const header = parseXml(String(parts.get('word/header1.xml')), 'header');
    expect(paragraphTexts(header)[0]).toBe('[[title]] {x} & <y>');
    expect(paragraphTexts(parseXml(String(parts.get('word/footer1.xml')), 'footer'))[0]).toBe('a\nb');
    expect(attr(elements(header, 'pStyle')[0], 'val')).toBe('Header');
  });
});

/** Offsets of the central directory headers, found from the end-of-central-directory record. */
function centralHeaders(zipBytes: Uint8Array): number[] {
  const view = new DataView(zipBytes.buffer, zipBytes.byteOffset, zipBytes.byteLength);
  const end = zipBytes.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const offsets: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i += 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    offsets.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return offsets;
}

/** Every entry's DOS date and time as written, with no time zone applied. */
function dosDates(zipBytes: Uint8Array): Set<string> {
  const view = new DataView(zipBytes.buffer, zipBytes.byteOffset, zipBytes.byteLength);
  const pad = (n: number) => String(n).padStart(2, '0');
  return new Set(centralHeaders(zipBytes).map((at) => {
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    return `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
  }));
}
