import { loadParseSax, localName, type SaxTag } from './sax.ts';
import { XlsxError } from './xlsx-error.ts';

/**
 * The shared strings part (`xl/sharedStrings.xml`), from its XML text: each `<si>` as the text Excel shows, its `<t>`s
 * (plain, or one per rich-text run) joined, `_xHHHH_` escapes left for cell-text.ts to decode. Read here rather than
 * by exceljs, which reads a phonetic run (`<rPh>`, the reading Excel stores beside text typed with an IME: 学号 with
 * `xuehao`) in place of the text itself, and ignores prefixed elements (`<x:si>`).
 * Throws `XlsxError` corrupt when the part breaks off before `</sst>`.
 * @see ECMA-376 Part 1, §18.4.8 (si), §18.4.6 (rPh), §18.4.4 (r)
 */
export async function readSharedStrings(chunks: AsyncIterable<unknown>): Promise<string[]> {
  const strings: string[] = [];
  let item: string | undefined;
  let inText = false;
  let inPhonetic = false;
  for await (const events of loadParseSax()(chunks)) {
    for (const { eventType, value } of events) {
      if (eventType === 'text') {
        if (inText && item !== undefined) item += value as string;
        continue;
      }
      const name = localName((value as SaxTag).name);
      if (eventType === 'opentag') {
        if (name === 'si') item = '';
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) inText = true;
      } else if (eventType === 'closetag') {
        if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si' && item !== undefined) {
          strings.push(item);
          item = undefined;
        } else if (name === 'sst') return strings;
      }
    }
  }
  // A part that breaks off (the parser also stops quietly at a bare `&`) is damage: never fewer strings, silently.
  throw new XlsxError({ code: 'XLSX_INVALID', reason: 'corrupt' });
}
