import type { FileHandle } from 'node:fs/promises';
import { type XlsxDamage, XlsxError } from './xlsx-error.ts';
import { readZipDirectory, readZipEntry, sniff, type ZipEntry } from './zip-directory.ts';

/** One worksheet of a workbook (chart sheets and macro sheets are not listed). */
export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  /** `hidden` and `veryHidden` sheets: the import reads one when it holds a class or `--sheet` names it (source.ts). */
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  /** False when the zip lacks the sheet's part. */
  readonly readable: boolean;
  /** The part's zip member, when the zip has it. */
  readonly entry: ZipEntry | undefined;
}

/** What a workbook holds, read from its zip directory and two small parts, without touching any sheet's cells. */
export interface WorkbookCatalog {
  /** Worksheets in workbook (tab) order. */
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  /** The zip members exceljs needs before any sheet: the streaming reader gets them read ahead from here. */
  readonly parts: {
    readonly workbook: ZipEntry;
    readonly workbookRels: ZipEntry;
    readonly styles: ZipEntry | undefined;
    readonly sharedStrings: ZipEntry | undefined;
  };
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** workbook.xml and its relations are small; anything bigger than this is not a workbook we want to parse. */
const MAX_PART = 16 * 1024 * 1024;

/** Reads the catalog of an open file; throws `XlsxError` `XLSX_INVALID` when it is not an .xlsx workbook. */
export async function readWorkbookCatalog(file: FileHandle): Promise<WorkbookCatalog> {
  const kind = await sniff(file);
  if (kind === 'ole2') throw invalid('legacy-or-encrypted');
  if (kind !== 'zip') throw invalid('not-zip');
  const { size } = await file.stat();
  const entries = await readZipDirectory(file, size);
  if (!entries) throw invalid('corrupt');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get(WORKBOOK);
  if (!workbookEntry) throw invalid('not-xlsx');
  const relsEntry = byName.get(WORKBOOK_RELS);
  if (!relsEntry) throw invalid('corrupt');
  let workbookXml: string;
  let relsXml: string;
  try {
    workbookXml = (await readZipEntry(file, workbookEntry, MAX_PART)).toString('utf8');
    relsXml = (await readZipEntry(file, relsEntry, MAX_PART)).toString('utf8');
  } catch (cause) {
    throw invalid('corrupt', cause);
  }
  // A part cut short (a damaged zip member that still inflates) would list fewer sheets, or none, without an error.
  if (!closes(workbookXml, 'workbook') || !closes(relsXml, 'Relationships')) throw invalid('corrupt');
  const rels = new Map(
    elements(relsXml, 'Relationship').map((a) => [
      a.get('Id') ?? '',
      { type: a.get('Type') ?? '', target: a.get('Target') ?? '' },
    ]),
  );
  const sheets: SheetInfo[] = [];
  const names = new Set<string>();
  for (const a of elements(workbookXml, 'sheet')) {
    const name = a.get('name') ?? '';
    // Either would leave a sheet unread without a word: its rows in neither results nor errors.
    if (names.has(name)) throw damaged({ kind: 'duplicate-sheet', sheet: name });
    names.add(name);
    const rel = rels.get(relId(a) ?? '');
    if (!rel) throw damaged({ kind: 'sheet-without-part', sheet: name });
    // Chart sheets, dialog sheets and macro sheets hold no rows.
    if (!rel.type.endsWith('/worksheet')) continue;
    const part = resolvePart(rel.target);
    const state = a.get('state');
    sheets.push({
      name,
      sheetId: Number.parseInt(a.get('sheetId') ?? '', 10),
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      part,
      readable: byName.has(part),
      entry: byName.get(part),
    });
  }
  const pr = elements(workbookXml, 'workbookPr')[0]?.get('date1904');
  return {
    sheets,
    date1904: pr === '1' || pr === 'true',
    parts: {
      workbook: workbookEntry,
      workbookRels: relsEntry,
      styles: byName.get('xl/styles.xml'),
      sharedStrings: byName.get('xl/sharedStrings.xml'),
    },
  };
}

/** Whether a small XML part ends with its root element's end tag (any namespace prefix), as a whole part does. */
function closes(xml: string, root: string): boolean {
  return new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${root}\\s*>\\s*$`).test(xml);
}

/** Targets are relative to `xl/` unless absolute (`/xl/worksheets/sheet1.xml`). */
function resolvePart(target: string): string {
  const segments = target.startsWith('/') ? [] : ['xl'];
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '' && s !== '.') segments.push(s);
  }
  return segments.join('/');
}

/** The relationship id: `r:id`, whatever prefix the file binds to the relationships namespace. */
function relId(attributes: ReadonlyMap<string, string>): string | undefined {
  for (const [key, value] of attributes) if (/^[^:]+:id$/.test(key)) return value;
  return undefined;
}

/**
 * Attributes of every `<name …>` (any namespace prefix) in a small XML document. A regex is enough for the two
 * machine-written parts read here; cell data never goes through it.
 */
function elements(xml: string, name: string): ReadonlyMap<string, string>[] {
  const tag = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  const attribute = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const found: Map<string, string>[] = [];
  for (const m of xml.matchAll(tag)) {
    const map = new Map<string, string>();
    for (const a of (m[1] ?? '').matchAll(attribute)) map.set(a[1] ?? '', decodeXml(a[2] ?? a[3] ?? ''));
    found.push(map);
  }
  return found;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return ENTITIES[ref] ?? whole;
    const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function damaged(damage: XlsxDamage): XlsxError {
  return new XlsxError({ code: 'XLSX_INVALID', reason: 'corrupt', damage });
}

function invalid(reason: 'not-zip' | 'legacy-or-encrypted' | 'not-xlsx' | 'corrupt', cause?: unknown): XlsxError {
  return new XlsxError({ code: 'XLSX_INVALID', reason }, cause === undefined ? undefined : { cause });
}
