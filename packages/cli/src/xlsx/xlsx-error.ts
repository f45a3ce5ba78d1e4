/** Stable codes of workbook failures; the CLI maps them to messages and exit codes. */
export type XlsxErrorCode = 'XLSX_INVALID' | 'XLSX_NO_SUCH_SHEET' | 'XLSX_AMBIGUOUS_SHEET';

/**
 * Why a file is not a workbook we can read, so the message can say what to do about it:
 * - `not-zip`: not a zip archive at all (a CSV or text file renamed to .xlsx, an empty file);
 * - `legacy-or-encrypted`: an OLE2 compound file, i.e. an old .xls (or WPS .et) or a password-protected .xlsx;
 * - `not-xlsx`: a zip without a spreadsheet workbook in it (.docx, .ods, any other zip);
 * - `corrupt`: a damaged or truncated workbook;
 * - `unsupported`: a valid workbook laid out in a way the streaming reader cannot read.
 */
export type XlsxInvalidReason = 'not-zip' | 'legacy-or-encrypted' | 'not-xlsx' | 'corrupt' | 'unsupported';

/**
 * What is wrong in a damaged workbook (`corrupt`), where it can be named: none of it is legal SpreadsheetML, and
 * Excel "repairs" such a file by guessing, so the import refuses it rather than guess which copy holds the answer.
 * - `sheet-without-part`: workbook.xml lists a sheet whose relationship id leads to no part;
 * - `duplicate-sheet`: two sheets with the same name;
 * - `duplicate-cell`: two cells with the same reference (`O2` twice in a row);
 * - `duplicate-row`: two rows with the same number in one sheet;
 * - `row-out-of-range`: a row number beyond Excel's last row (1,048,576).
 * `sheet` is undefined only while the sheet's rows are being read (read-xlsx.ts names it).
 * @see ECMA-376 Part 1, §18.2.19 (sheet), §18.3.1.73 (row), §18.3.1.4 (c)
 */
export type XlsxDamage =
  | { readonly kind: 'sheet-without-part' | 'duplicate-sheet'; readonly sheet: string }
  | { readonly kind: 'duplicate-cell'; readonly sheet?: string; readonly cell: string }
  | { readonly kind: 'duplicate-row' | 'row-out-of-range'; readonly sheet?: string; readonly row: number };

/** What the constructor takes: each code with the details that go with it. */
export type XlsxErrorDetail =
  | { readonly code: 'XLSX_INVALID'; readonly reason: XlsxInvalidReason; readonly damage?: XlsxDamage }
  | {
      readonly code: 'XLSX_NO_SUCH_SHEET';
      /** Requested names the workbook does not have. */
      readonly missing: readonly string[];
      /** Every worksheet the workbook has, in workbook order. */
      readonly sheets: readonly string[];
    }
  | {
      readonly code: 'XLSX_AMBIGUOUS_SHEET';
      /** The requested name, which no sheet has exactly. */
      readonly requested: string;
      /** The sheets it could mean, in workbook order (two or more). */
      readonly sheets: readonly string[];
    };

/**
 * A workbook that cannot be read as asked. `message` is technical English for logs; it never holds cell data (sheet
 * names only). User-facing wording belongs to the CLI's messages.
 */
export class XlsxError extends Error {
  override readonly name = 'XlsxError';
  readonly code: XlsxErrorCode;
  /** `XLSX_INVALID`: why the file cannot be read; otherwise undefined. */
  readonly reason: XlsxInvalidReason | undefined;
  /** `XLSX_INVALID` `corrupt`: what is damaged and where, when that is known; otherwise undefined. */
  readonly damage: XlsxDamage | undefined;
  /**
   * `XLSX_NO_SUCH_SHEET`: every worksheet the workbook has, in tab order; `XLSX_AMBIGUOUS_SHEET`: the sheets the
   * requested name could mean; otherwise empty.
   */
  readonly sheets: readonly string[];
  /** `XLSX_NO_SUCH_SHEET`: the requested names the workbook does not have; `XLSX_AMBIGUOUS_SHEET`: the name. */
  readonly missing: readonly string[];

  constructor(detail: XlsxErrorDetail, options?: { cause?: unknown }) {
    super(describe(detail), options);
    this.code = detail.code;
    this.reason = detail.code === 'XLSX_INVALID' ? detail.reason : undefined;
    this.damage = detail.code === 'XLSX_INVALID' ? detail.damage : undefined;
    this.sheets = detail.code === 'XLSX_INVALID' ? [] : detail.sheets;
    this.missing =
      detail.code === 'XLSX_NO_SUCH_SHEET'
        ? detail.missing
        : detail.code === 'XLSX_AMBIGUOUS_SHEET'
          ? [detail.requested]
          : [];
  }
}

export function isXlsxError(error: unknown): error is XlsxError {
  return error instanceof XlsxError;
}

function describe(detail: XlsxErrorDetail): string {
  if (detail.code === 'XLSX_INVALID')
    return `not a readable .xlsx workbook (${detail.reason}${detail.damage ? `: ${detail.damage.kind}` : ''})`;
  const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');
  if (detail.code === 'XLSX_AMBIGUOUS_SHEET')
    return `sheet name ${list([detail.requested])} could be ${list(detail.sheets)}`;
  return `no sheet named ${list(detail.missing)}; the workbook has ${list(detail.sheets)}`;
}
