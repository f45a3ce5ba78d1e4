import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// QA round 10 §10, §11: mistakes in a --map file, and --instrument beside one.
describe('triage import --map: a mapping file that cannot be what it says', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const items = Array.from({ length: 9 }, (_, i) => `${i + 6}、题目${i + 6}`);
  const header = ['1、你的学号：', '5、班级', ...items, '15、过去一个月认真想过结束生命', '16、曾经尝试自杀'];
  const csv = s.write('wjx.csv', `${header.join(',')}\n20250000,初二1班,${Array(11).fill('0').join(',')}\n`);
  const lines = (d: string) => [
    ...items.map((h, i) => `  "${h}": phq-a.${i + 1}`),
    '  "15、过去一个月认真想过结束生命": phq-a.c',
    `  "${d}": phq-a.d`,
  ];
  const good = `instruments: [phq-a]\ncolumns:\n${lines('16、曾经尝试自杀').join('\n')}\n`;
  const run = (map: string, flags: readonly string[] = [], lang = 'en_US.UTF-8') =>
    runCli(['import', csv, '--map', map, ...flags, '--no-input', '--dry-run'], { ...env, LANG: lang });

  it('a good mapping file imports (the baseline)', () => {
    expect(run(s.write('good.yaml', good)).status).toBe(0);
  });

  it.each([
    // Notepad's ANSI on Chinese Windows: 、题目 in GBK.
    [
      'GBK',
      Buffer.from('instruments: [phq-a]\ncolumns:\n  "6\xa1\xa2\xcc\xe2\xc4\xbf6": phq-a.1\n', 'latin1'),
      'not UTF-8 text',
    ],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]), 'UTF-16 text'],
  ])('a mapping file saved as %s: said so, with "save it as UTF-8", no delimiter hint', (name, bytes, says) => {
    const r = run(s.write(`${name}.yaml`, bytes));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain('Encoding "UTF-8"');
    expect(r.stderr).not.toContain('--delimiter');
    const zh = run(join(s.dir, `${name}.yaml`), [], 'zh_CN.UTF-8');
    expect(zh.stderr).toContain('编码选“UTF-8”');
  });

  it('a key matching no header is named, in the error it causes', () => {
    const typo = s.write('typo.yaml', good.replace('"16、曾经尝试自杀"', '"13、曾经尝试自杀"'));
    const r = run(typo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the mapping file names "13、曾经尝试自杀", but no column is headed so');
  });

  it('a key matching no header beside a mapping that works is a warning', () => {
    const extra = s.write('extra.yaml', `${good}  "备注": ignore\n`);
    const r = run(extra);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Warning: ');
    expect(r.stderr).toContain('the mapping file names "备注", but no column is headed so; not used');
  });

  it('instruments: phq-a, a string and not a list, is read', () => {
    expect(run(s.write('scalar.yaml', good.replace('[phq-a]', 'phq-a'))).status).toBe(0);
  });

  it('-i gad-7 beside a mapping file of PHQ-A: refused (exit 2), saying the two disagree', () => {
    const r = run(join(s.dir, 'good.yaml'), ['-i', 'gad-7']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--instrument gad-7 and the mapping file');
    expect(r.stderr).toContain('(phq-a) name different instruments');
    expect(run(join(s.dir, 'good.yaml'), ['-i', 'phq-a']).status).toBe(0);
  });

  it('a mapping file whose columns name an instrument its list leaves out: refused', () => {
    const r = run(s.write('listed.yaml', good.replace('[phq-a]', '[phq-9]')));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('phq-a is not in the file');
  });
});
