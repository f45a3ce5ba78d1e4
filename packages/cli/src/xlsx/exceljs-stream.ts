import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { loadExcelJs } from './load-exceljs.ts';
import { readSharedStrings } from './shared-strings.ts';
import { type SheetContext, sheetRows } from './sheet-rows.ts';
import type { SheetInfo, WorkbookCatalog } from './workbook-catalog.ts';
import { openZipText, readZipEntry, type ZipEntry } from './zip-directory.ts';

/*
 * The parts of exceljs 4.4's stream reader relied on here, beyond its typings (which declare `parse()` as
 * `AsyncIterator<any>`), as read in lib/stream/xlsx/workbook-reader.js and worksheet-reader.js. The tests exercise
 * each of them.
 */

interface WorkbookReader {
  /** Yields `{ eventType: 'worksheet', value }` for each sheet part of the zip, in zip order. */
  parse(): AsyncGenerator<{ readonly eventType: string; readonly value: SheetReader }>;
  options: { styles: string };
  /** Parsers of the parts that come before sheets; each takes a stream of the part's text. */
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  /** The workbook part as parsed (its sheets, by which each sheet part is named), and its `workbookPr`. */
  model?: unknown;
  properties?: unknown;
  /** Once set (with the relations), each sheet is parsed as the zip streams past; cells are read by sheet-rows.ts. */
  sharedStrings?: unknown[];
  /** Style manager; `index.numFmt` maps a numFmtId to its format code, `getStyleModel(s)` a cell style to its own. */
  styles?: {
    index?: { numFmt?: Record<number, string | undefined> };
    getStyleModel?(style: number): { numFmt?: string } | null | undefined;
  };
}

interface SheetReader {
  /** The workbook's sheetId once exceljs has matched the part to a sheet, else the part's number as a string. */
  readonly id: number | string;
  /** The part's text, in chunks (strings: see `repairZipStream`). Its rows are read by sheet-rows.ts. */
  readonly iterator: AsyncIterable<unknown>;
}

/**
 * Locale-dependent built-in formats (ids 27–36 and 50–58, dates and times in every CJK locale) that exceljs leaves
 * without a format code, so their cells would come out as serial numbers. Chinese Excel writes dates with them.
 * The codes are exceljs's zh-CN ones (lib/xlsx/defaultnumformats.js); only "is it a date" matters here.
 */
const CJK_DATE_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** One worksheet as the stream reaches it: the catalog's sheet (undefined if unknown) and its rows. */
export interface StreamedSheet {
  readonly sheet: SheetInfo | undefined;
  /** Rows in order, converted to text; iterate at most once, or not at all to skip the sheet. */
  rows(): AsyncGenerator<{ readonly line: number; readonly fields: string[] }>;
}

/**
 * Streams a workbook's worksheets in zip order (normally tab order) through exceljs's `WorkbookReader`.
 * exceljs parses a sheet as it streams past only if the shared strings and workbook relations came before it in the
 * zip; Excel stores them after the sheets, and exceljs then decompresses every sheet to a temporary file first (slow,
 * and students' answers left in /tmp if the process is killed). So the small parts are read ahead from the zip
 * directory and handed to exceljs's own parsers (the shared strings to shared-strings.ts): no temporary files, whatever
 * the zip order.
 */
export async function* streamSheets(
  input: Readable,
  file: FileHandle,
  catalog: WorkbookCatalog,
): AsyncGenerator<StreamedSheet> {
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    // Read by shared-strings.ts: exceljs reads phonetic runs in place of the text.
    sharedStrings: 'ignore',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReader;
  await readAhead(reader, file, catalog);
  // Read once: the copies met in the stream are skipped (the workbook and relations are small, parsed again).
  reader.options.styles = 'ignore';
  const context = sheetContext(reader, catalog);
  repairZipStream(input);
  const byId = new Map(catalog.sheets.map((s) => [s.sheetId, s]));
  const byPart = new Map(catalog.sheets.map((s) => [s.part, s]));
  for await (const { eventType, value: sheetReader } of reader.parse()) {
    if (eventType !== 'worksheet') continue;
    const { id } = sheetReader;
    yield {
      sheet: typeof id === 'number' ? byId.get(id) : byPart.get(`xl/worksheets/sheet${id}.xml`),
      rows: () => sheetRows(sheetReader.iterator, context),
    };
  }
}

