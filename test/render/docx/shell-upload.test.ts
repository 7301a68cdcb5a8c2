/**
 * A clinic's Word shell is checked like an upload (src/render/docx/shell-file.ts and
 * shell-package.ts). Each test builds a small hostile file itself and expects a refusal with a
 * stable code and a sentence; nothing hostile is read, inflated or kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultShell, loadDocxShell, renderDocx, zipDocxParts, type DocxErrorCode } from '../../../src/render/docx/index.js';
import { SHELL_LIMITS } from '../../../src/render/docx/shell-file.js';
import { motionTree, unzip } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'reopen-shell-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;
const fresh = (name: string) => join(dir, `${(count += 1)}-${name}`);

type Parts = Map<string, string | Uint8Array>;
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const text = (parts: Parts, name: string) => {
  const content = parts.get(name);
  if (typeof content !== 'string') throw new Error(`no text part ${name}`);
  return content;
};
/** A relationships part: [type, target, 'External'?] for each relationship. */
const rels = (...list: [string, string, string?][]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  list.map(([type, target, mode], i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/${type}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ''}/>`).join('') +
  '</Relationships>';
/** Adds a relationship to word/document.xml's own. */
const relate = (parts: Parts, type: string, target: string, mode?: string) => {
  const extra = `<Relationship Id="rId${90 + parts.size}" Type="${RELS}/${type}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ''}/>`;
  parts.set('word/_rels/document.xml.rels', text(parts, 'word/_rels/document.xml.rels').replace('</Relationships>', `${extra}</Relationships>`));
};
const editDocument = (parts: Parts, from: RegExp | string, to: string) => parts.set('word/document.xml', text(parts, 'word/document.xml').replace(from, to));

/** The default shell as a .docx, with `change` applied to its parts first. */
function shellFile(change: (parts: Parts) => void = () => {}): string {
  const parts: Parts = new Map(defaultShell().parts);
  change(parts);
  const path = fresh('shell.docx');
  writeFileSync(path, zipDocxParts(parts, '2025-01-01'));
  return path;
}

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the data (default) or store it. */
  deflate?: boolean;
  /** What the entry claims its unpacked size is; by default the truth. */
  declaredSize?: number;
}

/** A zip written byte by byte, so a test can lie in it as an attacker would. */
function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.deflate === false ? Buffer.from(entry.data) : deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const at = central ? 2 : 0; // the central header has "version made by" first
      b.writeUInt16LE(20, 4 + at);
      b.writeUInt16LE(0x0800, 6 + at);
      b.writeUInt16LE(entry.deflate === false ? 0 : 8, 8 + at);
      b.writeUInt32LE(crc32(entry.data), 14 + at);
      b.writeUInt32LE(data.length, 18 + at);
      b.writeUInt32LE(size, 22 + at);
      b.writeUInt16LE(name.length, 26 + at);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    centrals.push(header(true), name);
    const local = Buffer.concat([header(false), name, data]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The default shell's parts as raw entries, plus `extra`. */
function rawShell(extra: RawEntry[], keep: (name: string) => boolean = () => true): string {
  const encoder = new TextEncoder();
  const entries: RawEntry[] = [...defaultShell().parts]
    .filter(([name]) => keep(name))
    .map(([name, content]) => ({ name, data: typeof content === 'string' ? encoder.encode(content) : content }));
  const path = fresh('raw.docx');
  writeFileSync(path, rawZip([...entries, ...extra]));
  return path;
}

const refusal = (code: DocxErrorCode, message: string | RegExp = /./) =>
  expect.objectContaining({ code, message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) });

