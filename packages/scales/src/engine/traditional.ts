/*
 * Traditional characters as Big5 and zh-TW/zh-HK exports write screening files, each with its simplified form: those
 * of person headers (學號, 性別, 年齡, 班級, 學校), statistics rows (總計) and the answer options of the instruments
 * (沒有, 幾乎每天, 完全不會, 有時). Only characters that are never themselves simplified text, so folding never changes
 * a simplified word. Not a converter: a character missing here stays as written.
 */
const PAIRS =
  '學学號号別别齡龄級级稱称編编請请寫写輸输選选擇择讀读屬属歲岁當当現现個个總总計计數数統统準准與与為为麼么' +
  '註注證证話话電电碼码試试週周標标沒没幾几會会爾尔經经從从時时間间絕绝輕轻嚴严極极還还點点較较無无種种' +
  '對对確确實实過过該该題题兩两內内來来樣样這这說说滿满適适們们難难擔担擾扰顯显於于';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) SIMPLIFIED.set(PAIRS[i] as string, PAIRS[i + 1] as string);

const TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'g');

/** `text` with the traditional characters of {@link PAIRS} in their simplified form (學號 → 学号); others unchanged. */
export function simplifiedHan(text: string): string {
  return text.replace(TRADITIONAL, (c) => SIMPLIFIED.get(c) ?? c);
}
