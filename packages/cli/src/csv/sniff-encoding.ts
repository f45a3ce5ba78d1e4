import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { type Encoding, type EncodingLabel, encodingOf, firstInvalidByte, sniffBom } from './decode.ts';

/** UTF-32 byte-order marks, little- and big-endian (the first would otherwise read as UTF-16LE's). */
const UTF32 = [
  [0xff, 0xfe, 0x00, 0x00],
  [0x00, 0x00, 0xfe, 0xff],
];

/** Whether bytes start with a UTF-32 byte-order mark: text no spreadsheet writes, and triage does not read. */
export function startsAsUtf32(bytes: Uint8Array): boolean {
  return UTF32.some((bom) => bytes.length >= bom.length && bom.every((b, i) => bytes[i] === b));
}

export interface SniffedEncoding {
  readonly encoding: Encoding;
  /** The file starts with the byte-order mark of `encoding`. */
  readonly bom: boolean;
  /** The encoding was detected rather than requested. */
  readonly detected: boolean;
  /** Byte offset where the text starts: after the byte-order mark. */
  readonly textStart: number;
}

/** Non-ASCII bytes after which a sample is decisive: about 100 rows with a Chinese name, or a Chinese header. */
const SAMPLE_NON_ASCII = 1024;
/** A sample ends here even with fewer non-ASCII bytes. */
const SAMPLE_BYTES = 1 << 20;
/** Bytes at the start of a file looked at for the NUL bytes of UTF-16 without a byte-order mark. */
const UTF16_SAMPLE = 4096;

/** How many of `bytes` the sample takes: up to the byte that makes `wanted` non-ASCII ones, or all; and how many. */
function sampleOf(bytes: Uint8Array, wanted: number): { readonly take: number; readonly nonAscii: number } {
  let nonAscii = 0;
  for (let k = 0; k < bytes.length; k++) {
    if ((bytes[k] as number) >= 0x80 && ++nonAscii === wanted) return { take: k + 1, nonAscii };
  }
  return { take: bytes.length, nonAscii };
}

/**
 * UTF-16 without a byte-order mark, from the NUL bytes of the first code units: ASCII (tabs, digits, line breaks,
 * English headers) is a NUL and a byte, in one order or the other. CSV text in UTF-8 or GB18030 has no NUL bytes; a
 * CJK character whose code unit ends in 00 (一 is U+4E00) gives the odd NUL on the other side, hence the margin.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) even++;
    if (bytes[k + 1] === 0) odd++;
  }
  // At least one code unit in five is ASCII, and NULs on the other side are rare.
  const units = n / 2;
  if (units < 2) return undefined;
  if (odd * 5 >= units && even * 8 <= odd) return 'utf-16le';
  if (even * 5 >= units && odd * 8 <= even) return 'utf-16be';
  return undefined;
}

const LF = 10;
const CR = 13;

/** Where the line holding `offset` starts in `bytes` (0 when none of the bytes before it is a line break). */
function lineStartOf(bytes: Uint8Array, offset: number): number {
  for (let k = offset - 1; k >= 0; k--) if (bytes[k] === LF || bytes[k] === CR) return k + 1;
  return 0;
}

/**
 * Whether valid UTF-8 `bytes` hold Chinese text and nothing that looks like GB18030 misread: CJK characters (3-byte
 * sequences), with no other non-ASCII character than Latin-1 letters and general punctuation. GB18030 bytes that
 * happen to be valid UTF-8 decode mostly to Latin Extended, Greek, Cyrillic and the like (学 is D1 A7, "ѧ"); a
 * line of them that is valid UTF-8 throughout and reads as CJK only is rare (none in 200,000 simulated class files).
 */
function isUtf8Chinese(bytes: Uint8Array): boolean {
  if (isAscii(bytes)) return false;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let cjk = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff) || (c >= 0x2000 && c <= 0x206f)) continue;
    if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) cjk = true;
    else return false;
  }
  return cjk;
}

/**
 * Whether a sample valid in GB18030 is Big5 text (traditional Chinese): valid Big5, with Big5's own two-byte forms
 * common. Big5 bytes are always valid GB18030 (its lead and trail bytes lie inside GB18030's) and read as rare
 * characters there, so validity tells nothing; the trail byte does. About two in five Big5 characters, and most common
 * ones (姓, 名, 別, 年, 班), have a trail byte below 0x80 (answers as option text fewer: 沒有或很少時間 has one in
 * seven); GB2312, which simplified text keeps to, has none, and GB18030 text has one only in a rare character of a name
 * (玥, 珺, 祎: GBK's own). So a sample needs one character in twenty with such a trail byte, and, second, must read as
 * more of the traditional forms of common header, surname and question characters in Big5 than of their simplified
 * forms in GB18030: a class of names like 王玥 and 李祎 reads as 王, 李 … in GB18030 and as nothing common in Big5.
 * Four-byte GB18030 forms and lead bytes Big5 lacks rule it out at once.
 */
