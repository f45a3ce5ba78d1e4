import { describe, expect, it } from 'vitest';
import { erlangA } from './erlang-a.ts';
import { DEFAULT_HOURLY_PROFILE } from './hourly-profile.ts';
import { hourlyStaffing } from './hourly-staffing.ts';
import { printedAs, unwrap } from './printed.ts';
import { fullTimeEquivalents, minimumAgents, shrinkagePositions } from './staffing.ts';

const target = (answerWithinSeconds: number, serviceLevel = 0.8) => ({ serviceLevel, answerWithinSeconds });

// reference/triage.md §3.1 and §3.3
describe('minimumAgents', () => {
  it.each([
    [720, 240, 15, 55],
    [200, 180, 20, 14],
  ])('Erlang C, %i calls/h, AHT %i s, 80/%i → N = %i', (callsPerHour, handleSeconds, t, agents) => {
    const r = unwrap(minimumAgents({ model: 'erlang-c', callsPerHour, handleSeconds, target: target(t) }));
    expect(r.agents).toBe(agents);
  });

  describe('Guangdong scale: 1,400 calls/day × peak factor, 80/20', () => {
    it.each([
      [1.0, 10, '9.72', 14, 11, 12],
      [1.0, 15, '14.58', 19, 16, 17],
      [1.5, 15, '21.87', 27, 23, 24],
      [2.0, 15, '29.17', 35, 29, 32],
      [2.0, 20, '38.89', 46, 38, 41],
    ])(
      'peak %d, AHT %i min, A = %s: Erlang C %i, Erlang A (60 s) %i, Erlang A (180 s) %i',
      (peak, minutes, load, c, a60, a180) => {
        const callsPerHour = (1400 / 24) * peak;
        const base = { callsPerHour, handleSeconds: minutes * 60, target: target(20) };
        const erlangCN = unwrap(minimumAgents({ ...base, model: 'erlang-c' }));
        // Within half a unit of the last printed digit, inclusive: the table prints A = 21.875 as 21.87.
        expect(Math.abs(erlangCN.metrics.offeredLoad - Number(load))).toBeLessThanOrEqual(0.005 + 1e-12);
        expect(erlangCN.agents).toBe(c);
        expect(unwrap(minimumAgents({ ...base, model: 'erlang-a', patienceSeconds: 60 })).agents).toBe(a60);
        expect(unwrap(minimumAgents({ ...base, model: 'erlang-a', patienceSeconds: 180 })).agents).toBe(a180);
      },
    );
  });

  describe('capacity of 5 seats at 80/20 (AHT 15 min)', () => {
    const five = (model: 'erlang-c' | 'erlang-a', callsPerHour: number) =>
      unwrap(
        model === 'erlang-c'
          ? minimumAgents({ model, callsPerHour, handleSeconds: 900, target: target(20) })
          : minimumAgents({ model, callsPerHour, handleSeconds: 900, target: target(20), patienceSeconds: 120 }),
      ).agents;

    it('Erlang C: 11.5 calls/h fit, 12 do not', () => {
      expect(five('erlang-c', 11.5)).toBe(5);
      expect(five('erlang-c', 12)).toBe(6);
    });

    it('Erlang A (patience 120 s): 14.5 calls/h fit, 15 do not, but 13.6 % hang up', () => {
      expect(five('erlang-a', 14.5)).toBe(5);
      expect(five('erlang-a', 15)).toBe(6);
      const v = unwrap(
        erlangA({ callsPerHour: 14.5, handleSeconds: 900, agents: 5, patienceSeconds: 120, answerWithinSeconds: 20 }),
      );
      expect(printedAs(v.pAbandon, '0.136')).toBe('0.136');
    });

    it('an abandonment ceiling of 5 % needs more seats than the service level alone', () => {
      const r = unwrap(
        minimumAgents({
          model: 'erlang-a',
          callsPerHour: 14.5,
          handleSeconds: 900,
          target: target(20),
          patienceSeconds: 120,
          maxAbandon: 0.05,
        }),
      );
      expect(r.agents).toBeGreaterThan(5);
      if (r.model !== 'erlang-a') throw new Error('expected erlang-a');
      expect(r.metrics.pAbandon).toBeLessThanOrEqual(0.05);
      const fewer = unwrap(
        erlangA({
          callsPerHour: 14.5,
          handleSeconds: 900,
          agents: r.agents - 1,
          patienceSeconds: 120,
          answerWithinSeconds: 20,
        }),
      );
      expect(fewer.pAbandon).toBeGreaterThan(0.05);
    });
  });

  it('an ASA target adds seats until the answered callers wait no longer than it', () => {
    const base = { model: 'erlang-c' as const, callsPerHour: 200, handleSeconds: 180, target: target(20) };
    const r = unwrap(minimumAgents({ ...base, maxAsaSeconds: 5 }));
    expect(r.agents).toBe(15); // ASA 7.84 s at 14, 3.67 s at 15 (§3.3)
  });

  it('gives up with a value when the cap is too low', () => {
    const r = minimumAgents({
      model: 'erlang-c',
      callsPerHour: 720,
      handleSeconds: 240,
      target: target(15),
      maxAgents: 50,
    });
    expect(r).toEqual({ ok: false, error: { code: 'CORE_STAFFING_UNREACHABLE', params: { maxAgents: '50' } } });
  });

  it.each([
    [{ serviceLevel: 1, answerWithinSeconds: 20 }, 'target.serviceLevel'],
    [{ serviceLevel: 0.8, answerWithinSeconds: -1 }, 'target.answerWithinSeconds'],
  ])('refuses %o', (t, field) => {
    const r = minimumAgents({ model: 'erlang-c', callsPerHour: 10, handleSeconds: 180, target: t });
    expect(r.ok ? undefined : r.error.params.field).toBe(field);
  });
});

