type ExcelJs = typeof import('exceljs');

let loading: Promise<ExcelJs> | undefined;

/**
 * exceljs loads some 600 modules (0.2–0.9 s, depending on the disk): only commands that read or write a workbook pay
 * for them, and only once. exceljs is CommonJS; its `module.exports` is the default export.
 */
export function loadExcelJs(): Promise<ExcelJs> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
