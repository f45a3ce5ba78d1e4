import { describe, expect, it } from 'vitest';
import { erlangC } from './erlang-c.ts';
import { printedAs, unwrap } from './printed.ts';
import { priorityWaits } from './priority.ts';

describe('priorityWaits (Cobham, non-preemptive M/M/N, equal service rates)', () => {
  // reference/triage.md §3.3: M/M/5, AHT 900 s, λ = 2/4/10 per hour for R3+/R2/R1.
  const options = { callsPerHour: [2, 4, 10], handleSeconds: 900, agents: 5 };

  it.each([
    [0, 'R3+', '110.82'],
    [1, 'R2', '158.32'],
    [2, 'R1', '712.43'],
  ])('class %i (%s) waits %s s on average', (k, _name, wait) => {
    const v = unwrap(priorityWaits(options));
    if (!v.stable) throw new Error('expected stable');
    expect(printedAs(v.meanWaitSeconds[k] ?? Number.NaN, wait)).toBe(wait);
  });

  it('conserves work: the arrival-weighted mean wait equals FCFS Erlang C ASA', () => {
    const v = unwrap(priorityWaits(options));
    const c = unwrap(erlangC({ callsPerHour: 16, handleSeconds: 900, agents: 5, answerWithinSeconds: 0 }));
    if (!v.stable || !c.stable) throw new Error('expected stable');
    const weighted = v.meanWaitSeconds.reduce((s, w, k) => s + w * (options.callsPerHour[k] ?? 0), 0) / 16;
    expect(weighted).toBeCloseTo(c.asaSeconds, 9);
  });

  it('is unstable when the total load reaches N', () => {
    expect(unwrap(priorityWaits({ ...options, callsPerHour: [10, 10] }))).toEqual({
      stable: false,
      agents: 5,
      offeredLoad: 5,
    });
  });

  it('names a bad class rate', () => {
    const r = priorityWaits({ ...options, callsPerHour: [2, -4] });
    expect(r.ok ? undefined : r.error.params.field).toBe('callsPerHour[1]');
  });
});
