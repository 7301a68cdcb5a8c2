/**
 * A strict XML 1.0 well-formedness check for tests.
 *
 * @xmldom/xmldom 0.8 accepts a bare `&`, control characters and `]]>` in text without calling its
 * error handler, and those are exactly the faults that make Word or LibreOffice refuse a file. This
 * lexer refuses them; it does not build a tree (xmldom does that).
 */

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const DECLARATION = /^<\?xml\s[^?]*\?>/;

function fail(name: string, at: number, problem: string): never {
  throw new Error(`${name} is not well-formed XML at offset ${at}: ${problem}`);
}

function checkReferences(name: string, value: string, at: number): void {
  for (let i = value.indexOf('&'); i >= 0; i = value.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    if (!REFERENCE.test(value)) fail(name, at + i, `bare "&" in "${value.slice(i, i + 12)}"`);
  }
}

function checkText(name: string, value: string, at: number): void {
  checkReferences(name, value, at);
  const cdataEnd = value.indexOf(']]>');
  if (cdataEnd >= 0) fail(name, at + cdataEnd, '"]]>" in text');
}

function readName(name: string, xml: string, at: number): string {
  NAME.lastIndex = at;
  const match = NAME.exec(xml);
  if (match === null) fail(name, at, 'expected an element name');
  return match[0];
}

/** Throws unless `xml` is one well-formed XML 1.0 document (comments and processing instructions allowed). */
export function assertWellFormed(xml: string, name: string): void {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad !== null) fail(name, bad.index, `character U+${xml.charCodeAt(bad.index).toString(16).padStart(4, '0')}`);
  const stack: string[] = [];
  let roots = 0;
  let i = DECLARATION.exec(xml)?.[0].length ?? 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    const between = xml.slice(i, textEnd);
    if (stack.length === 0 && between.trim() !== '') fail(name, i, 'text outside the root element');
    checkText(name, between, i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt) || xml.startsWith('<?', lt)) {
      const close = xml.indexOf(xml.startsWith('<!--', lt) ? '-->' : '?>', lt + 2);
      if (close < 0) fail(name, lt, 'unterminated comment or processing instruction');
      i = close + 2 + (xml.startsWith('<!--', lt) ? 1 : 0);
    } else if (xml.startsWith('</', lt)) {
      const element = readName(name, xml, lt + 2);
      const open = stack.pop();
      if (open !== element) fail(name, lt, `</${element}> closes <${open ?? 'nothing'}>`);
      const end = xml.indexOf('>', lt);
      if (xml.slice(lt + 2 + element.length, end).trim() !== '') fail(name, lt, 'junk in an end tag');
      i = end + 1;
    } else {
      const element = readName(name, xml, lt + 1);
      let at = lt + 1 + element.length;
      const seen = new Set<string>();
      ATTRIBUTE.lastIndex = at;
      for (let attribute = ATTRIBUTE.exec(xml); attribute !== null; attribute = ATTRIBUTE.exec(xml)) {
        const [, key = '', double, single] = attribute;
        if (seen.has(key)) fail(name, attribute.index, `attribute ${key} twice`);
        seen.add(key);
        checkReferences(name, double ?? single ?? '', attribute.index);
        at = ATTRIBUTE.lastIndex;
      }
      const close = /\s*(\/?)>/y;
      close.lastIndex = at;
      const end = close.exec(xml);
      if (end === null) fail(name, at, `malformed start tag <${element}`);
      if (stack.length === 0) roots += 1;
      if (end[1] !== '/') stack.push(element);
      i = close.lastIndex;
    }
  }
  if (stack.length > 0) fail(name, xml.length, `<${stack.join('>, <')}> never closed`);
  if (roots !== 1) fail(name, 0, `${roots} root elements`);
}
