import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../rules/yaml-file.ts';
import { clockSeconds, durationSeconds } from './duration.ts';
import { hotlineScenarioSchema } from './scenario.ts';

describe('durations and times of day', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h30m', 5400],
    ['2d18h', 2 * 86_400 + 18 * 3600],
    ['0.5h', 1800],
  ])('%s = %d s', (text, seconds) => expect(durationSeconds(text)).toBe(seconds));

  it.each(['', '15', 'm', '1 h', '-5m', '1w'])('rejects %j', (text) => expect(durationSeconds(text)).toBeNaN());

  it.each([
    ['00:00', 0],
    ['08:30', 30_600],
    ['24:00', 86_400],
  ])('%s is %d s after midnight', (text, seconds) => expect(clockSeconds(text)).toBe(seconds));

  it.each(['8:00', '24:30', '12:60', 'noon'])('rejects %j as a time of day', (text) =>
    expect(clockSeconds(text)).toBeNaN(),
  );
});

const minimal = {
  horizon: '1d',
  arrivals: { perHour: 10 },
  seats: 2,
  classes: [{ level: 'R1', share: 1, handle: { dist: 'exponential', mean: '10m' } }],
};

describe('hotlineScenarioSchema', () => {
  it('fills in defaults and turns durations into seconds', () => {
    const s = hotlineScenarioSchema.parse(minimal);
    expect(s).toMatchObject({ horizon: 86_400, warmUp: 0, serviceLevel: 20, startDay: 'mon', shrinkage: 0 });
    expect(s.classes[0]).toMatchObject({ handle: { mean: 600 }, patience: 'infinite', preempt: false });
  });

  it.each([
    ['both rates', { arrivals: { perHour: 1, perDay: 24 } }, 'arrivals'],
    ['no rate', { arrivals: {} }, 'arrivals'],
    ['23 hour shares', { arrivals: { perDay: 10, hourShares: Array(23).fill(1) } }, 'arrivals.hourShares'],
    ['a level twice', { classes: [minimal.classes[0], minimal.classes[0]] }, 'classes.1.level'],
    ['an unknown level', { classes: [{ ...minimal.classes[0], level: 'R9' }] }, 'classes.0.level'],
    ['a bad duration', { horizon: '1 day' }, 'horizon'],
    ['an unknown key', { seatz: 3 }, ''],
  ])('rejects %s', (_, change, path) => {
    const r = hotlineScenarioSchema.safeParse({ ...minimal, ...change });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('locates a problem in a YAML file to its line and column', () => {
    const text = [
      'horizon: 1d',
      'arrivals: { perHour: 10 }',
      'seats: 2',
      'classes:',
      '  - level: R1',
      '    share: 1',
      '    handle: { dist: lognormal, mean: 10m }',
    ].join('\n');
    const r = parseYamlFile(hotlineScenarioSchema, text, 's.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ file: 's.yaml', line: 7, path: 'classes.0.handle.sd' });
  });
});
