import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { loadExcelJs } from './load-exceljs.ts';
import { readSharedStrings } from './shared-strings.ts';
import { type SheetContext, sheetRows } from './sheet-rows.ts';
import type { SheetInfo, WorkbookCatalog } from './workbook-catalog.ts';
import { openZipText, readZipEntry, type ZipEntry } from './zip-directory.ts';

/*
 * The parts of exceljs 4.4's stream reader relied on here, beyond its typings, as read in
 * lib/stream/xlsx/workbook-reader.js: its parser of the styles part, and the style manager it fills. The tests
 * exercise them.
 */

interface WorkbookReader {
  /** Parses the styles part, given as a stream of its text. */
  _parseStyles(entry: Readable): Promise<void>;
  /** Style manager; `index.numFmt` maps a numFmtId to its format code, `getStyleModel(s)` a cell style to its own. */
  styles?: {
    index?: { numFmt?: Record<number, string | undefined> };
    getStyleModel?(style: number): { numFmt?: string } | null | undefined;
  };
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

/** One worksheet: the catalog's sheet and its rows. */
export interface StreamedSheet {
  readonly sheet: SheetInfo;
  /** Rows in order, converted to text; iterate at most once, or not at all to skip the sheet. */
  rows(): AsyncGenerator<{ readonly line: number; readonly fields: string[] }>;
}

/**
 * A workbook's worksheets in tab order (workbook.xml's), each read from its own part of the zip, whatever the zip's
 * order or the part's name (Excel keeps `sheet3.xml` for a tab dragged first; other writers name parts as they like).
 * exceljs is used for the styles alone (number formats); shared strings are read by shared-strings.ts, rows by
 * sheet-rows.ts. Nothing is decompressed to a temporary file.
 */
export async function* streamSheets(file: FileHandle, catalog: WorkbookCatalog): AsyncGenerator<StreamedSheet> {
  const ExcelJS = await loadExcelJs();
  // Its input is never read: only its parsers of the small parts are used.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReader;
  const strings = await readAhead(reader, file, catalog);
  const context = sheetContext(reader, catalog, strings);
  for (const sheet of catalog.sheets) {
    const { entry } = sheet;
    if (entry) yield { sheet, rows: () => sheetRows(partText(file, entry), context) };
  }
}

/** A part's text in chunks, each a string (a character split between two chunks of bytes is whole in one). */
async function* partText(file: FileHandle, entry: ZipEntry): AsyncGenerator<string> {
  const text = await openZipText(file, entry);
  text.setEncoding('utf8');
  try {
    for await (const chunk of text) yield chunk as string;
  } finally {
    text.destroy();
  }
}

/** The styles (exceljs's parser) and the shared strings (shared-strings.ts), read before any sheet. */
async function readAhead(
  reader: WorkbookReader,
  file: FileHandle,
  catalog: WorkbookCatalog,
): Promise<readonly string[]> {
  const { parts } = catalog;
  // exceljs matches tag names as written: a prefix (`<x:styleSheet>`, as the Open XML SDK writes) is taken off first.
  if (parts.styles) {
    const xml = (await readZipEntry(file, parts.styles, MAX_PART)).toString('utf8');
    await reader._parseStyles(Readable.from([Buffer.from(withoutMainPrefix(xml))]));
  }
  let strings: string[] = [];
  if (parts.sharedStrings) {
    await withPart(file, parts.sharedStrings, async (text) => {
      strings = await readSharedStrings(text);
    });
  }
  return strings;
}

/** The styles part is small; a bigger one is no workbook to parse. */
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
function sheetContext(reader: WorkbookReader, catalog: WorkbookCatalog, strings: readonly string[]): SheetContext {
  const numFmt = reader.styles?.index?.numFmt;
  if (numFmt) {
    for (const [id, code] of Object.entries(CJK_DATE_FORMATS)) numFmt[Number(id)] ??= code;
  }
  const formats = new Map<number, string | undefined>();
  return {
    date1904: catalog.date1904,
    sharedStrings: strings,
    numFmt(style) {
      if (style === 0 || !reader.styles?.getStyleModel) return undefined;
      if (!formats.has(style)) formats.set(style, reader.styles.getStyleModel(style)?.numFmt);
      return formats.get(style);
    },
  };
}