function isBig5(sample: Uint8Array): boolean {
  let pairs = 0;
  let lowTrail = 0;
  for (let k = 0; k < sample.length; k++) {
    const lead = sample[k] as number;
    if (lead < 0x80) continue;
    const trail = sample[k + 1];
    if (trail === undefined) break;
    if (lead < 0xa1 || lead > 0xf9 || (trail >= 0x30 && trail <= 0x39)) return false;
    pairs++;
    if (trail < 0x80) lowTrail++;
    k++;
  }
  if (pairs < BIG5_MIN_CHARACTERS || lowTrail * 20 < pairs || firstInvalidByte(sample, 'big5') !== -1) return false;
  const traditional = countOf(new TextDecoder('big5').decode(sample), TRADITIONAL);
  return traditional > countOf(new TextDecoder('gb18030').decode(sample), SIMPLIFIED);
}

/**
 * Characters of headers, common surnames and the words of questions and answer options (沒有或很少時間, 幾乎每天 …)
 * that differ between the scripts, traditional then simplified, pair by pair (學 学, 陳 陈 …): what a traditional file
 * holds read as Big5, and a simplified one read as GB18030. A file with English headers and option text as answers
 * holds no header or name of its own script.
 */
const SCRIPT_PAIRS =
  '學学號号別别齡龄級级編编稱称題题陳陈張张黃黄劉刘吳吴趙赵鄭郑謝谢蕭萧羅罗鍾钟顏颜孫孙盧卢葉叶楊杨許许蘇苏莊庄' +
  '呂吕馬马韓韩鄧邓馮冯錢钱龔龚萬万嚴严賴赖雲云曉晓華华麗丽偉伟紅红東东軍军國国義义書书輝辉' +
  '沒没時时間间經经過过這这會会對对覺觉擔担憂忧緊紧煩烦難难歡欢興兴頭头點点較较關关與与為为從从無无幾几數数當当' +
  '還还體体樣样們们個个來来說说話话請请選选寫写問问師师長长親亲愛爱氣气傷伤殺杀夢梦飯饭餓饿減减輕轻極极壓压鬱郁' +
  '慮虑懼惧發发現现實实際际歲岁憶忆認认識识責责備备該该總总後后開开';
const TRADITIONAL = new Set([...SCRIPT_PAIRS].filter((_, k) => k % 2 === 0 && SCRIPT_PAIRS[k] !== SCRIPT_PAIRS[k + 1]));
const SIMPLIFIED = new Set([...SCRIPT_PAIRS].filter((_, k) => k % 2 === 1 && SCRIPT_PAIRS[k] !== SCRIPT_PAIRS[k - 1]));

function countOf(text: string, characters: ReadonlySet<string>): number {
  let n = 0;
  for (const c of text) if (characters.has(c)) n++;
  return n;
}

/**
 * Whether the line where UTF-8 fails (at `bad`) is a UTF-8 line with a character damaged (a byte changed or cut out),
 * in a file of UTF-8 Chinese text: the line otherwise reads as UTF-8 Chinese, failing once or twice, and the lines after
 * it are UTF-8 Chinese. A header damaged so was read as GB18030 (its bytes happen to be valid there), and its UTF-8
 * rows then called another encoding pasted under it (QA round 23, 3). A line in GB18030 fails UTF-8 at most of its
 * characters.
 */
export function damagedUtf8Line(sample: Uint8Array, bad: number): boolean {
  let end = bad;
  while (end < sample.length && sample[end] !== LF && sample[end] !== CR) end++;
  const line = new TextDecoder('utf-8', { ignoreBOM: true }).decode(sample.subarray(lineStartOf(sample, bad), end));
  let damaged = 0;
  let cjk = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 0xfffd) damaged++;
    else if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  if (damaged > 2 || cjk < 2 * damaged) return false;
  // What follows, up to where the sample ends (inside a line, or a character: a long header leaves little of it), its
  // last character left out: the sample may end inside it.
  const rest = sample.subarray(end);
  const restBad = firstInvalidByte(rest, 'utf-8');
  let to = restBad === -1 ? rest.length : restBad;
  while (to > 0 && ((rest[to - 1] as number) & 0xc0) === 0x80) to--;
  if (to > 0 && (rest[to - 1] as number) >= 0xc0) to--;
  return isUtf8Chinese(rest.subarray(0, to));
}

