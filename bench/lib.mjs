/** Helpers shared by the benchmark scripts: paths, statistics, number formatting, the machine line. */
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** 1234567.8 → "1,234,568". */
export function int(value) {
  return Math.round(value).toLocaleString('en-US');
}

export function fixed(value, digits = 1) {
  return value.toFixed(digits);
}

export function verdict(met) {
  return met ? 'PASS' : 'MISS';
}

/** What the figures depend on, printed above them. */
export function machine() {
  const cpu = cpus();
  return `node ${process.version} · ${process.platform}-${process.arch} · ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}`;
}

/** mulberry32: small, fast, seedable; the same seed gives the same numbers on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
