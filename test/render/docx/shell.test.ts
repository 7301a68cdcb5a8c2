import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STYLES } from '../../../src/render/styles.js';
import {
  currentShell,
  defaultShell,
  LIST_INDENT_TWIPS,
  loadDocxShell,
  renderDocx,
  zipDocxParts,
  type DocxParts,
} from '../../../src/render/docx/index.js';
import { attr, elements, motionTree, para, paragraphTexts, parseXml, text, tree, unzip } from './fixtures.js';

const shell = defaultShell();
const part = (name: string, parts: DocxParts = shell.parts): string => {
  const content = parts.get(name);
  if (typeof content !== 'string') throw new Error(`no text part ${name}`);
  return content;
};

describe('templates/_shell', () => {
  const styles = parseXml(part('word/styles.xml'), 'styles.xml');
  const styleById = new Map(elements(styles, 'style').map((s) => [attr(s, 'styleId'), s]));
  const val = (el: Element | undefined, name: string, attribute = 'val'): string | null => attr(el ? elements(el, name)[0] : undefined, attribute);

  it.each(Object.entries(STYLES))('defines the paragraph style %s with the values of styles.ts', (name, spec) => {
    const style = styleById.get(name);
    expect(attr(style, 'type')).toBe('paragraph');
    expect(val(style, 'name')).toBe(name);
    expect(val(style, 'sz')).toBe(String(spec.size * 2));
    expect(val(style, 'szCs')).toBe(String(spec.size * 2));
    expect(val(style, 'spacing', 'line')).toBe(String(240 * spec.lineSpacing));
    expect(val(style, 'spacing', 'lineRule')).toBe('auto');
    expect(val(style, 'spacing', 'before')).toBe(String(spec.spaceBefore * 20));
    expect(val(style, 'spacing', 'after')).toBe(String(spec.spaceAfter * 20));
    expect(val(style, 'ind', 'left')).toBe(String(spec.indentLeft * 20));
    expect(val(style, 'ind', 'right')).toBe(String(spec.indentRight * 20));
    expect(val(style, 'ind', 'firstLine')).toBe(String(spec.firstLine * 20));
    expect(val(style, 'jc')).toBe(spec.align === 'justify' ? 'both' : spec.align);
    expect(elements(style!, 'b').length === 1).toBe(spec.bold);
    expect(elements(style!, 'i').length === 1).toBe(spec.italic);
    expect(elements(style!, 'keepNext').length === 1).toBe(spec.keepWithNext);
  });

  it('sets Times New Roman 12 pt as the default and defines the Marker character style', () => {
    const defaults = elements(styles, 'rPrDefault')[0];
    expect(val(defaults, 'rFonts', 'ascii')).toBe('Times New Roman');
    expect(val(defaults, 'rFonts', 'cs')).toBe('Times New Roman');
    expect(val(defaults, 'sz')).toBe('24');
    const marker = styleById.get('Marker');
    expect(attr(marker, 'type')).toBe('character');
    expect(elements(marker!, 'b')).toHaveLength(1);
    expect(val(marker, 'highlight')).toBe('yellow');
  });

  it('lays out Letter paper with 1-inch margins', () => {
    const document = parseXml(part('word/document.xml'), 'document.xml');
    expect([val(document.documentElement, 'pgSz', 'w'), val(document.documentElement, 'pgSz', 'h')]).toEqual(['12240', '15840']);
    const margins = elements(document, 'pgMar')[0];
    for (const side of ['top', 'right', 'bottom', 'left']) expect(attr(margins, side)).toBe('1440');
  });

  it('indents each list level by the step the renderer uses for continuation paragraphs', () => {
    const numbering = parseXml(part('word/numbering.xml'), 'numbering.xml');
    const lists = elements(numbering, 'abstractNum');
    expect(lists.map((list) => val(list, 'name'))).toEqual(['ReopenOrdered', 'ReopenBullet']);
    for (const list of lists) {
      expect(elements(list, 'lvl').map((lvl) => val(lvl, 'ind', 'left'))).toEqual(
        Array.from({ length: 9 }, (_, level) => String((level + 1) * LIST_INDENT_TWIPS)),
      );
    }
  });
});