/** Characters a sample needs before it is taken for Big5: a short header's worth (學號,姓名,性別). */
const BIG5_MIN_CHARACTERS = 6;

/**
 * UTF-8 or GB18030 for a sample without byte-order mark (a character may be cut off at its end). Strict UTF-8 first;
 * where UTF-8 fails after whole lines of Chinese UTF-8 text, the file is UTF-8 that breaks there (two encodings
 * pasted together, or damage), and reading it fails at that line: GB18030 would read it without an error, as
 * garbage, when the UTF-8 part has an even number of bytes. Else GB18030 (what Excel on Chinese Windows writes), or
 * Big5 when the sample is that ({@link isBig5}); when neither fits, the encoding that reads Chinese further, so the
 * error names the likelier one.
 */
export function encodingOfSample(sample: Uint8Array): 'utf-8' | 'gb18030' | 'big5' {
  const bad = firstInvalidByte(sample, 'utf-8');
  if (bad === -1) return 'utf-8';
  if (isUtf8Chinese(sample.subarray(0, lineStartOf(sample, bad)))) return 'utf-8';
  if (damagedUtf8Line(sample, bad)) return 'utf-8';
  if (firstInvalidByte(sample, 'gb18030') === -1) return isBig5(sample) ? 'big5' : 'gb18030';
  return isUtf8Chinese(sample.subarray(0, bad)) ? 'utf-8' : 'gb18030';
}

/**
 * The encoding of a file without reading it into memory: a requested one as is; else a byte-order mark (UTF-8,
 * UTF-16LE, UTF-16BE); else UTF-16 from the NUL bytes of its start; else {@link encodingOfSample} over a sample.
 * Leading ASCII-only chunks are skipped before sampling, as ASCII reads the same in both: a file whose first
 * megabytes are ids and numbers is still detected from its first Chinese text. The sample then runs until
 * {@link SAMPLE_NON_ASCII} non-ASCII bytes, 1 MiB or the end of the file; it is kept (at most 1 MiB) to be judged
 * whole, as where UTF-8 fails in it matters.
 * @see reference/sdk-cli.md §3.2 (objectui PR #2557 detection order)
 */
export async function sniffEncoding(
  handle: FileHandle,
  options: { readonly requested?: EncodingLabel | undefined; readonly chunkSize: number },
): Promise<SniffedEncoding> {
  const head = Buffer.alloc(UTF16_SAMPLE);
  const { bytesRead: headRead } = await handle.read(head, 0, head.length, 0);
  const bom = sniffBom(head.subarray(0, Math.min(headRead, 3)));
  if (options.requested !== undefined) {
    const encoding = encodingOf(options.requested);
    const own = bom?.encoding === encoding;
    // A UTF-8 mark before GB18030 text (a tool that adds one to any file) is no text either: 锘 and a stray byte.
    const skipped = own || (bom?.encoding === 'utf-8' && encoding === 'gb18030');
    return { encoding, bom: own, detected: false, textStart: skipped ? (bom?.length ?? 0) : 0 };
  }
  if (bom) return { encoding: bom.encoding, bom: true, detected: true, textStart: bom.length };
  const detected = (encoding: Encoding): SniffedEncoding => ({ encoding, bom: false, detected: true, textStart: 0 });
  const utf16 = utf16WithoutBom(head.subarray(0, headRead));
  if (utf16) return detected(utf16);

  const buffer = Buffer.allocUnsafe(options.chunkSize);
  const pieces: Buffer[] = [];
  let position = 0;
  let sampled = 0;
  let nonAscii = 0;
  while (nonAscii < SAMPLE_NON_ASCII && sampled < SAMPLE_BYTES) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    position += bytesRead;
    // A UTF-8 character cut off by the end of the file is valid so far: it is reported with its line when the
    // records are read, rather than turning the whole file into GB18030 mojibake.
    if (bytesRead === 0) break;
    if (sampled === 0 && isAscii(buffer.subarray(0, bytesRead))) continue;
    const bytes = buffer.subarray(0, Math.min(bytesRead, SAMPLE_BYTES - sampled));
    // The sample ends where it is decisive, not at the end of the read: a file of UTF-8 with one line of GB18030
    // further on is UTF-8 with a bad line (reported with its line number), not GB18030 throughout.
    const sample = sampleOf(bytes, SAMPLE_NON_ASCII - nonAscii);
    pieces.push(Buffer.from(bytes.subarray(0, sample.take)));
    sampled += sample.take;
    nonAscii += sample.nonAscii;
  }
  return detected(sampled === 0 ? 'utf-8' : encodingOfSample(Buffer.concat(pieces, sampled)));
}