async function readAhead(reader: WorkbookReader, file: FileHandle, catalog: WorkbookCatalog): Promise<void> {
  const { parts } = catalog;
  await withPart(file, parts.workbookRels, (text) => reader._parseRels(text));
  // exceljs matches these two parts' tag names as written: a prefix (`<x:workbook>`, as the Open XML SDK writes) is
  // taken off first.
  const unprefixed = async (entry: ZipEntry) =>
    Readable.from([Buffer.from(withoutMainPrefix((await readZipEntry(file, entry, MAX_PART)).toString('utf8')))]);
  await reader._parseWorkbook(await unprefixed(parts.workbook));
  if (parts.styles) await reader._parseStyles(await unprefixed(parts.styles));
  // The copy met in the stream is parsed again, as written: the model read ahead (unprefixed) is kept.
  const { model, properties } = reader;
  const parseWorkbook = reader._parseWorkbook.bind(reader);
  reader._parseWorkbook = async (entry) => {
    await parseWorkbook(entry);
    reader.model = model;
    reader.properties = properties;
  };
  let strings: string[] = [];
  if (parts.sharedStrings) {
    await withPart(file, parts.sharedStrings, async (text) => {
      strings = await readSharedStrings(text);
    });
  }
  reader.sharedStrings = strings;
}

/** The workbook and styles parts are small; a bigger one is no workbook to parse. */
const MAX_PART = 16 * 1024 * 1024;

/** SpreadsheetML's main namespace, transitional and strict. */
const MAIN_NAMESPACE =
  /\sxmlns:([A-Za-z_][\w.-]*)="(?:http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)"/;

/**
 * An XML part with the prefix of SpreadsheetML's main namespace taken off its tags (`<x:sheet>` is `<sheet>`), and
 * that namespace made the default: what exceljs's parsers read. A part without such a prefix is returned as it is.
 */
export function withoutMainPrefix(xml: string): string {
  const found = MAIN_NAMESPACE.exec(xml);
  const prefix = found?.[1];
  if (!found || prefix === undefined) return xml;
  const escaped = prefix.replace(/[.]/g, '\\.');
  const tags = xml.replace(new RegExp(`<(/?)${escaped}:`, 'g'), '<$1');
  // The namespace made the default, unless a default is declared already (then the prefix's declaration goes).
  const declared = /\sxmlns="/.test(tags);
  return tags.replace(found[0], declared ? '' : found[0].replace(`xmlns:${prefix}=`, 'xmlns='));
}

/** The parsers stop at the root element's end: whatever follows is dropped with the stream. */
async function withPart(file: FileHandle, entry: ZipEntry, parse: (text: Readable) => Promise<void>): Promise<void> {
  const text = await openZipText(file, entry);
  try {
    await parse(text);
  } finally {
    text.destroy();
  }
}

/**
 * What sheet-rows.ts needs to turn cells into text: strings, the date system, and cell styles' number formats, with
 * the locale-dependent date formats exceljs leaves without a code filled in.
 */
function sheetContext(reader: WorkbookReader, catalog: WorkbookCatalog): SheetContext {
  const numFmt = reader.styles?.index?.numFmt;
  if (numFmt) {
    for (const [id, code] of Object.entries(CJK_DATE_FORMATS)) numFmt[Number(id)] ??= code;
  }
  const formats = new Map<number, string | undefined>();
  return {
    date1904: catalog.date1904,
    sharedStrings: reader.sharedStrings,
    numFmt(style) {
      if (style === 0 || !reader.styles?.getStyleModel) return undefined;
      if (!formats.has(style)) formats.set(style, reader.styles.getStyleModel(style)?.numFmt);
      return formats.get(style);
    },
  };
}

/**
 * Works around two faults of the zip stream exceljs reads sheets from (unzipper 0.10 `Parse` with `forceStream`),
 * reached through the `pipe` exceljs calls on our input:
 * - exceljs decodes each chunk of a member on its own (lib/utils/parse-sax.js), which garbles any character split
 *   between two chunks: in Chinese text, one in every few thousand. Members opened as UTF-8 text streams arrive as
 *   strings decoded across chunk boundaries, and exceljs passes strings through.
 * - unzipper emits 'end' as soon as its input is written (lib/parse.js, on 'finish'), possibly before it has handed
 *   out the last members; exceljs then stops early and silently misses the last sheets. Only the real end, after the
 *   last member, gets through.
 */
function repairZipStream(input: Readable): void {
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    const zip = destination as unknown as Readable;
    const emit = zip.emit.bind(zip);
    zip.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'end' && zip.readableEnded === false) return false;
      if (event === 'data') {
        const member = args[0] as { path?: unknown; setEncoding?: (encoding: 'utf8') => void };
        if (typeof member.path === 'string' && /\.(xml|rels)$/.test(member.path)) member.setEncoding?.('utf8');
      }
      return emit(event, ...args);
    };
    return pipe(destination, options);
  };
}