describe('numbering in a rendered document', () => {
  it('restarts every ordered list at its own start', () => {
    const item = (words: string) => [para('ListItem', text(words))];
    const parts = unzip(renderDocx(tree([
      { kind: 'list', ordered: true, items: [item('a'), item('b')] },
      { kind: 'list', ordered: true, start: 5, items: [item('c')] },
      { kind: 'list', ordered: false, items: [item('d')] },
    ])));
    const numbering = parseXml(parts.file('word/numbering.xml')!.asText(), 'numbering');
    const abstractIds = new Map(elements(numbering, 'abstractNum').map((a) => [attr(elements(a, 'name')[0], 'val'), attr(a, 'abstractNumId')]));
    const document = parseXml(parts.file('word/document.xml')!.asText(), 'document');
    const numIds = elements(document, 'numId').map((el) => attr(el, 'val'));
    expect(new Set(numIds).size).toBe(3);
    const nums = new Map(elements(numbering, 'num').map((n) => [attr(n, 'numId'), n]));
    const definitionOf = (numId: string | null | undefined) => {
      const num = nums.get(numId ?? '');
      return [attr(elements(num!, 'abstractNumId')[0], 'val'), attr(elements(num!, 'startOverride')[0], 'val')];
    };
    expect(definitionOf(numIds[0])).toEqual([abstractIds.get('ReopenOrdered'), '1']);
    expect(definitionOf(numIds[2])).toEqual([abstractIds.get('ReopenOrdered'), '5']);
    expect(definitionOf(numIds[3])).toEqual([abstractIds.get('ReopenBullet'), null]);
  });
});