describe('shrinkage and FTE', () => {
  it.each([
    [14, 0.3, 20],
    [40, 0.3, 58],
    [10, 0, 10],
  ])('%i agents with %d shrinkage → %i positions', (agents, shrinkage, positions) => {
    expect(unwrap(shrinkagePositions({ agents, shrinkage }))).toBe(positions);
  });

  it('5 seats around the clock, 40 h contracts, 30 % shrinkage → 30.0 FTE', () => {
    expect(printedAs(unwrap(fullTimeEquivalents({ seats: 5, contractHoursPerWeek: 40, shrinkage: 0.3 })), '30.0')).toBe(
      '30.0',
    );
    const hourly = Array.from({ length: 24 }, () => 5);
    expect(
      printedAs(unwrap(fullTimeEquivalents({ seats: hourly, contractHoursPerWeek: 40, shrinkage: 0.3 })), '30.0'),
    ).toBe('30.0');
  });

  it('refuses shrinkage of 100 % and a seat list that is not 24 hours long', () => {
    expect(shrinkagePositions({ agents: 3, shrinkage: 1 }).ok).toBe(false);
    expect(fullTimeEquivalents({ seats: [1, 2], contractHoursPerWeek: 40, shrinkage: 0 }).ok).toBe(false);
  });
});

describe('hourlyStaffing', () => {
  const options = {
    model: 'erlang-c' as const,
    callsPerDay: 1400,
    handleSeconds: 600,
    target: target(20),
    shrinkage: 0.3,
    contractHoursPerWeek: 40,
  };

  it('a flat profile staffs every hour like the uniform Guangdong case (14 seats at 80/20, AHT 10 min)', () => {
    const r = unwrap(hourlyStaffing({ ...options, profile: Array.from({ length: 24 }, () => 1) }));
    expect(r.hours.map((h) => h.agents)).toEqual(Array.from({ length: 24 }, () => 14));
    expect(r.hours.every((h) => h.positions === 20)).toBe(true);
    expect(r.seatHoursPerDay).toBe(336);
    expect(printedAs(r.fte, '84.0')).toBe('84.0'); // 14 × 168 / (40 × 0.7)
  });

  it('the default evening/night profile puts the most seats in the evening peak', () => {
    const r = unwrap(hourlyStaffing({ ...options, profile: DEFAULT_HOURLY_PROFILE }));
    const busiest = r.hours.reduce((a, b) => (b.agents > a.agents ? b : a));
    expect(busiest.hour).toBeGreaterThanOrEqual(18);
    expect(busiest.hour).toBeLessThan(23);
    expect(r.peakAgents).toBe(busiest.agents);
    expect(r.hours.reduce((s, h) => s + h.callsPerHour, 0)).toBeCloseTo(1400, 9);
    expect(r.hours.every((h) => h.agents >= 1 && h.serviceLevel >= 0.8)).toBe(true);
  });

  it('the default profile has an evening peak and more than 60 % of calls between 18:00 and 06:00', () => {
    const total = DEFAULT_HOURLY_PROFILE.reduce((a, b) => a + b, 0);
    const night = DEFAULT_HOURLY_PROFILE.filter((_, h) => h >= 18 || h < 6).reduce((a, b) => a + b, 0);
    expect(DEFAULT_HOURLY_PROFILE).toHaveLength(24);
    expect(total).toBeCloseTo(100, 9);
    expect(night / total).toBeGreaterThan(0.6);
  });

  it('refuses a profile that is not 24 non-negative shares with a positive sum', () => {
    const field = (profile: readonly number[]) => {
      const r = hourlyStaffing({ ...options, profile });
      return r.ok ? undefined : r.error.params.field;
    };
    expect(field([1, 2, 3])).toBe('profile');
    expect(field(Array.from({ length: 24 }, (_, h) => (h === 3 ? -1 : 1)))).toBe('profile[3]');
    expect(field(Array.from({ length: 24 }, () => 0))).toBe('sum of profile');
  });
});
