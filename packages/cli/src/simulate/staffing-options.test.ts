import { describe, expect, it } from 'vitest';
import { staffingMessages } from './staffing-messages.ts';
import {
  parseAbandonCeiling,
  parseCalls,
  parseContractHours,
  parseDuration,
  parseShare,
  parseTarget,
} from './staffing-options.ts';

const text = staffingMessages('en');

describe('staffing flag values', () => {
  it.each([
    ['900', 900],
    ['900s', 900],
    ['15m', 900],
    ['15 min', 900],
    ['0.25h', 900],
    ['2.5m', 150],
  ])('duration %s → %i s', (value, seconds) => {
    expect(parseDuration('aht', value, text)).toBe(seconds);
  });

  it.each([
    ['1400', 1400],
    ['0.5', 0.5],
    [' 12 ', 12],
  ])('calls %j → %d', (value, calls) => {
    expect(parseCalls('calls-per-day', value, text)).toBe(calls);
  });

  it.each(['0', '0.0', '.0', '', '-3', '1e3', 'many', `9${'9'.repeat(400)}`])('calls %j are refused', (value) => {
    expect(() => parseCalls('calls-per-day', value, text)).toThrow(
      /--calls-per-day ".*": expected a number of calls above 0/,
    );
  });

  it.each(['', '0', '-5', '15 minutes', 'abc'])('duration %j is refused', (value) => {
    expect(() => parseDuration('aht', value, text)).toThrow(/--aht/);
  });

  it.each([
    ['5%', 0.05],
    ['0.05', 0.05],
    ['30', 0.3],
    ['0', 0],
    ['99.5%', 0.995],
  ])('share %s → %d', (value, share) => {
    expect(parseShare('shrinkage', value, text)).toBeCloseTo(share, 12);
  });

  it.each(['100%', '1', '150', '-1%', 'half'])('share %j is refused', (value) => {
    expect(() => parseShare('shrinkage', value, text)).toThrow(/--shrinkage/);
  });

  it.each([
    ['80/20', 0.8, 20],
    ['80%/20s', 0.8, 20],
    ['0.9/1m', 0.9, 60],
  ])('target %s → %d within %i s', (value, serviceLevel, answerWithinSeconds) => {
    const t = parseTarget(value, text);
    expect(t.serviceLevel).toBeCloseTo(serviceLevel, 12);
    expect(t.answerWithinSeconds).toBe(answerWithinSeconds);
  });

  it.each(['80', '80/20/5', '0/20', '80/0', '100/20', '/20'])('target %j is refused', (value) => {
    expect(() => parseTarget(value, text)).toThrow(/--target/);
  });

  it.each([
    ['5%', 0.05],
    ['0.001', 0.001],
    ['99%', 0.99],
  ])('abandonment ceiling %s → %d', (value, share) => {
    expect(parseAbandonCeiling(value, text)).toBeCloseTo(share, 12);
  });

  // 0 is refused: with callers who hang up, some always do, whatever the seats.
  it.each(['0', '0%', '100%', '1', 'five'])('abandonment ceiling %j is refused with its range', (value) => {
    expect(() => parseAbandonCeiling(value, text)).toThrow(
      `--max-abandon "${value}": expected a share above 0 and below 100 %`,
    );
  });

  it.each([
    ['40', 40],
    ['37.5', 37.5],
    ['168', 168],
  ])('contract hours %s → %d', (value, hours) => {
    expect(parseContractHours(value, text)).toBe(hours);
  });

  it.each(['0', '169', '-40', 'forty', ''])('contract hours %j are refused with their range', (value) => {
    expect(() => parseContractHours(value, text)).toThrow(
      `--contract-hours "${value}": expected the paid hours of a full-time week, above 0 and at most 168`,
    );
  });
});
