import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, openInChromium } from './chromium.ts';
import { runCli, scratch } from './run-cli.ts';

const files = scratch();
afterAll(() => files.done());
const hasScript = existsSync('/usr/bin/script');
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const example = (name: string) => fileURLToPath(new URL(`../../../examples/simulate/${name}`, import.meta.url));

/** A week of the 5-seat city line: quick, but every table row is filled. */
const cityWeek = files.write(
  'city-week.yaml',
  readFileSync(example('city-line-5-seats.yaml'), 'utf8').replace(/^horizon: .*$/m, 'horizon: 7d'),
);

interface Estimate {
  mean: number;
  low: number | null;
  high: number | null;
  n: number;
}
interface Json {
  scenarioFile: string;
  html: string | null;
  report: {
    scenario: string;
    replications: number;
    seeds: number[];
    classes: { class: string; offered: Estimate; serviceLevel: Estimate }[];
    overall: { class: string; offered: Estimate; serviceLevel: Estimate; abandonRate: Estimate };
    hourly: { hour: number; offered: number }[];
    occupancy: Estimate;
  };
}

describe('triage simulate hotline', () => {
  it('prints KPIs per class with 95% CIs and the hourly profile', () => {
    const r = runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', '3']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('City line, 5 seats, 24 h: 7.0 days simulated');
    expect(r.stdout).toMatch(/^R4 +\d+ ±\d+ +\d+\.\d% ±\d+\.\d/m);
    expect(r.stdout).toMatch(/^all inbound /m);
    expect(r.stdout).toMatch(/^follow-up /m);
    expect(r.stdout).toContain('P(an R4 caller waits at all):');
    expect(r.stdout).toMatch(/^23–24 /m);
  });

  it('returns the report under --json, the same for the same seed and different for another', () => {
    const run = (seed: string) =>
      runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', '2', '--seed', seed, '--json']);
    const a = run('4');
    expect(a.status).toBe(0);
    expect(a.stderr).toBe('');
    const json = JSON.parse(a.stdout) as Json;
    expect(json.scenarioFile).toBe(cityWeek);
    expect(json.html).toBeNull();
    expect(json.report.replications).toBe(2);
    expect(json.report.classes.map((c) => c.class)).toEqual(['R4', 'R3', 'R2', 'R1', 'R0', 'follow-up']);
    expect(json.report.hourly).toHaveLength(24);
    const { serviceLevel } = json.report.overall;
    expect(serviceLevel.low).toBeLessThanOrEqual(serviceLevel.mean);
    expect(serviceLevel.mean).toBeGreaterThan(0.5);
    expect(run('4').stdout).toBe(a.stdout);
    expect(run('5').stdout).not.toBe(a.stdout);
  });

  it('writes a self-contained HTML chart with mode 0600', () => {
    const html = join(files.dir, 'hourly.html');
    const r = runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', '2', '--html', html]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`Hourly chart written to ${html}`);
    expect(statSync(html).mode & 0o777).toBe(0o600);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).toContain('<polyline');
    // Nothing to fetch: no scripts, no external resources.
    expect(page).not.toMatch(/<script|src=|href=|@import|url\(/i);
  });

  // In CI the browser is installed (report-html.test.ts fails there without it); locally it may be missing.
  it.skipIf(chromiumMissing() !== null)('opens cleanly in headless Chromium, in both languages', async () => {
    for (const lang of ['en', 'zh']) {
      const html = join(files.dir, `hourly-${lang}.html`);
      const r = runCli([
        'simulate',
        'hotline',
        '--scenario',
        cityWeek,
        '--replications',
        '2',
        '--html',
        html,
        '--lang',
        lang,
      ]);
      expect(r.status).toBe(0);
      const page = await openInChromium(html, { viewport: { width: 390, height: 844 } });
      expect(page.consoleMessages).toEqual([]);
      expect(page.pageErrors).toEqual([]);
      expect(page.requests).toEqual([]);
      expect(page.scripts).toBe(0);
      expect(page.lang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      // Every hour of the day is labelled on the chart a reader sees.
      expect(page.text).toMatch(/23/);
    }
  });

  it('speaks Chinese with --lang zh', () => {
    const r = runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', '2', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('次重复');
    expect(r.stdout).toContain('坐席占用率');
  });

  it('reports a scenario problem at its line and column (exit 1)', () => {
    const bad = files.write(
      'bad.yaml',
      [
        'horizon: 7d',
        'arrivals: { perHour: 10 }',
        'seats: 2',
        'classes:',
        '  - level: R1',
        '    share: 1',
        '    handle: { dist: lognormal, mean: 10m }',
      ].join('\n'),
    );
    const r = runCli(['simulate', 'hotline', '--scenario', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^Error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:\\d+: classes\\.0\\.handle\\.sd: `),
    );
    const syntax = files.write('syntax.yaml', 'horizon: 7d\narrivals: { perHour: 10\nseats: 2\n');
    const s = runCli(['simulate', 'hotline', '--scenario', syntax, '--json']);
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/syntax\.yaml:\d+:\d+: /);
    expect(JSON.parse(s.stdout)).toMatchObject({ error: { code: 'CLI_SCENARIO_INVALID', exitCode: 1 } });
  });

  it('rejects a missing file and a replication count below 2', () => {
    const missing = runCli(['simulate', 'hotline', '--scenario', join(files.dir, 'nope.yaml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('file not found');
    const zero = runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', '0']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('--replications 0');
    // One replication has no confidence interval: refused as a range, before the scenario is read.
    const one = runCli([
      'simulate',
      'hotline',
      '--scenario',
      join(files.dir, 'nope.yaml'),
      '--replications',
      '1',
      '--json',
    ]);
    expect(one.status).toBe(2);
    expect(JSON.parse(one.stdout)).toEqual({
      error: { code: 'CLI_USAGE', exitCode: 2, message: '--replications 1: expected a whole number ≥ 2' },
    });
  });

  it('refuses a run too large to finish, before simulating, saying the estimate, the limit and what to change', () => {
    const typo = files.write(
      'typo.yaml',
      readFileSync(cityWeek, 'utf8').replace(/^ {2}perDay: .*$/m, '  perDay: 1e12'),
    );
    const started = Date.now();
    const r = runCli(['simulate', 'hotline', '--scenario', typo]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // 1e12 a day × 8 days (warm-up included) × 1.22: R4 and R3 calls bring 3 and 2 follow-ups.
    expect(r.stderr).toMatch(
      /^Error: .*typo\.yaml: about 9,760,000,000,000 contacts in each replication \(arrivals and follow-ups over 8 simulated days, warm-up included\), more than the 20,000,000 a replication the simulator takes\. Check the arrival rate \(perDay, perHour, hourlyRates, surges\) for a typo, or shorten the horizon\.\n$/,
    );
    const zh = runCli(['simulate', 'hotline', '--scenario', typo, '--lang', 'zh', '--json']);
    expect(zh.status).toBe(1);
    const error = (JSON.parse(zh.stdout) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('CLI_SCENARIO_INVALID');
    expect(error.message).toMatch(/typo\.yaml：每次重复约 9\.76万亿 个来电.*超过仿真上限每次 2000万 个/);

    const many = runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', '1000000']);
    expect(many.status).toBe(1);
    expect(many.stderr).toMatch(
      /about [\d,]+ contacts in all \([\d,]+ in each of 1000000 replications\), more than the 200,000,000 one run takes \(minutes of work\)\. Use --replications \d+ or fewer, or a shorter horizon\./,
    );
    // The number it suggests runs (its estimate is under the limit); checked without running it.
    const fits = Number(/--replications (\d+) or fewer/.exec(many.stderr)?.[1]);
    expect(fits).toBeGreaterThan(100);
    const over = runCli(['simulate', 'hotline', '--scenario', cityWeek, '--replications', String(fits + 1)]);
    expect(over.stderr).toContain('contacts in all');
  });

  it.skipIf(!hasScript)('draws a progress bar on a terminal for a long run, and clears it', () => {
    const args = [process.execPath, bin, 'simulate', 'hotline', '--scenario', example('provincial-1400.yaml')];
    const command = [...args, '--replications', '40'].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    const { NODE_ENV: _n, ...inherited } = process.env;
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...inherited, NO_COLOR: '1', LANG: 'en_US.UTF-8', TERM: 'xterm' },
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\r\[#*\.*\] +\d+% replication \d+\/40/);
    expect(r.stdout).toContain('\r\u001b[K');
    expect(r.stdout).toContain('all inbound');
  });

  it('runs the provincial example', () => {
    const r = runCli([
      'simulate',
      'hotline',
      '--scenario',
      example('provincial-1400.yaml'),
      '--replications',
      '2',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.report.overall.offered.mean / 28).toBeGreaterThan(1350);
    expect(json.report.overall.offered.mean / 28).toBeLessThan(1450);
  });
});

describe('docs/simulate/en.md', () => {
  it('shows the city line as a run prints it (same scenario and seed, same numbers on any machine)', () => {
    const guide = readFileSync(fileURLToPath(new URL('../../../docs/simulate/en.md', import.meta.url)), 'utf8');
    const start = guide.indexOf('City line, 5 seats, 24 h:');
    const end = guide.indexOf('\n```', start);
    expect(start).toBeGreaterThan(0);
    const r = runCli(['simulate', 'hotline', '--scenario', example('city-line-5-seats.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(guide.slice(start, end));
  });
});
