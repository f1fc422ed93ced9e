/**
 * The typed results of a benchmark run: what the measurement modules collect, what results.json holds
 * (and --report-only reads back), and what report.ts renders.
 */

export type Variant = 'l1' | 'l2';

/** What one synthesis process reports (see synth.ts and synth.py). */
export interface SynthRun {
  readonly variant: Variant;
  readonly n: number;
  readonly loadMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  readonly validateMs?: number;
  readonly cpuMs: number;
  readonly maxRssKb: number;
  readonly rssAfterBuildKb?: number;
  readonly constructs?: number;
  readonly pythonRssKb?: number;
  readonly nodeRssKb?: number;
  /** Wall time of the whole process, measured by this driver. */
  processMs: number;
}

/** What the synthesized templates of one app look like. */
export interface TemplateStats {
  readonly stacks: number;
  readonly maxResourcesPerStack: number;
  readonly resources: number;
  readonly resourcesByType: Record<string, number>;
  /** Bytes of the template files as written by `cdk synth`. */
  readonly bytes: number;
  /** Bytes of the templates as minified JSON. */
  readonly minifiedBytes: number;
  /** Minified bytes with every logical ID replaced by one of the same length in both apps. */
  readonly normalizedBytes: number;
  readonly minifiedBytesByType: Record<string, number>;
  /** The templates themselves, by stack name (for comparisons; not written to results.json). */
  readonly templates?: Record<string, unknown>;
}

export interface Measured {
  readonly runs: SynthRun[];
  readonly templates: TemplateStats;
}

export interface ImportRun {
  readonly mode: string;
  readonly loadMs: number;
  readonly requireMs: number;
  readonly rssKb: number;
  processMs: number;
}

export interface ProfileSummary {
  readonly variant: Variant;
  readonly n: number;
  readonly sampledMs: number;
  /** Samples with a frame of the library (libDir) on the stack. */
  readonly libraryMs: number;
  /** Samples in the library's own code (its frame on top of the stack). */
  readonly librarySelfMs?: number;
  /** Samples under aws-cdk-lib's template validation. */
  readonly validationMs: number;
  /** Samples in module loading (require). */
  readonly requireMs: number;
  /** Samples with a frame of the app (app-l1.js / app-l2.js) on the stack: constructing the app. */
  readonly buildMs: number;
  /** Library functions by time with them on the stack. */
  readonly topLibraryFunctions: Array<{ name: string; ms: number }>;
  readonly file: string;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly python?: string;
  readonly awsCdkLib: string;
  readonly constructs: string;
  readonly jsiiPython?: string;
  readonly loadStart: string;
  loadEnd?: string;
}

export interface Revision {
  readonly libDir: string;
  readonly commit: string;
  readonly dirty: string[];
  readonly libCompiled: string;
  readonly libOlderThanSrc: boolean;
}

export interface Results {
  readonly date: string;
  readonly machine: Machine;
  readonly revision: Revision;
  readonly options: { sizes: number[]; reps: Record<number, number>; pythonReps: number; pythonN: number; importReps: number; quick: boolean };
  readonly ts: Record<number, Record<Variant, Measured>>;
  readonly minimized?: Record<Variant, Measured>;
  readonly python?: { n: number; status: string; measured?: Record<Variant, Measured>; sameTemplates?: Record<Variant, string> };
  readonly imports: { namespaces: string[]; runs: Record<string, ImportRun[]> };
  readonly profiles: ProfileSummary[];
  readonly durationS: number;
}
