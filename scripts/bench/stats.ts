/**
 * Statistics over the runs and number formatting, for the log and the report.
 */
import { Measured, SynthRun, Variant } from './results';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of a numeric field of the runs. */
export function med<T extends object>(runs: T[], key: keyof T): number {
  return median(runs.map((r) => Number(r[key] ?? 0)));
}

/**
 * The median of the L2/L1 ratios of runs made one after the other (runs[i] of both variants), of
 * `key` minus `minus` when given.
 */
export function pairedRatio(m: Record<Variant, Measured>, key: keyof SynthRun, minus?: keyof SynthRun): number {
  const value = (x: SynthRun) => Number(x[key] ?? 0) - (minus ? Number(x[minus] ?? 0) : 0);
  const count = Math.min(m.l2.runs.length, m.l1.runs.length);
  return median(Array.from({ length: count }, (_, i) => value(m.l2.runs[i]) / value(m.l1.runs[i])));
}

/** ` (min–max)` of a numeric field of the runs; empty for a single run. */
export function range<T extends object>(runs: T[], key: keyof T, fmt: (v: number) => string): string {
  const values = runs.map((r) => Number(r[key] ?? 0));
  return values.length < 2 ? '' : ` (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function fmtMb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

export function fmtBytes(b: number): string {
  return b.toLocaleString('en-US');
}

export function ratio(a: number, b: number): string {
  return (a / b).toFixed(3);
}

export function pct(a: number, b: number): string {
  const p = (a / b - 1) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}