describe('a clinic shell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reopen-shell-'));
  let count = 0;
  /** Writes a .docx made from the default shell with `change` applied to its parts. */
  const clinicShell = (change: (parts: Map<string, string | Uint8Array>) => void): string => {
    const parts = new Map(shell.parts);
    change(parts);
    const path = join(dir, `shell-${(count += 1)}.docx`);
    writeFileSync(path, zipDocxParts(parts, '2025-01-01'));
    return path;
  };
  const editDocument = (from: string, to: string) => (parts: Map<string, string | Uint8Array>) => {
    parts.set('word/document.xml', part('word/document.xml', parts).replace(from, to));
  };
  const BODY = '<w:p><w:r><w:t>[[@body]]</w:t></w:r></w:p>';
  const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  /** A relationships part: [type, target, 'External'?] for each relationship. */
  const rels = (...list: [string, string, string?][]) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    list.map(([type, target, mode], i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/${type}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ''}/>`).join('') +
    '</Relationships>';

  it('is refused with a clear message when it has no [[@body]] tag', () => {
    const path = clinicShell(editDocument(BODY, '<w:p><w:r><w:t>Clinic letterhead</w:t></w:r></w:p>'));
    expect(() => currentShell({ REOPEN_DOCX_SHELL: path })).toThrow(expect.objectContaining({
      code: 'DOCX_SHELL_NO_BODY',
      message: expect.stringMatching(new RegExp(`${path.replace(/[.\\]/g, '\\$&')} has no \\[\\[@body\\]\\] tag.*alone`)),
    }));
  });

  it.each([
    ['twice', BODY + BODY, 'more than once'],
    ['with other text', '<w:p><w:r><w:t>Text: [[@body]]</w:t></w:r></w:p>', 'also holds "Text: [[@body]]"'],
  ])('is refused when [[@body]] appears %s', (_, replacement, problem) => {
    expect(() => loadDocxShell(clinicShell(editDocument(BODY, replacement)))).toThrow(expect.objectContaining({
      code: 'DOCX_SHELL_BAD_BODY',
      message: expect.stringContaining(problem),
    }));
  });

  it.each(['clinicName', '.', 'constructor'])('is refused at load when it has the unknown tag [[%s]]', (tag) => {
    const path = clinicShell(editDocument(BODY, `${BODY}<w:p><w:r><w:t>[[${tag}]]</w:t></w:r></w:p>`));
    expect(() => loadDocxShell(path)).toThrow(expect.objectContaining({ code: 'DOCX_UNKNOWN_TAG', details: { tag } }));
  });

  it('is refused when a tag is unclosed, with docxtemplater\'s explanation', () => {
    const path = clinicShell(editDocument(BODY, `${BODY}<w:p><w:r><w:t>[[title</w:t></w:r></w:p>`));
    expect(() => loadDocxShell(path)).toThrow(expect.objectContaining({ code: 'DOCX_SHELL_TEMPLATE', message: expect.stringContaining('unclosed') }));
  });

  it('is refused when it lacks styles the body uses, naming them', () => {
    const path = clinicShell((parts) => {
      parts.set('word/styles.xml', part('word/styles.xml', parts).replace('w:styleId="Heading2"', 'w:styleId="Heading2x"').replace('w:styleId="Marker"', 'w:styleId="Mark"'));
    });
    expect(() => loadDocxShell(path)).toThrow(expect.objectContaining({ code: 'DOCX_SHELL_MISSING_STYLES', details: expect.objectContaining({ styles: 'Heading2,Marker' }) }));
  });

  it('made before a style was added, still loads: it gets Reopen\'s definition of that style, its own styles kept', () => {
    const path = clinicShell((parts) => {
      const xml = part('word/styles.xml', parts);
      const at = xml.indexOf('<w:style w:type="paragraph" w:customStyle="1" w:styleId="ListItemSingle">');
      const end = xml.indexOf('</w:style>', at) + '</w:style>'.length;
      expect(at).toBeGreaterThan(0);
      // The clinic's own Body, set in a different size, must survive.
      parts.set('word/styles.xml', (xml.slice(0, at) + xml.slice(end)).replace('w:styleId="Body">', 'w:styleId="Body"><!-- clinic -->'));
    });
    const loaded = loadDocxShell(path);
    const styles = part('word/styles.xml', loaded.parts);
    expect(styles.match(/w:styleId="ListItemSingle"/g)).toHaveLength(1);
    expect(styles).toContain('w:styleId="Body"><!-- clinic -->');
    const docx = unzip(renderDocx(tree([{ kind: 'list', ordered: true, items: [[para('ListItemSingle', text('an item'))]] }]), loaded));
    expect(paragraphTexts(parseXml(docx.file('word/document.xml')!.asText(), 'document'))).toContain('an item');
    expect(docx.file('word/styles.xml')!.asText()).toContain('w:styleId="ListItemSingle"');
  });

  it('is refused when the file is not a .docx', () => {
    const path = join(dir, 'not-a-docx.docx');
    writeFileSync(path, 'plain text');
    expect(() => loadDocxShell(path)).toThrow(expect.objectContaining({ code: 'DOCX_SHELL_UNREADABLE' }));
  });

  it('renders with a tag Word split across runs, its own parts kept, and list definitions added', () => {
    const logo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    // A UTF-16 customXml item, as SharePoint writes them: it must pass through byte for byte.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<a>é</a>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const path = clinicShell((parts) => {
      editDocument(BODY, '<w:p><w:r><w:t>Clinic for Justice</w:t></w:r></w:p><w:p><w:r><w:t>[[@bo</w:t></w:r><w:r><w:t>dy]]</w:t></w:r></w:p>')(parts);
      parts.delete('word/numbering.xml');
      parts.set('word/_rels/document.xml.rels', part('word/_rels/document.xml.rels', parts).replace(/<Relationship Id="rId2"[^>]*\/>/, ''));
      parts.set('[Content_Types].xml', part('[Content_Types].xml', parts).replace(/<Override PartName="\/word\/numbering.xml"[^>]*\/>/, ''));
      // Parts arrive as Word saves them: each named by a relationship of the part that uses it.
      parts.set('word/media/logo.png', logo);
      parts.set('word/_rels/header1.xml.rels', rels(['image', 'media/logo.png']));
      parts.set('customXml/item1.xml', utf16);
      parts.set('word/_rels/document.xml.rels', part('word/_rels/document.xml.rels', parts).replace('</Relationships>',
        `<Relationship Id="rId90" Type="${RELS}/customXml" Target="../customXml/item1.xml"/></Relationships>`));
    });
    const motion = motionTree();
    const out = unzip(renderDocx(motion, loadDocxShell(path)));
    expect(out.file('word/media/logo.png')!.asUint8Array()).toEqual(logo);
    expect(out.file('customXml/item1.xml')!.asUint8Array()).toEqual(utf16);
    const texts = paragraphTexts(parseXml(out.file('word/document.xml')!.asText(), 'document'));
    expect(texts[0]).toBe('Clinic for Justice');
    expect(texts[1]).toBe('DETAINED');
    const numbering = parseXml(out.file('word/numbering.xml')!.asText(), 'numbering');
    expect(elements(numbering, 'num').length).toBe(8);
    expect(out.file('word/_rels/document.xml.rels')!.asText()).toContain('Target="numbering.xml"');
    expect(out.file('[Content_Types].xml')!.asText()).toContain('/word/numbering.xml');
  });

  it('keeps its own list definitions and numbers after them', () => {
    const path = clinicShell((parts) => {
      parts.set('word/numbering.xml', part('word/numbering.xml', parts)
        .replace('<w:name w:val="ReopenBullet"/>', '<w:name w:val="ClinicBullet"/>')
        .replace('</w:numbering>', '<w:num w:numId="41"><w:abstractNumId w:val="2"/></w:num></w:numbering>'));
    });
    const loaded = loadDocxShell(path);
    expect(loaded.numbering).toMatchObject({ orderedId: 1, bulletId: 3, firstNumId: 42 });
    const numbering = parseXml(String(loaded.parts.get('word/numbering.xml')), 'numbering');
    expect(elements(numbering, 'abstractNum').map((a) => attr(a, 'abstractNumId'))).toEqual(['1', '2', '3']);
  });
});
