import { join } from 'node:path';
import type { InstrumentDefinition, Lang } from '@triage/scales';
import { importMessages } from './messages.ts';
import { csvLine, UTF8_BOM } from './output/csv-cell.ts';
import { makePrivateDirs } from './output/private-dir.ts';
import { writePrivateFile } from './output/private-file.ts';

/**
 * The header of a ready-to-fill screening file: person columns, then each instrument's items as
 * `PHQ-A 1、<short label>` (zh) or `PHQ-A 1. <short label>` (en), which `triage import` maps without questions.
 * The short labels this project may ship, or the wording of the user's `--labels` file where it gives one.
 */
function templateHeader(instruments: readonly InstrumentDefinition[], lang: Lang): string[] {
  const t = importMessages(lang).templateHeaders;
  const person = [t.studentId, t.name, t.sex, t.age, t.grade, t.class];
  const items = instruments.flatMap((d) =>
    d.items.map(
      (item) => `${d.abbreviation} ${item.id}${lang === 'zh' ? '、' : '. '}${(item.text ?? item.label)[lang]}`,
    ),
  );
  return [...person, ...items];
}

/**
 * Writes `template-<ids>.csv` (UTF-8 with BOM, for Excel) and `.xlsx` into `dir`; both 0600. An instrument named twice
 * is written once, where first named: its items twice would be two columns per item, which the import refuses.
 */
export async function writeTemplate(
  dir: string,
  named: readonly InstrumentDefinition[],
  lang: Lang,
): Promise<readonly string[]> {
  const instruments = named.filter((d, i) => named.findIndex((other) => other.id === d.id) === i);
  makePrivateDirs(dir);
  const header = templateHeader(instruments, lang);
  const base = join(dir, `template-${instruments.map((d) => d.id).join('-')}`);
  writePrivateFile(`${base}.csv`, UTF8_BOM + csvLine(header));
  const { writeXlsx } = await import('../xlsx/write-xlsx.ts');
  await writeXlsx(`${base}.xlsx`, [{ name: lang === 'zh' ? '筛查' : 'screening', rows: [header] }]);
  return [`${base}.csv`, `${base}.xlsx`];
}
