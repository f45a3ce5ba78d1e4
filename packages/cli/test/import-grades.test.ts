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

  it('keeps a class whole when rows spell its grade 七年级 and 初一 and the class is named 初一(1)班', () => {
    const items = Array.from({ length: 7 }, (_, i) => `GAD-7 ${i + 1}`).join(',');
    const rows = Array.from({ length: 24 }, (_, i) => {
      const grade = i % 2 === 0 ? '七年级' : '初一';
      return `2025${String(i).padStart(4, '0')},${grade},初一(${i < 12 ? 1 : 2})班,3,3,3,3,0,0,0`;
    });
    const file = s.write('g4.csv', `学号,年级,班级,${items}\n${rows.join('\n')}\n`);
    const out = join(s.dir, 'g4');
    const r = runCli(['import', file, '--out', out, '--no-input'], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(r.status).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('By class'), r.stdout.indexOf('No student at R3'));
    const classes = table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => [line.split(/\s+/)[0], line.trim().split(/\s+/).at(-1)]);
    expect(classes).toEqual([
      ['初一(1)班', '12'],
      ['初一(2)班', '12'],
    ]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<th scope="row">初一(1)班</th><td class="num">12</td>');
    expect(html).not.toContain('七年级 初一(1)班');
  });

  it('counts a class written 1班, 1, 初一(1)班, 七年级(1)班, 初一1班 and 七年级1班 as one class; warns of 初一1班 under 初二', () => {
    const items = Array.from({ length: 7 }, (_, i) => `GAD-7 ${i + 1}`).join(',');
    const spellings = ['1班', '1', '初一(1)班', '七年级(1)班', '初一1班', '七年级1班'];
    const grades = ['七年级', '初一', '7', 'Grade 7'];
    const rows = Array.from({ length: 24 }, (_, i) => {
      const klass = i < 12 ? spellings[i % 6] : ['2班', '（２）班', '初一2班'][i % 3];
      return `2025${String(i).padStart(4, '0')},${grades[i % 4]},${klass},3,3,3,3,0,0,0`;
    });
    rows.push('20259998,初二,初一1班,3,3,3,3,0,0,0', '20259999,初二,1班,3,3,3,3,0,0,0');
    const file = s.write('g6.csv', `学号,年级,班级,${items}\n${rows.join('\n')}\n`);
    const run = (lang: string) =>
      // --min-cell 1: every count shown, so that the test sees the rows counted.
      runCli(['import', file, '--out', join(s.dir, `g6-${lang}`), '--no-input', '--lang', lang, '--min-cell', '1'], {
        TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
      });
    const r = run('en');
    expect(r.status).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('By class'), r.stdout.indexOf('No student at R3'));
    const classes = table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => [/^(.*?)\s{2,}/.exec(line)?.[1], line.trim().split(/\s+/).at(-1)]);
    expect(classes).toEqual([
      ['七年级 1班', '12'],
      ['七年级 2班', '12'],
      ['初二 1班', '1'],
      ['初二 初一1班', '1'],
    ]);
    expect(r.stderr).toContain(
      'Warning: 1 row has a class that names another grade than the grade column ("初一1班" under 初二): counted as a class of its own under 初二',
    );
    expect(run('zh').stderr).toContain('有 1 行的班级名写的是另一个年级（“初一1班”在 初二 下）');
  });

  // QA round 15, 5: the school year alone before the class (七（1）班), brackets full-width, beside 1班 and 初一(1)班.
  it('counts 七（1）班 and 七(1)班 under 初一 as the class 1班 and 初一(1)班 are: one row of the by-class table', () => {
    const items = Array.from({ length: 7 }, (_, i) => `GAD-7 ${i + 1}`).join(',');
    const spellings = ['七（1）班', '1班', '初一(1)班', '七(1)班', '初一（1）班', '七（2）班'];
    const rows = Array.from(
      { length: 12 },
      (_, i) => `2025${String(i).padStart(4, '0')},初一,${spellings[i % 6]},0,0,0,0,0,0,0`,
    );
    const file = s.write('g7.csv', `学号,年级,班级,${items}\n${rows.join('\n')}\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'g7'), '--no-input', '--min-cell', '1'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status, r.stderr).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('By class'), r.stdout.indexOf('No student at R3'));
    const classes = table
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => [/^(.*?)\s{2,}/.exec(line)?.[1], line.trim().split(/\s+/).at(-1)]);
    expect(classes).toEqual([
      ['七(1)班', '10'],
      ['七(2)班', '2'],
    ]);
  });

  it('names the class in the follow-up list as the tables do: 初一(1)班, not 七年级 初一(1)班', () => {
    const items = Array.from({ length: 9 }, (_, i) => `PHQ-9 ${i + 1}`).join(',');
    const file = s.write('follow.csv', `学号,年级,班级,${items}\n20250001,七年级,初一(1)班,0,0,0,0,0,0,0,0,1\n`);
    const r = runCli(['import', file, '--out', join(s.dir, 'follow'), '--no-input'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status).toBe(0);
    const listed = r.stdout.split('\n').find((line) => line.includes('line 2'));
    expect(listed).toMatch(/line 2\s+初一\(1\)班\s/);
    expect(r.stdout).not.toContain('七年级 初一(1)班');
  });

  it('lists grades and their classes in school-year order in Chinese, not by pinyin (八年级 before 七年级)', () => {
    const items = Array.from({ length: 7 }, (_, i) => `GAD-7 ${i + 1}`).join(',');
    const groups = [
      ['九年级', '3班'],
      ['八年级', '1班'],
      ['七年级', '2班'],
      ['七年级', '1班'],
    ];
    const rows = groups.flatMap(([grade, klass], g) =>
      Array.from({ length: 5 }, (_, i) => `2025${g}${i}00,${grade},${klass},1,1,1,1,0,0,0`),
    );
    const file = s.write('years.csv', `学号,年级,班级,${items}\n${rows.join('\n')}\n`);
    const out = join(s.dir, 'years');
    const r = runCli(['import', file, '--out', out, '--no-input', '--lang', 'zh'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status).toBe(0);
    // A table: its heading, the column names, then a row per group up to a blank line.
    const firstCells = (heading: string) =>
      (r.stdout.slice(r.stdout.indexOf(heading)).split('\n\n')[0] ?? '')
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s{2,}/)[0]);
    expect(firstCells('按年级')).toEqual(['七年级', '八年级', '九年级']);
    expect(firstCells('按班级')).toEqual(['七年级 1班', '七年级 2班', '八年级 1班', '九年级 3班']);
  });
});