describe('a shell as Word saves it', () => {
  it('is accepted with the parts a Word document has: settings, web settings, theme, header pictures, custom XML, properties', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]);
    const path = shellFile((parts) => {
      parts.set('word/webSettings.xml', '<?xml version="1.0"?><w:webSettings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      parts.set('word/theme/theme1.xml', '<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"/>');
      parts.set('word/stylesWithEffects.xml', '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      relate(parts, 'webSettings', 'webSettings.xml');
      relate(parts, 'theme', 'theme/theme1.xml');
      relate(parts, 'stylesWithEffects', 'stylesWithEffects.xml');
      parts.set('word/media/image1.png', png);
      parts.set('word/_rels/header1.xml.rels', rels(['image', 'media/image1.png']));
      parts.set('customXml/item1.xml', '<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>');
      parts.set('customXml/itemProps1.xml', '<?xml version="1.0"?><ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" ds:itemID="{1}"/>');
      parts.set('customXml/_rels/item1.xml.rels', rels(['customXmlProps', 'itemProps1.xml']));
      relate(parts, 'customXml', '../customXml/item1.xml');
      parts.set('docProps/custom.xml', '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>');
      parts.set('_rels/.rels', text(parts, '_rels/.rels').replace('</Relationships>',
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="/docProps/custom.xml"/></Relationships>'));
      // A field Word updates with no outside help, split across runs as Word writes it.
      editDocument(parts, '</w:body>', '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "MMMM d, yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>');
    });
    const out = unzip(renderDocx(motionTree(), loadDocxShell(path)));
    expect(out.file('word/media/image1.png')!.asUint8Array()).toEqual(png);
    expect(out.file('word/theme/theme1.xml')).not.toBeNull();
  });
});

describe('a clinic shell that reaches outside its file is refused', () => {
  it.each([
    ['a linked picture on a web server', (p: Parts) => relate(p, 'image', 'http://tracker.example/pixel.png', 'External'), 'a linked picture at "http://tracker.example/pixel.png"'],
    ['a hyperlink relationship', (p: Parts) => relate(p, 'hyperlink', 'https://clinic.example/', 'External'), 'a hyperlink at "https://clinic.example/"'],
    ['a file:// frame', (p: Parts) => {
      p.set('word/webSettings.xml', '<?xml version="1.0"?><w:webSettings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:frameset><w:frame><w:sourceFileName r:id="rId1"/></w:frame></w:frameset></w:webSettings>');
      p.set('word/_rels/webSettings.xml.rels', rels(['frame', 'file:///C:/Users/clinic/secret.docx', 'External']));
      relate(p, 'webSettings', 'webSettings.xml');
    }, 'a frame at "file:///C:/Users/clinic/secret.docx"'],
    ['an attached template on a network share', (p: Parts) => {
      p.set('word/_rels/settings.xml.rels', rels(['attachedTemplate', 'file://server/share/Letterhead.dotm', 'External']));
      p.set('word/settings.xml', text(p, 'word/settings.xml').replace('</w:settings>', '<w:attachedTemplate r:id="rId1"/></w:settings>'));
    }, 'attached to the template "file://server/share/Letterhead.dotm"'],
    ['an attached template inside the file', (p: Parts) => p.set('word/_rels/settings.xml.rels', rels(['attachedTemplate', 'Normal.dotm'])), 'attached to the template'],
    ['a target with an unusual TargetMode', (p: Parts) => relate(p, 'image', 'http://x.example/a.png', 'external'), 'links to a linked picture'],
    ['an internal target that climbs out of the package', (p: Parts) => relate(p, 'image', '../../../etc/passwd'), 'points to "../../../etc/passwd", which is outside the file'],
    ['an internal target with a scheme', (p: Parts) => relate(p, 'image', 'file:///etc/passwd'), 'which is outside the file'],
    ['an INCLUDEPICTURE field split across runs', (p: Parts) => editDocument(p, '</w:body>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDE</w:instrText></w:r><w:r><w:instrText>PICTURE "http://tracker.example/p.png" \\d</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>'), 'an INCLUDEPICTURE field in word/document.xml (it loads a picture'],
    ['an INCLUDETEXT simple field in the footer', (p: Parts) => p.set('word/footer1.xml', text(p, 'word/footer1.xml').replace('</w:ftr>', '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\server\\\\x.docx&quot; "/></w:p></w:ftr>')), 'an INCLUDETEXT field in word/footer1.xml (it loads text'],
  ])('%s', (_, change, words) => {
    expect(() => loadDocxShell(shellFile(change))).toThrow(refusal('DOCX_SHELL_EXTERNAL', words));
  });
});

describe('a clinic shell with content that runs is refused', () => {
  it.each([
    ['a VBA project (vbaProject.bin)', (p: Parts) => {
      p.set('word/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
      relate(p, 'vbaProject', 'vbaProject.bin');
    }, 'macros'],
    ['a macro-enabled content type', (p: Parts) => p.set('[Content_Types].xml', text(p, '[Content_Types].xml').replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml')), 'macroEnabled'],
    ['a vbaProject default content type', (p: Parts) => p.set('[Content_Types].xml', text(p, '[Content_Types].xml').replace(
      '<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"')), 'macros'],
    ['an ActiveX control', (p: Parts) => {
      p.set('word/activeX/activeX1.xml', '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>');
      relate(p, 'control', 'activeX/activeX1.xml');
    }, 'ActiveX'],
    ['an embedded OLE object', (p: Parts) => {
      p.set('word/embeddings/oleObject1.bin', new Uint8Array([1, 2, 3]));
      relate(p, 'oleObject', 'embeddings/oleObject1.bin');
    }, 'embedded objects'],
    ['an oleObject relationship alone', (p: Parts) => relate(p, 'oleObject', 'media/image1.png'), 'embedded objects'],
    ['a DDEAUTO field', (p: Parts) => editDocument(p, '</w:body>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>'), 'DDEAUTO field'],
    ['mail-merge settings', (p: Parts) => p.set('word/settings.xml', text(p, 'word/settings.xml').replace('</w:settings>',
      '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:query w:val="SELECT * FROM x"/></w:mailMerge></w:settings>')), 'mail-merge'],
  ])('%s', (_, change, words) => {
    expect(() => loadDocxShell(shellFile(change))).toThrow(refusal('DOCX_SHELL_ACTIVE_CONTENT', words));
  });
});

describe('a clinic shell with parts a Word document does not have is refused', () => {
  it.each([
    ['a script', 'word/run.js', 'word/run.js is not one a Word document'],
    ['a part in an unknown folder', 'payload/data.xml', 'payload/data.xml is not one'],
    ['an SVG picture', 'word/media/logo.svg', 'word/media/logo.svg is not one'],
  ])('%s', (_, name, words) => {
    const path = shellFile((p) => {
      p.set(name, '<x/>');
      relate(p, 'image', name.replace(/^word\//, ''));
    });
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_UNKNOWN_PART', words));
  });

  it('a picture nothing in the document uses', () => {
    const path = shellFile((p) => p.set('word/media/image7.png', new Uint8Array([1, 2, 3])));
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_UNKNOWN_PART', 'word/media/image7.png is not used by the document'));
  });

  it('a DTD in a part (entity expansion)', () => {
    const path = shellFile((p) => p.set('word/settings.xml', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${text(p, 'word/settings.xml').replace(/^<\?xml[^>]*>/, '')}`));
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'word/settings.xml declares a DTD'));
  });

  it('a main part declared as a template', () => {
    const path = shellFile((p) => p.set('[Content_Types].xml', text(p, '[Content_Types].xml').replace('document.main+xml', 'template.main+xml')));
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'not a Word document'));
  });
});

describe('a clinic shell whose zip entries are hostile is refused before anything is inflated', () => {
  it.each([
    ['../evil', 'which climbs out of its folder'],
    ['word/../../evil.xml', 'which climbs out of its folder'],
    ['/abs', 'an absolute path'],
    ['C:/Windows/evil.xml', 'an absolute path'],
    ['word\\evil.xml', 'backslash'],
  ])('an entry named %s', (name, words) => {
    expect(() => loadDocxShell(rawShell([{ name, data: new TextEncoder().encode('<x/>') }]))).toThrow(refusal('DOCX_SHELL_BAD_ENTRY', words));
  });

  it('the same part twice, in any case', () => {
    const path = rawShell([{ name: 'WORD/Document.xml', data: new TextEncoder().encode('<w:document/>') }]);
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_BAD_ENTRY', 'appears twice'));
  });

  it('more entries than a shell may have', () => {
    const many = Array.from({ length: SHELL_LIMITS.parts }, (_, i) => ({ name: `word/media/image${i}.png`, data: new Uint8Array([i % 256]) }));
    expect(() => loadDocxShell(rawShell(many))).toThrow(refusal('DOCX_SHELL_TOO_LARGE', `more than the ${SHELL_LIMITS.parts}`));
  });

  it('a part that declares more than a part may unpack to: refused on the declaration, never inflated', () => {
    // The data is not even deflate: inflating it would fail as damaged, so this refusal came first.
    const bomb: RawEntry = { name: 'word/media/image1.png', data: new Uint8Array(64).fill(0xff), deflate: false, declaredSize: 3_000_000_000 };
    expect(() => loadDocxShell(rawShell([bomb]))).toThrow(refusal('DOCX_SHELL_TOO_LARGE', 'word/media/image1.png unpacks to 3,000,000,000 bytes, more than the 16 MB one part may be'));
  });

  it('parts that together declare more than a shell may unpack to', () => {
    const big = (i: number): RawEntry => ({ name: `word/media/image${i}.png`, data: new Uint8Array(SHELL_LIMITS.partBytes - 1) });
    expect(() => loadDocxShell(rawShell([big(1), big(2), big(3)]))).toThrow(refusal('DOCX_SHELL_TOO_LARGE', 'a whole shell may be'));
  });

  it('a small entry that lies about its size and inflates far beyond it: inflation stops at the declared size', () => {
    const bomb: RawEntry = { name: 'word/media/image1.png', data: new Uint8Array(64 * 1024 * 1024), declaredSize: 1000 };
    const path = rawShell([bomb]);
    const started = performance.now();
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_TOO_LARGE', 'unpacks to more than the 1,000 bytes it declares (a zip bomb'));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a part whose content does not match its checksum', () => {
    const encoder = new TextEncoder();
    const entries = [...defaultShell().parts].map(([name, content]) => ({ name, data: typeof content === 'string' ? encoder.encode(content) : content }));
    const zip = rawZip(entries);
    // Flip one byte of the first entry's stored data (the first entry is [Content_Types].xml, deflated).
    const damaged = new Uint8Array(zip);
    damaged[30 + '[Content_Types].xml'.length + 5]! ^= 0x01;
    const path = fresh('damaged.docx');
    writeFileSync(path, damaged);
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'damaged'));
  });
});

describe('a clinic shell that is not a regular file is refused without being read', () => {
  it('/dev/zero, at once', () => {
    const started = performance.now();
    expect(() => loadDocxShell('/dev/zero')).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'not a regular file'));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a named pipe, without waiting for a writer', () => {
    const fifo = fresh('shell.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => loadDocxShell(fifo)).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'not a regular file'));
  });

  it('a folder', () => {
    const folder = fresh('shell-folder.docx');
    mkdirSync(folder);
    expect(() => loadDocxShell(folder)).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'it is a folder'));
  });

  it('a missing file', () => {
    expect(() => loadDocxShell(join(dir, 'none.docx'))).toThrow(refusal('DOCX_SHELL_UNREADABLE', 'there is no file at that path'));
  });

  it('a file larger than a shell may be, by its size alone', () => {
    const path = fresh('huge.docx');
    writeFileSync(path, new Uint8Array(SHELL_LIMITS.fileBytes + 1));
    expect(() => loadDocxShell(path)).toThrow(refusal('DOCX_SHELL_TOO_LARGE', 'the file is 10,485,761 bytes, more than the 10 MB a shell may be'));
  });
});
