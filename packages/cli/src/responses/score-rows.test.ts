import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { scoreCsvText } from './score-rows.ts';

const phq9 = getInstrument('phq-9') as InstrumentDefinition;
const header = '学号,姓名,1,2,3,4,5,6,7,8,9';
const score = (text: string) => scoreCsvText(text, { delimiter: ',', definition: phq9, known: instruments, score: {} });

describe('scoreCsvText', () => {
  it('puts every data row in exactly one place and keeps line numbers', () => {
    const text = [
      header,
      'S1,甲,1,1,1,1,1,1,1,1,0',
      'S2,乙,1,1,1,1,1,1,1,1,7',
      '',
      'S3,丙,1,1,1,1,1,1,1,1',
      ',,,,,,,,,,',
      'S4,丁,0,0,0,0,0,0,0,0,好几天',
      '"S5","戊",0,0,0,0,0,0,0,0,"not a label"',
      'S6,己,,,,,,,,,',
    ].join('\r\n');
    const r = score(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { scored, rejected, blankLines } = r.value;
    expect(scored.map((s) => [s.line, s.id, s.score.total])).toEqual([
      [2, 'S1', 8],
      [7, 'S4', 1],
      [9, 'S6', null],
    ]);
    expect(rejected.map((x) => [x.line, x.id, x.issues.map((i) => [i.code, i.item, i.column?.header])])).toEqual([
      [3, 'S2', [['SCALES_ITEM_OUT_OF_RANGE', '9', '9']]],
      [5, 'S3', [['CLI_FIELD_COUNT', undefined, undefined]]],
      [8, 'S5', [['SCALES_UNKNOWN_LABEL', '9', '9']]],
    ]);
    expect(blankLines).toBe(2);
    // All-blank answers: no total, and item 9 is unknown, never assumed 0.
    expect(scored[2]?.score.flags.map((f) => f.status)).toEqual(['unknown']);
  });

  it('never carries a cell value in a row issue', () => {
    const r = score(`${header}\nS1,甲,1,1,1,1,1,1,1,1,9876`);
    expect(JSON.stringify(r)).not.toContain('9876');
    expect(JSON.stringify(r)).not.toContain('甲');
  });

  it('accepts padding with empty trailing cells but not extra data', () => {
    const r = score(`${header}\nS1,甲,1,1,1,1,1,1,1,1,0,,\nS2,乙,1,1,1,1,1,1,1,1,0,x`);
    expect(r.ok && [r.value.scored.length, r.value.rejected.length]).toEqual([1, 1]);
  });

  it.each([
    ['', { code: 'empty' }],
    ['\n\n', { code: 'empty' }],
    [`${header}\n`, { code: 'no-rows' }],
    [`${header}\nS1,"甲,1\n`, { code: 'unterminated-quote', line: 2 }],
    ['学号,1,2,3', { code: 'columns', issues: [{ code: 'missing-items', items: ['4', '5', '6', '7', '8', '9'] }] }],
  ])('file problem for %j', (text, problem) => {
    expect(score(text)).toEqual({ ok: false, error: problem });
  });

  it('passes scoring options through', () => {
    const r = scoreCsvText(`${header}\nS1,甲,1,1,1,1,1,1,1,1,1`, {
      delimiter: ',',
      definition: phq9,
      known: instruments,
      score: { coding: 'one-based' },
    });
    expect(r.ok && r.value.scored[0]?.score.total).toBe(0);
  });
});
