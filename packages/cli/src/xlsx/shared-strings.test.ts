import { describe, expect, it } from 'vitest';
import { readSharedStrings } from './shared-strings.ts';
import { isXlsxError } from './xlsx-error.ts';

/** The strings of an `<sst>` with these `<si>` contents, fed in chunks of `size` characters (cut anywhere). */
async function read(items: readonly string[], size = 5, prefix = ''): Promise<string[]> {
  const sst = `${prefix}sst`;
  const xml = `<?xml version="1.0"?><${sst} xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join('')}</${sst}>`;
  async function* chunks() {
    for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
  }
  return readSharedStrings(chunks());
}

describe('readSharedStrings', () => {
  it.each([
    { case: 'plain text', si: '<si><t>学号</t></si>', text: '学号' },
    {
      case: 'text with a phonetic run (Excel, text typed with an IME that records readings)',
      si: '<si><t>学号</t><rPh sb="0" eb="2"><t>xuehao</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
      text: '学号',
    },
    {
      case: 'an answer with its reading',
      si: '<si><t>是</t><rPh sb="0" eb="1"><t>shi</t></rPh><phoneticPr fontId="1"/></si>',
      text: '是',
    },
    {
      case: 'rich-text runs with a phonetic run',
      si: '<si><r><t>心理</t></r><r><rPr><b/><rFont val="宋体"/></rPr><t>健康</t></r><rPh sb="0" eb="4"><t>xinlijiankang</t></rPh><phoneticPr fontId="1"/></si>',
      text: '心理健康',
    },
    { case: 'rich-text runs', si: '<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>', text: '富文本' },
    {
      case: 'spaces kept, indentation between elements not',
      si: '<si>\n  <t xml:space="preserve"> 否 </t>\n</si>',
      text: ' 否 ',
    },
    {
      case: 'entities decoded, _xHHHH_ escapes left for cell-text.ts',
      si: '<si><t>A &amp; B_x000D_</t></si>',
      text: 'A & B_x000D_',
    },
    { case: 'an empty string', si: '<si><t/></si>', text: '' },
  ])('reads $case', async ({ si, text }) => {
    expect(await read([si])).toEqual([text]);
    expect(await read([si, '<si><t>后</t></si>'], 1)).toEqual([text, '后']);
  });

  it('reads prefixed elements', async () => {
    const si = '<x:si><x:t>学号</x:t><x:rPh sb="0" eb="2"><x:t>xuehao</x:t></x:rPh></x:si>';
    expect(await read([si, '<x:si><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:si>'], 3, 'x:')).toEqual([
      '学号',
      'ab',
    ]);
  });

  it('refuses a part that breaks off before </sst>, never returning the strings before it alone', async () => {
    async function* cut() {
      yield '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>学号</t></si><si><t>GA';
    }
    const error = await readSharedStrings(cut()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isXlsxError(error) && error.reason).toBe('corrupt');
  });
});
