import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { runCli, scratch } from './run-cli.ts';

interface Summary {
  readonly id: string;
  readonly items: number;
}

// Generic over whatever @triage/scales registers: new instruments must show and score without special cases.
const { instruments } = JSON.parse(runCli(['scales', 'list', '--json']).stdout) as { instruments: Summary[] };

interface Option {
  readonly value: number;
}
interface Definition {
  readonly options: readonly Option[];
  readonly items: readonly { readonly id: string; readonly options?: readonly Option[] }[];
}

const s = scratch();
afterAll(() => s.done());

describe.each(instruments.map((i) => [i.id, i] as const))('%s', (id, summary) => {
  it('has a template that import maps to this instrument, and no other, without questions', () => {
    const dir = join(s.dir, id);
    expect(runCli(['import', 'template', id, '--out', dir]).status).toBe(0);
    const { instrument } = JSON.parse(runCli(['scales', 'show', id, '--json']).stdout) as { instrument: Definition };
    // Every item answered with its lowest option: a complete, valid row.
    const answers = instrument.items.map((item) => (item.options ?? instrument.options)[0]?.value);
    const csv = join(dir, `template-${id}.csv`);
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}1001,x,female,14,8,8-1,${answers.join(',')}\r\n`);
    const r = runCli(['import', csv, '--out', join(dir, 'out'), '--json', '--no-input']);
    expect(r.stderr).not.toContain('Error');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ instruments: [id], counts: { scored: 1, rejected: 0 } });
    // results.csv: every column named once, and the row fills exactly the header's columns.
    const [header, row] = [
      ...readCsv(readFileSync(join(dir, 'out', 'results.csv'), 'utf8').slice(1), { delimiter: ',' }),
    ];
    const columns = header?.fields ?? [];
    expect(new Set(columns).size).toBe(columns.length);
    expect(row?.fields).toHaveLength(columns.length);
    expect(row?.fields[columns.indexOf(`${id}_total`)]).not.toBe(undefined);
  });

  it('shows in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const r = runCli(['scales', 'show', id, '--lang', lang]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('scores an all-blank respondent without inventing a result: critical items stay unknown', () => {
    const blanks = ','.repeat(summary.items - 1);
    const r = runCli(['score', id, '--answers', blanks, '--json']);
    expect(r.status).toBe(0);
    const { score } = JSON.parse(r.stdout);
    expect(score.total).toBeNull();
    for (const flag of score.flags) expect(flag.status).toBe('unknown');
    expect(runCli(['score', id, '--answers', blanks, '--lang', 'zh']).status).toBe(0);
  });
});
