import { describe, expect, it } from 'vitest';
import { assertWellFormed } from './strict-xml.js';

describe('assertWellFormed (the test oracle)', () => {
  it.each([
    '<?xml version="1.0"?>\n<a x="1" y=\'&amp;\'><b/>t&lt;&#38;&#x26;<!-- c --><?pi x?></a>\n',
    '<w:p xmlns:w="u"><w:t xml:space="preserve"> </w:t></w:p>',
  ])('accepts %j', (xml) => {
    expect(() => assertWellFormed(xml, 'x')).not.toThrow();
  });

  it.each([
    ['<a>& b</a>', 'bare "&"'],
    ['<a>AT&T</a>', 'bare "&"'],
    ['<a x="&">y</a>', 'bare "&"'],
    ['<a>\u0007</a>', 'U+0007'],
    ['<a>]]></a>', ']]>'],
    ['<a><b></a>', 'closes'],
    ['<a>', 'never closed'],
    ['<a/><b/>', '2 root elements'],
    ['<a x="1" x="2"/>', 'twice'],
    ['<a x=1/>', 'malformed'],
    ['<a>x</a>y', 'outside'],
  ])('refuses %j', (xml, problem) => {
    expect(() => assertWellFormed(xml, 'x')).toThrow(problem);
  });
});
