import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const files = scratch();
afterAll(() => files.done());

interface Json {
  model: string;
  callsPerDay: number;
  profile: { source: string; file: string | null; shares: number[] };
  target: { serviceLevel: number; answerWithinSeconds: number };
  maxAbandon: number | null;
  shrinkage: number;
  hours: {
    hour: number;
    callsPerHour: number;
    agents: number;
    positions: number;
    serviceLevel: number;
    pAbandon: number;
  }[];
  seatHoursPerDay: number;
  peakAgents: number;
  fte: number;
}

const json = (args: readonly string[]) => {
  const r = runCli(['simulate', 'staffing', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Json;
};

describe('triage simulate staffing', () => {
  it('sizes the 100 calls/30 min Erlang C case: 14 seats, 20 positions at 30 % shrinkage (reference §3.3)', () => {
    const r = json(['--calls-per-hour', '200', '--aht', '3m', '--target', '80/20', '--model', 'erlang-c']);
    expect(r.profile.source).toBe('flat');
    expect(r.hours).toHaveLength(24);
    expect(new Set(r.hours.map((h) => h.agents))).toEqual(new Set([14]));
    expect(r.hours[0]?.positions).toBe(20);
    expect(r.hours[0]?.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(r.fte).toBeCloseTo((14 * 168) / (40 * 0.7), 9);
  });

  it('prints one row for a steady rate, with positions and FTE', () => {
    const r = runCli(['simulate', 'staffing', '--calls-per-hour', '200', '--aht', '180', '--model', 'erlang-c']);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^each hour\s/.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.split(/\s{2,}/).slice(1, 4)).toEqual(['200.0', '14', '20']);
    expect(r.stdout).toContain('14 seats (20 positions) every hour; 336 seat-hours a day.');
    expect(r.stdout).toContain('84.0 FTE (40 h/week contracts, shrinkage 30%)');
  });

  it('staffs a 1,400 calls/day line hour by hour on the default evening/night profile, with an abandonment ceiling', () => {
    const r = json(['--calls-per-day', '1400', '--max-abandon', '5%']);
    expect(r.model).toBe('erlang-a');
    expect(r.profile.source).toBe('default');
    expect(r.hours.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(r.hours.reduce((s, h) => s + h.callsPerHour, 0)).toBeCloseTo(1400, 9);
    for (const h of r.hours) {
      expect(h.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(h.pAbandon).toBeLessThanOrEqual(0.05);
    }
    const peak = r.hours.find((h) => h.agents === r.peakAgents);
    expect(peak?.hour).toBeGreaterThanOrEqual(18);
    expect(r.seatHoursPerDay).toBe(r.hours.reduce((s, h) => s + h.agents, 0));
    expect(r.fte).toBeCloseTo((7 * r.seatHoursPerDay) / (40 * 0.7), 9);
  });

  it('reads a CSV profile of "hour,share" rows in any order, header included', () => {
    const rows = Array.from({ length: 24 }, (_, h) => `${(h * 7) % 24},${h === 0 ? 0 : 1}`);
    const file = files.write('hours.csv', ['hour,share', ...rows].join('\n'));
    const r = json(['--calls-per-day', '230', '--profile', file, '--aht', '10m']);
    expect(r.profile).toMatchObject({ source: 'file', file });
    // Hour 0 has share 0, so no calls, yet a 24-hour line keeps a seat.
    expect(r.hours[0]).toMatchObject({ callsPerHour: 0, agents: 1 });
    expect(r.hours[1]?.callsPerHour).toBeCloseTo(10, 12);
  });

  it('reads a YAML profile', () => {
    const file = files.write('hours.yaml', `shares: [${Array.from({ length: 24 }, () => 1).join(', ')}]\n`);
    const r = json(['--calls-per-day', '240', '--profile', file, '--aht', '180', '--model', 'erlang-c']);
    expect(r.hours.every((h) => h.callsPerHour === 10)).toBe(true);
  });

  it('speaks Chinese with --lang zh', () => {
    const r = runCli(['simulate', 'staffing', '--calls-per-hour', '12', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('每小时最少座席数（Erlang A');
    expect(r.stdout).toContain('全职当量');
  });

  it.each([
    [['--calls-per-hour', '12', '--bogus'], 'unknown flag --bogus'],
    [['--calls-per-hour', '12', '--model', 'erlang-x'], '--model must be one of: erlang-a, erlang-c'],
    [[], 'give exactly one of --calls-per-day and --calls-per-hour'],
    [['--calls-per-day', '100', '--calls-per-hour', '4'], 'give exactly one of'],
    [['--calls-per-hour', '12', '--target', '80'], '--target "80": expected SERVICE-LEVEL/SECONDS'],
    [['--calls-per-hour', '12', '--aht', 'long'], '--aht "long": expected a duration'],
    [['--calls-per-hour', '12', '--shrinkage', '100%'], '--shrinkage "100%": expected a share'],
    [['--calls-per-hour', '12', '--model', 'erlang-c', '--max-abandon', '5%'], '--max-abandon needs --model erlang-a'],
    [['--calls-per-hour', '12', '--profile', 'x.csv'], '--profile applies only with --calls-per-day'],
    [['--calls-per-hour', '12', '--max-abandon', '0'], '--max-abandon "0": expected a share above 0 and below 100 %'],
    [
      ['--calls-per-hour', '12', '--contract-hours', '0'],
      '--contract-hours "0": expected the paid hours of a full-time week, above 0 and at most 168',
    ],
    // No calls: nothing to size (the search would print one seat an hour and 6 FTE as if planned from demand).
    [['--calls-per-day', '0'], '--calls-per-day "0": expected a number of calls above 0, such as 1400'],
    [['--calls-per-day', '0.0', '--model', 'erlang-c'], '--calls-per-day "0.0": expected a number of calls above 0'],
    [['--calls-per-hour', '0'], '--calls-per-hour "0": expected a number of calls above 0, such as 12'],
    [['--calls-per-day', 'many'], '--calls-per-day "many": expected a number of calls above 0'],
    [
      ['--calls-per-day', '0', '--lang', 'zh'],
      '--calls-per-day "0"：应为大于 0 的来电数，例如 1400（没有来电就无需排班）',
    ],
    [
      ['--calls-per-hour', '12', '--max-abandon', '0', '--lang', 'zh'],
      '--max-abandon "0"：应为大于 0、小于 100% 的比例',
    ],
  ])('%j is a usage error (exit 2): %s', (args, message) => {
    const r = runCli(['simulate', 'staffing', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('reports a usage error as JSON under --json', () => {
    const r = runCli(['simulate', 'staffing', '--calls-per-hour', '12', '--target', '80', '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'CLI_USAGE', exitCode: 2 } });
  });

  it('names the line of a bad profile and a missing file', () => {
    const file = files.write('bad.csv', 'share\n1\n2\nx\n');
    const bad = runCli(['simulate', 'staffing', '--calls-per-day', '100', '--profile', file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${file}: not an hourly profile: line 4: "x" is not a number ≥ 0`);
    const short = files.write('short.csv', '1\n2\n3\n');
    expect(runCli(['simulate', 'staffing', '--calls-per-day', '100', '--profile', short]).stderr).toContain(
      '3 hours given, expected 24',
    );
    const missing = runCli(['simulate', 'staffing', '--calls-per-day', '100', '--profile', `${files.dir}/none.csv`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('file not found');
  });
});
