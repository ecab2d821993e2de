/** XML building and byte-exact parsing as OSS writes and reads it, and MalformedXML for garbage. */
import { describe, expect, it } from 'vitest';
import { OssError } from '../core/contract';
import { buildXml } from './xml-build';
import { listOf, parseXmlBody, textOf, textsOf } from './xml-parse';

describe('xml', () => {
  it('builds escaped, ordered XML with repeated tags', () => {
    const xml = buildXml('R', { A: `<&>'"`, B: [{ K: 'x' }, { K: 'y' }], C: undefined, D: 3 });
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<R><A>&lt;&amp;&gt;'"</A><B><K>x</K></B><B><K>y</K></B><D>3</D></R>`);
  });

  it('parses keys byte-exact: spaces kept, entities and char refs decoded', () => {
    const body = '<?xml version="1.0"?>\n<Delete>\n  <Quiet>true</Quiet>\n  <Object><Key> a &amp; b </Key></Object>\n  <Object><Key>&lt;x&gt;&#x4e2d;&#20013;</Key></Object>\n</Delete>';
    const root = parseXmlBody(body, 'Delete');
    expect(textOf(root, 'Quiet')).toBe('true');
    expect(listOf(root, 'Object').map((o) => textOf(o, 'Key'))).toEqual([' a & b ', '<x>中中']);
  });

  it('keeps a single repeated element as a list and reads leaf lists', () => {
    const root = parseXmlBody('<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>', 'CORSConfiguration');
    const rules = listOf(root, 'CORSRule');
    expect(rules).toHaveLength(1);
    expect(textsOf(rules[0]!, 'AllowedOrigin')).toEqual(['*']);
  });

  it('rejects garbage and wrong roots with MalformedXML', () => {
    for (const body of ['<Delete><Object>', 'not xml', '<Other/>']) {
      expect(() => parseXmlBody(body, 'Delete')).toThrow(OssError);
    }
  });
});
