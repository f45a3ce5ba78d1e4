import { writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';

/*
 * Test support: hand-built .xlsx files, part by part and in any zip order, for the layouts and cell encodings that
 * exceljs's writer never produces but Excel, WPS and school platforms do.
 */

/**
 * Writes a zip of the given members, in the given order, deflated. `checksummed` gives the text whose CRC-32 a member's
 * headers carry (default: its own): another makes a damaged member whose bytes still inflate.
 */
export async function writeZip(
  path: string,
  members: readonly (readonly [name: string, text: string])[],
  checksummed: (name: string, text: string) => string = (_, text) => text,
) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of members) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(Buffer.from(checksummed(name, text), 'utf8'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(path, Buffer.concat([...locals, directory, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface FixtureSheet {
  readonly name: string;
  /** The `<sheetData>` content. */
  readonly data: string;
  /** What follows `<sheetData>` (`<mergeCells>` …). */
  readonly after?: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** Zip path; default `xl/worksheets/sheet{n}.xml` (`xl/chartsheets/sheet{n}.xml` for a chart sheet). */
  readonly part?: string;
  /** A chart sheet rather than a worksheet. */
  readonly chart?: true;
}

export interface FixtureWorkbook {
  readonly sheets: readonly FixtureSheet[];
  /** `<si>` contents. */
  readonly sharedStrings?: readonly string[];
  /** `<numFmts>` and `<cellXfs>` content; default one plain style. */
  readonly styles?: { readonly numFmts?: string; readonly cellXfs: string };
  readonly workbookPr?: string;
  /** Absolute relationship targets (`/xl/worksheets/…`), as some writers use. */
  readonly absoluteTargets?: boolean;
  /** Zip member order by name; members not named follow in the default order (Excel's). */
  readonly order?: readonly string[];
}

/** The parts of a minimal workbook, in Excel's own zip order (workbook and sheets before styles and strings). */
export function workbookParts(book: FixtureWorkbook): [string, string][] {
  const parts: [string, string][] = [];
  const sheetParts = book.sheets.map(
    (s, i) => s.part ?? `xl/${s.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`,
  );
  parts.push([
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetParts.map((p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  ]);
  parts.push([
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  parts.push([
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.workbookPr ?? ''}<sheets>${book.sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
  ]);
  const target = (p: string) => (book.absoluteTargets ? `/${p}` : p.slice('xl/'.length));
  parts.push([
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetParts
      .map(
        (p, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/${book.sheets[i]?.chart ? 'chartsheet' : 'worksheet'}" Target="${target(p)}"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rS" Type="${REL}/styles" Target="${target('xl/styles.xml')}"/><Relationship Id="rT" Type="${REL}/sharedStrings" Target="${target('xl/sharedStrings.xml')}"/></Relationships>`,
  ]);
  book.sheets.forEach((s, i) => {
    parts.push([
      sheetParts[i] ?? '',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`,
    ]);
  });
  const styles = book.styles ?? { cellXfs: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' };
  parts.push([
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${styles.numFmts ? `<numFmts>${styles.numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs>${styles.cellXfs}</cellXfs></styleSheet>`,
  ]);
  parts.push([
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${(book.sharedStrings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
  ]);
  const order = book.order ?? [];
  return [...order.flatMap((name) => parts.filter(([n]) => n === name)), ...parts.filter(([n]) => !order.includes(n))];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&${({ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' } as const)[c as '<']};`);
}
