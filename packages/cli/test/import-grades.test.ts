import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/screenings/class-40.en.csv', import.meta.url));

describe('triage import: grades written in several ways', () => {
  const s = scratch();
  afterAll(() => s.done());

  it('counts 初一, 七年级 and Grade 7 as one grade, under the name first written', () => {
    const [header, ...rows] = readFileSync(example, 'utf8').trimEnd().split('\n');
    const grades = ['初一', '七年级', 'Grade 7', '初二'];
    // Column 5 is the grade; 10 students each.
    const mixed = rows.map((row, i) => {
      const cells = row.split(',');
      cells[4] = grades[Math.floor(i / 10)] ?? '';
      return cells.join(',');
    });
    const file = s.write('grades.csv', `${[header, ...mixed].join('\n')}\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'out')], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(r.status).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('By grade'), r.stdout.indexOf('By class'));
    const totals = table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => [line.split(/\s+/)[0], line.trim().split(/\s+/).at(-1)]);
    expect(totals).toEqual([
      ['初一', '30'],
      ['初二', '10'],
    ]);
  });
});
