import { detectDelimiter, isBlankRecord, readCsv } from '../csv/read-csv.ts';
import { CliError } from '../exit-codes.ts';
import type { Core } from '../rule-files.ts';
import type { StaffingMessages } from './staffing-messages.ts';

const HOURS = 24;
const SHARE = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*%?\s*$/;
/** "7", "07", "07:00", "7-8", "07:00–08:00": the hour the row starts. */
const HOUR = /^\s*(\d{1,2})(?::00)?(?:\s*[-–~]\s*\d{1,2}(?::00)?)?\s*$/;

/**
 * The 24 hourly shares of a profile file. YAML or JSON (`.yaml`, `.yml`, `.json`): a list of 24 numbers, or a mapping
 * with such a list under `shares`. Anything else is CSV: one share per row in hour order, or "hour,share" rows in any
 * order; a first row that is not numeric is a header. Shares are relative (percent or counts both work).
 */
export async function parseProfile(
  core: Core,
  file: string,
  source: string,
  text: StaffingMessages,
): Promise<readonly number[]> {
  const bad = (detail: string) => new CliError('CLI_USAGE', text.badProfile(file, detail));
  const shares = /\.(ya?ml|json)$/i.test(file)
    ? await yamlShares(core, file, source, bad)
    : csvShares(source, text, bad);
  if (shares.reduce((a, b) => a + b, 0) <= 0) throw bad(text.profileSum);
  return shares;
}

async function yamlShares(
  core: Core,
  file: string,
  source: string,
  bad: (detail: string) => CliError,
): Promise<readonly number[]> {
  const { z } = await import('zod');
  const list = z.array(z.number().min(0)).length(HOURS);
  const parsed = core.parseYamlFile(z.union([list, z.object({ shares: list }).strict()]), source, file);
  if (!parsed.ok) {
    throw bad(parsed.error.map((i) => `line ${i.line}${i.path ? ` (${i.path})` : ''}: ${i.message}`).join('; '));
  }
  return Array.isArray(parsed.value) ? parsed.value : (parsed.value as { shares: number[] }).shares;
}

function csvShares(source: string, text: StaffingMessages, bad: (detail: string) => CliError): readonly number[] {
  const body = source.replace(/^\uFEFF/, '');
  const records = [...readCsv(body, { delimiter: detectDelimiter(body) })].filter((r) => !isBlankRecord(r));
  const first = records[0];
  // A header names its columns: its last field is not a number.
  if (first && !SHARE.test(first.fields[first.fields.length - 1] ?? '')) records.shift();
  const byHour = new Map<number, number>();
  records.forEach((r, i) => {
    const fields = r.fields.map((f) => f.trim());
    const shareText = fields.length >= 2 ? (fields[1] ?? '') : (fields[0] ?? '');
    const share = SHARE.exec(shareText);
    if (!share) throw bad(text.profileShare(r.line, shareText));
    let hour = i;
    if (fields.length >= 2) {
      const m = HOUR.exec(fields[0] ?? '');
      hour = m ? Number(m[1]) : Number.NaN;
      if (!(hour >= 0 && hour < HOURS)) throw bad(text.profileHour(r.line, fields[0] ?? ''));
    }
    if (byHour.has(hour)) throw bad(text.profileRepeated(hour));
    byHour.set(hour, Number(share[1]));
  });
  if (byHour.size !== HOURS) throw bad(`${text.profileCount(byHour.size)}; ${text.profileShape}`);
  return Array.from({ length: HOURS }, (_, h) => byHour.get(h) ?? 0);
}
