/**
 * The driver's command line (see main.ts for the options).
 */
import * as path from 'path';
import { ROOT } from './common';

export interface Options {
  readonly sizes: number[];
  readonly reps: (n: number) => number;
  readonly pythonReps: number;
  readonly pythonN: number;
  readonly importReps: number;
  readonly python?: string;
  readonly libDir: string;
  readonly profile: boolean;
  readonly out: string;
  readonly quick: boolean;
  readonly fromResults?: string;
}

export function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = flag('--quick');
  const fixedReps = value('--reps') === undefined ? undefined : Number(value('--reps'));
  const pythonPath = value('--python') ?? path.join(ROOT, 'test', 'bindings', '.venv', 'bin', 'python');
  return {
    sizes: (value('--sizes') ?? '10,100,1000').split(',').map(Number),
    reps: (n) => fixedReps ?? (quick ? (n >= 1000 ? 1 : 2) : (n >= 1000 ? 5 : 7)),
    pythonReps: fixedReps ?? (quick ? 2 : 7),
    pythonN: Number(value('--python-n') ?? 100),
    importReps: quick ? 4 : 10,
    python: flag('--no-python') ? undefined : pythonPath,
    libDir: path.resolve(ROOT, value('--lib') ?? 'lib'),
    profile: !flag('--no-profile'),
    out: path.resolve(ROOT, value('--out') ?? path.join('docs', 'benchmarks.md')),
    quick,
    fromResults: value('--report-only') === undefined ? undefined : path.resolve(ROOT, value('--report-only')!),
  };
}
