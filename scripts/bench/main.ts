/**
 * Benchmark driver (projen task `bench`, through scripts/bench/run.sh): runs every measurement in
 * fresh processes and writes docs/benchmarks.md (plus the raw numbers in
 * test-reports/bench/results.json).
 *
 * 1. TypeScript synthesis, N = 10, 100, 1000 versions: the scenario of scenario.ts built with this
 *    library (app-l2.ts) and with L1s only (app-l1.ts), each run in its own `node synth.js`
 *    process, L2 and L1 alternating; medians of wall time, peak RSS; template bytes and resource
 *    counts of the synthesized templates.
 * 2. Python binding, N = 100: the same two apps through jsii (synth.py), in fresh interpreters.
 * 3. Import cost: `require` of the library vs only the aws-cdk-lib namespaces it uses (load.js).
 * 4. A CPU profile (`node --cpu-prof`) of one L2 and one L1 synthesis at the largest N: where the
 *    time goes (the library's own code, aws-cdk-lib, template validation).
 *
 * Options: --quick (fewer repetitions), --sizes 10,100,1000, --reps N (for every size),
 * --python PATH (default test/bindings/.venv/bin/python), --no-python, --python-n N,
 * --lib DIR (compiled library, default lib), --no-profile, --out FILE (default docs/benchmarks.md),
 * --report-only RESULTS_JSON (only render the report from saved results, e.g. after editing notes.md).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

/** The repository root: the nearest directory above this script with the library's package.json. */
const ROOT = findRoot(__dirname);
const JS_DIR = __dirname;
const REPORT_DIR = path.join(ROOT, 'test-reports', 'bench');

// ------------------------------------------------------------------------------------------------
// Options

interface Options {
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

function parseOptions(argv: string[]): Options {
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

// ------------------------------------------------------------------------------------------------
// Measurements

type Variant = 'l1' | 'l2';

/** What one synthesis process reports (see synth.ts and synth.py). */
interface SynthRun {
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
interface TemplateStats {
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

interface Measured {
  readonly runs: SynthRun[];
  readonly templates: TemplateStats;
}

/** Where the synthesis runs write their cloud assemblies (created on first use, removed at the end). */
let tmpRoot: string | undefined;
let outdirCounter = 0;

function newOutdir(): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sagemaker-registry-bench-'));
  return path.join(tmpRoot, `out${++outdirCounter}`);
}

function removeTmp(): void {
  if (tmpRoot) {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}

/** Runs a command that prints one JSON line (its last line of output); returns it with the process wall time. */
function runJson<T>(command: string, args: string[], env: NodeJS.ProcessEnv = {}): T & { processMs: number } {
  const t0 = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf-8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const processMs = performance.now() - t0;
  const lines = (result.stdout ?? '').trim().split('\n');
  if (result.status !== 0 || !lines[lines.length - 1].startsWith('{')) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr ?? '').slice(-4000)}`);
  }
  return { ...JSON.parse(lines[lines.length - 1]), processMs };
}

/** Quiet jsii's node-version banner in the Python runs. */
const JSII_ENV = { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0] };

/**
 * Runs `reps` synthesis processes of each variant, alternating L2 and L1 so that drifting machine
 * load affects both alike; analyses the templates of the first run of each.
 */
function measureSynth(
  label: string,
  reps: number,
  run: (variant: Variant, outdir: string) => SynthRun,
): Record<Variant, Measured> {
  const runs: Record<Variant, SynthRun[]> = { l1: [], l2: [] };
  const templates: Partial<Record<Variant, TemplateStats>> = {};
  for (let i = 0; i < reps; i++) {
    for (const variant of (i % 2 === 0 ? ['l2', 'l1'] : ['l1', 'l2']) as Variant[]) {
      const outdir = newOutdir();
      const r = run(variant, outdir);
      runs[variant].push(r);
      log(`  ${label} ${variant} #${i + 1}: ${fmtMs(r.totalMs)} (validation ${r.validateMs === undefined ? '?' : fmtMs(r.validateMs)}), `
        + `peak RSS ${fmtMb(r.maxRssKb)}`);
      if (!templates[variant]) {
        templates[variant] = analyseTemplates(outdir);
      }
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  return {
    l1: { runs: runs.l1, templates: templates.l1! },
    l2: { runs: runs.l2, templates: templates.l2! },
  };
}

function nodeSynth(opts: Options, n: number, context?: Record<string, unknown>) {
  return (variant: Variant, outdir: string): SynthRun =>
    runJson<SynthRun>(process.execPath, [path.join(JS_DIR, 'synth.js'), variant, String(n), outdir, opts.libDir],
      context ? { CDK_CONTEXT_JSON: JSON.stringify(context) } : {});
}

function pythonSynth(python: string, n: number) {
  return (variant: Variant, outdir: string): SynthRun =>
    runJson<SynthRun>(python, [path.join(ROOT, 'scripts', 'bench', 'synth.py'), variant, String(n), outdir], JSII_ENV);
}

/** Reads the templates of a cloud assembly. */
function analyseTemplates(outdir: string): TemplateStats {
  const files = fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json')).sort();
  const resourcesByType: Record<string, number> = {};
  const minifiedBytesByType: Record<string, number> = {};
  const templates: Record<string, unknown> = {};
  let bytes = 0;
  let minifiedBytes = 0;
  let normalizedBytes = 0;
  let resources = 0;
  let maxResourcesPerStack = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.join(outdir, file), 'utf-8');
    const template = JSON.parse(text);
    templates[file.replace(/\.template\.json$/, '')] = template;
    bytes += Buffer.byteLength(text);
    const minified = JSON.stringify(template);
    minifiedBytes += Buffer.byteLength(minified);
    const ids = Object.keys(template.Resources ?? {});
    resources += ids.length;
    maxResourcesPerStack = Math.max(maxResourcesPerStack, ids.length);
    for (const [id, resource] of Object.entries<{ Type: string }>(template.Resources ?? {})) {
      resourcesByType[resource.Type] = (resourcesByType[resource.Type] ?? 0) + 1;
      // A resource's share: its logical ID (quoted, with the colon) and its body.
      minifiedBytesByType[resource.Type] = (minifiedBytesByType[resource.Type] ?? 0)
        + Buffer.byteLength(JSON.stringify({ [id]: resource })) - 2;
    }
    normalizedBytes += Buffer.byteLength(normalizeLogicalIds(minified, ids));
  }
  return {
    stacks: files.length,
    maxResourcesPerStack,
    resources,
    resourcesByType,
    bytes,
    minifiedBytes,
    normalizedBytes,
    minifiedBytesByType,
    templates,
  };
}

/**
 * Replaces each logical ID (wherever it appears as a whole JSON string: keys, Ref, Fn::GetAtt,
 * DependsOn, policy names) by `R` and a 5-digit number, so that the L2's hashed logical IDs and the
 * L1's short ones weigh the same.
 */
function normalizeLogicalIds(minified: string, ids: string[]): string {
  const replacement = new Map(ids.map((id, i) => [id, `R${String(i).padStart(5, '0')}`]));
  return minified.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, s: string) => {
    const r = replacement.get(s);
    return r === undefined ? whole : `"${r}"`;
  });
}

interface ImportRun {
  readonly mode: string;
  readonly loadMs: number;
  readonly requireMs: number;
  readonly rssKb: number;
  processMs: number;
}

function measureImports(opts: Options, namespaces: string[]): Record<string, ImportRun[]> {
  const modes = ['node', 'lib', 'lib+deps', 'deps'];
  const runs: Record<string, ImportRun[]> = Object.fromEntries(modes.map((m) => [m, []]));
  for (let i = 0; i < opts.importReps; i++) {
    for (const mode of i % 2 === 0 ? modes : [...modes].reverse()) {
      runs[mode].push(runJson<ImportRun>(process.execPath, [path.join(JS_DIR, 'load.js'), mode, opts.libDir, namespaces.join(',')]));
    }
  }
  return runs;
}

/** The aws-cdk-lib namespaces the compiled library uses (aws_cdk_lib_1.aws_iam, ...). */
function namespacesUsedBy(libDir: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(p);
      } else if (entry.name.endsWith('.js')) {
        for (const m of fs.readFileSync(p, 'utf-8').matchAll(/aws_cdk_lib_\d+\.(aws_[a-z0-9_]+)/g)) {
          found.add(m[1]);
        }
      }
    }
  };
  visit(libDir);
  return [...found].sort();
}

// ------------------------------------------------------------------------------------------------
// CPU profile

interface ProfileSummary {
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

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

function profileSynth(opts: Options, variant: Variant, n: number): ProfileSummary {
  const dir = path.join(REPORT_DIR, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const name = `synth-${variant}-${n}.cpuprofile`;
  fs.rmSync(path.join(dir, name), { force: true });
  const outdir = newOutdir();
  runJson<SynthRun>(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`,
    path.join(JS_DIR, 'synth.js'), variant, String(n), outdir, opts.libDir]);
  fs.rmSync(outdir, { recursive: true, force: true });
  return summarizeProfile(path.join(dir, name), variant, n, opts.libDir);
}

/** Where the sampled time of a CPU profile goes. */
function summarizeProfile(file: string, variant: Variant, n: number, libDir: string): ProfileSummary {
  const profile: CpuProfile = JSON.parse(fs.readFileSync(file, 'utf-8'));

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const libUrl = `file://${libDir}/`;
  const isLib = (url: string) => url.startsWith(libUrl) || url.startsWith(`${libDir}/`);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  let sampled = 0;
  let library = 0;
  let librarySelf = 0;
  let validation = 0;
  let requiring = 0;
  let building = 0;
  const libFunctions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    sampled += us;
    librarySelf += isLib(byId.get(id)!.callFrame.url) ? us : 0;
    let underLib = false;
    let underValidation = false;
    let underRequire = false;
    let underBuild = false;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      if (isLib(frame.url)) {
        underLib = true;
        const key = `${frame.functionName || '(anonymous)'} (${path.relative(ROOT, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1})`;
        if (!seen.has(key)) {
          seen.add(key);
          libFunctions.set(key, (libFunctions.get(key) ?? 0) + us);
        }
      }
      if (frame.functionName === 'validateTemplates' || frame.url.includes('@aws/cloudformation-validate')) {
        underValidation = true;
      }
      if (frame.functionName === 'require' && frame.url.startsWith('node:internal')) {
        underRequire = true;
      }
      if (/\/app-l[12]\.js$/.test(frame.url)) {
        underBuild = true;
      }
    }
    library += underLib ? us : 0;
    validation += underValidation ? us : 0;
    requiring += underRequire ? us : 0;
    building += underBuild ? us : 0;
  }
  return {
    variant,
    n,
    sampledMs: sampled / 1000,
    libraryMs: library / 1000,
    librarySelfMs: librarySelf / 1000,
    validationMs: validation / 1000,
    requireMs: requiring / 1000,
    buildMs: building / 1000,
    topLibraryFunctions: [...libFunctions].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([fn, us]) => ({ name: fn, ms: us / 1000 })),
    file: path.relative(ROOT, file),
  };
}

// ------------------------------------------------------------------------------------------------
// Environment

interface Machine {
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

function machine(python: string | undefined): Machine {
  const cpuinfo = readOr('/proc/cpuinfo', '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const memKb = Number(/^MemTotal:\s*(\d+)/m.exec(readOr('/proc/meminfo', ''))?.[1] ?? os.totalmem() / 1024);
  let pythonVersion: string | undefined;
  let jsiiPython: string | undefined;
  if (python) {
    const out = tryExec(python, ['-c', 'import sys, importlib.metadata as m; print(sys.version.split()[0], m.version("jsii"))']);
    [pythonVersion, jsiiPython] = out?.split(' ') ?? [];
  }
  return {
    cpu: model.trim(),
    cores: os.cpus().length,
    memoryGb: Math.round(memKb / 1024 / 1024 * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    python: pythonVersion,
    awsCdkLib: packageVersion('aws-cdk-lib'),
    constructs: packageVersion('constructs'),
    jsiiPython,
    loadStart: loadAverage(),
  };
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

function packageVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf-8')).version;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch {
    return fallback;
  }
}

function tryExec(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...JSII_ENV } }).trim();
  } catch {
    return undefined;
  }
}

interface Revision {
  readonly libDir: string;
  readonly commit: string;
  readonly dirty: string[];
  readonly libCompiled: string;
  readonly libOlderThanSrc: boolean;
}

function revision(libDir: string): Revision {
  const commit = tryExec('git', ['rev-parse', '--short', 'HEAD']) ?? 'unknown';
  const dirty = (tryExec('git', ['status', '--porcelain', '--', 'src']) ?? '').split('\n').filter((l) => l.trim().length > 0);
  const libIndex = path.join(libDir, 'index.js');
  const libTime = fs.statSync(libIndex).mtimeMs;
  const srcTimes = listFiles(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')).map((f) => fs.statSync(f).mtimeMs);
  return {
    libDir: path.relative(ROOT, libDir),
    commit,
    dirty,
    libCompiled: new Date(libTime).toISOString(),
    libOlderThanSrc: srcTimes.some((t) => t > libTime),
  };
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** Reads the fingerprint of the jsii assembly inside the installed Python package. */
const INSTALLED_FINGERPRINT = `
import glob, importlib.util, json, os, tarfile
spec = importlib.util.find_spec("cdk_sagemaker_registry")
tgz = glob.glob(os.path.join(os.path.dirname(spec.origin), "_jsii", "*.jsii.tgz"))[0]
with tarfile.open(tgz) as t:
    print(json.load(t.extractfile("package/.jsii"))["fingerprint"])
`;

/**
 * Whether the Python binding is usable, and built from the library measured: the fingerprint of
 * the jsii assembly in the installed package against that of .jsii (the assembly lib/ was compiled
 * with).
 */
function pythonBinding(python: string | undefined, libDir: string): { usable: boolean; status: string } {
  if (!python) {
    return { usable: false, status: 'not measured (--no-python)' };
  }
  const where = path.relative(ROOT, python);
  if (!fs.existsSync(python)) {
    return { usable: false, status: `not measured: ${where} is missing; run \`npx projen test:bindings\` (test/bindings/run.sh) first` };
  }
  if (tryExec(python, ['-c', 'import aws_cdk, cdk_sagemaker_registry']) === undefined) {
    return { usable: false, status: `not measured: ${where} cannot import aws_cdk and cdk_sagemaker_registry; run \`npx projen test:bindings\` first` };
  }
  const installed = tryExec(python, ['-c', INSTALLED_FINGERPRINT]);
  const jsii = path.join(ROOT, '.jsii');
  const current = fs.existsSync(jsii) ? JSON.parse(fs.readFileSync(jsii, 'utf-8')).fingerprint as string : undefined;
  const measuredLib = path.relative(ROOT, libDir) === 'lib' ? '' : ` (TypeScript measured ${path.relative(ROOT, libDir)}, not lib/)`;
  if (installed && installed === current) {
    return { usable: true, status: `${where}, built from the current .jsii (assembly fingerprint ${current.slice(0, 12)}…)${measuredLib}` };
  }
  return {
    usable: true,
    status: `${where}, **built from another compile** than the current .jsii (assembly fingerprint ${installed?.slice(0, 12) ?? 'unknown'}… vs `
      + `${current?.slice(0, 12) ?? 'none'}…): run \`npx projen test:bindings\` to rebuild it${measuredLib}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Statistics and formatting

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of a numeric field of the runs. */
function med<T extends object>(runs: T[], key: keyof T): number {
  return median(runs.map((r) => Number(r[key] ?? 0)));
}

/**
 * The median of the L2/L1 ratios of runs made one after the other (runs[i] of both variants), of
 * `key` minus `minus` when given.
 */
function pairedRatio(m: Record<Variant, Measured>, key: keyof SynthRun, minus?: keyof SynthRun): number {
  const value = (x: SynthRun) => Number(x[key] ?? 0) - (minus ? Number(x[minus] ?? 0) : 0);
  const count = Math.min(m.l2.runs.length, m.l1.runs.length);
  return median(Array.from({ length: count }, (_, i) => value(m.l2.runs[i]) / value(m.l1.runs[i])));
}

/** ` (min–max)` of a numeric field of the runs; empty for a single run. */
function range<T extends object>(runs: T[], key: keyof T, fmt: (v: number) => string): string {
  const values = runs.map((r) => Number(r[key] ?? 0));
  return values.length < 2 ? '' : ` (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function fmtMb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

function fmtBytes(b: number): string {
  return b.toLocaleString('en-US');
}

function ratio(a: number, b: number): string {
  return (a / b).toFixed(3);
}

function pct(a: number, b: number): string {
  const p = (a / b - 1) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf-8')).name === 'cdk-sagemaker-registry') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no cdk-sagemaker-registry package.json above ${from}`);
    }
  }
}

/** `identical`, or which resources differ between two apps' templates. */
function templateDifferences(a: TemplateStats, b: TemplateStats): string {
  const ta = (a.templates ?? {}) as Record<string, { Resources?: Record<string, { Type: string }> }>;
  const tb = (b.templates ?? {}) as Record<string, { Resources?: Record<string, { Type: string }> }>;
  if (canonical(ta) === canonical(tb)) {
    return 'identical';
  }
  const differing: Record<string, number> = {};
  for (const stack of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
    const ra = ta[stack]?.Resources ?? {};
    const rb = tb[stack]?.Resources ?? {};
    for (const id of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
      if (canonical(ra[id]) !== canonical(rb[id])) {
        const type = (ra[id] ?? rb[id]).Type;
        differing[type] = (differing[type] ?? 0) + 1;
      }
    }
  }
  const list = Object.entries(differing).map(([type, count]) => `${count} ${type}`).join(', ');
  return `**differ** in ${list || 'outputs, parameters or rules'}`;
}

/** JSON with sorted object keys, to compare templates regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ------------------------------------------------------------------------------------------------
// Report

interface Results {
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

interface Target {
  readonly name: string;
  readonly limit: string;
  readonly value: string;
  readonly met: boolean | undefined;
}

function targets(r: Results): Target[] {
  const largest = Math.max(...r.options.sizes);
  const at = r.ts[largest];
  const list: Target[] = [];
  const time = med(at.l2.runs, 'totalMs') / med(at.l1.runs, 'totalMs');
  list.push({
    name: `Synth time L2/L1 at N=${largest}`,
    limit: '≤ 1.25',
    value: `${time.toFixed(3)} (paired runs: ${pairedRatio(at, 'totalMs').toFixed(3)}; without validation: ${pairedRatio(at, 'totalMs', 'validateMs').toFixed(3)})`,
    met: largest >= 1000 ? time <= 1.25 : undefined,
  });
  const rss = med(at.l2.runs, 'maxRssKb') / med(at.l1.runs, 'maxRssKb');
  list.push({
    name: `Peak memory (RSS) L2/L1 at N=${largest}`,
    limit: '≤ 1.25',
    value: `${rss.toFixed(3)} (after construction, before synthesis: ${ratio(med(at.l2.runs, 'rssAfterBuildKb'), med(at.l1.runs, 'rssAfterBuildKb'))})`,
    met: largest >= 1000 ? rss <= 1.25 : undefined,
  });
  for (const n of r.options.sizes) {
    const b = r.ts[n].l2.templates.bytes / r.ts[n].l1.templates.bytes;
    list.push({ name: `Template bytes L2 vs L1 at N=${n}`, limit: 'within 5%', value: pct(r.ts[n].l2.templates.bytes, r.ts[n].l1.templates.bytes), met: Math.abs(b - 1) <= 0.05 });
  }
  for (const n of r.options.sizes) {
    const l2 = r.ts[n].l2.templates.resourcesByType['AWS::SageMaker::ModelPackage'] ?? 0;
    const l1 = r.ts[n].l1.templates.resourcesByType['AWS::SageMaker::ModelPackage'] ?? 0;
    const extra = r.ts[n].l2.templates.resources - r.ts[n].l1.templates.resources;
    list.push({
      name: `Resources per version at N=${n}`,
      limit: 'no resource per version beyond the L1\'s',
      value: `ModelPackage per version ${(l2 / n).toFixed(2)} (L1 ${(l1 / n).toFixed(2)}); all resources ${(r.ts[n].l2.templates.resources / n).toFixed(3)} vs ${(r.ts[n].l1.templates.resources / n).toFixed(3)} per version (${extra >= 0 ? '+' : ''}${extra} in total)`,
      met: l2 === l1 && extra <= r.ts[n].l2.templates.stacks,
    });
  }
  const py = r.python?.measured;
  if (py && r.ts[r.python!.n]) {
    const pyRatio = med(py.l2.runs, 'totalMs') / med(py.l1.runs, 'totalMs');
    const tsRatio = med(r.ts[r.python!.n].l2.runs, 'totalMs') / med(r.ts[r.python!.n].l1.runs, 'totalMs');
    list.push({
      name: `Python L2/L1 time ratio vs TypeScript's at N=${r.python!.n}`,
      limit: '≤ 1.2 × TypeScript ratio',
      value: `${pyRatio.toFixed(3)} vs ${tsRatio.toFixed(3)} (× ${(pyRatio / tsRatio).toFixed(3)})`,
      met: pyRatio <= 1.2 * tsRatio,
    });
  } else {
    list.push({ name: 'Python L2/L1 time ratio vs TypeScript\'s', limit: '≤ 1.2 × TypeScript ratio', value: r.python?.status ?? 'not measured', met: undefined });
  }
  return list;
}

function report(r: Results, notes: string): string {
  const out: string[] = [];
  const w = (line = '') => out.push(line);
  const sizes = r.options.sizes;
  const largest = Math.max(...sizes);

  w('# Benchmarks');
  w();
  w('<!-- Written by `npx projen bench` (scripts/bench/main.ts); do not edit by hand: change scripts/bench/notes.md or the scripts. -->');
  w();
  w('Synthesis time, memory and template size of a growing model registry built with this library (L2), against the same');
  w('registry written by hand with aws-cdk-lib\'s L1s (the floor), in TypeScript and through the Python binding; and what');
  w('loading the library costs. Method and scenario: [below](#method).');
  w();
  w(`- Date: ${r.date} (${r.durationS.toFixed(0)} s for the whole run${r.options.quick ? ', **--quick**: fewer repetitions' : ''})`);
  w(`- Commit: \`${r.revision.commit}\`${r.revision.dirty.length > 0 ? ` with uncommitted changes in src/ (${r.revision.dirty.length} files)` : ''}; library compiled ${r.revision.libCompiled}`
    + `${r.revision.libOlderThanSrc ? ' (**some src/ files are newer than lib/**: run `npx projen compile` first for exact numbers)' : ''}`);
  if (path.resolve(ROOT, r.revision.libDir) !== path.join(ROOT, 'lib')) {
    w(`- Library measured: \`${r.revision.libDir}\` (not lib/)`);
  }
  w(`- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB memory, ${r.machine.os}; load average ${r.machine.loadStart} at the start, ${r.machine.loadEnd} at the end`);
  w(`- Software: Node ${r.machine.node}, aws-cdk-lib ${r.machine.awsCdkLib}, constructs ${r.machine.constructs}`
    + `${r.machine.python ? `, Python ${r.machine.python} with jsii ${r.machine.jsiiPython}` : ''}`);
  w(`- Repetitions: ${sizes.map((n) => `${r.options.reps[n]} per variant at N=${n}`).join(', ')}; ${r.options.pythonReps} for Python; ${r.options.importReps} per import mode. Tables show medians, (min–max).`);
  w();

  w('## Targets');
  w();
  w('| Target | Limit | Measured | |');
  w('|---|---|---|---|');
  for (const t of targets(r)) {
    w(`| ${t.name} | ${t.limit} | ${t.value} | ${t.met === undefined ? 'n/a' : t.met ? 'met' : '**missed**'} |`);
  }
  w();

  w('## TypeScript: synthesis time');
  w();
  w('Wall time from `new App()` to the end of `app.synth()` in a fresh `node` process (after the imports; lazily loaded');
  w('aws-cdk-lib namespaces count where they are first used). *Validation* is the part of `app.synth()` spent in the');
  w('CloudFormation Validate plugin that aws-cdk-lib runs on every synthesis; *without validation* is the rest, where the');
  w('library\'s own cost shows.');
  w();
  w('*Paired* is the median of the ratios of the L2 and L1 runs made one after the other (less sensitive to changes in');
  w('machine load than the ratio of medians); *fastest* the ratio of the fastest runs.');
  w();
  w('| N | stacks | L2 | L1 | L2/L1 | paired | fastest | L2 validation | L1 validation | L2 without validation | L1 without validation | L2/L1 without validation (paired) | L2/L1 CPU time (paired) |');
  w('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const { l1, l2 } = r.ts[n];
    const rest = (m: Measured) => m.runs.map((x) => ({ v: x.totalMs - (x.validateMs ?? 0) }));
    w(`| ${n} | ${l2.templates.stacks} | ${fmtMs(med(l2.runs, 'totalMs'))}${range(l2.runs, 'totalMs', fmtMs)} | ${fmtMs(med(l1.runs, 'totalMs'))}${range(l1.runs, 'totalMs', fmtMs)} `
      + `| **${ratio(med(l2.runs, 'totalMs'), med(l1.runs, 'totalMs'))}** | ${pairedRatio(r.ts[n], 'totalMs').toFixed(3)} `
      + `| ${ratio(Math.min(...l2.runs.map((x) => x.totalMs)), Math.min(...l1.runs.map((x) => x.totalMs)))} `
      + `| ${fmtMs(med(l2.runs, 'validateMs'))} | ${fmtMs(med(l1.runs, 'validateMs'))} `
      + `| ${fmtMs(med(rest(l2), 'v'))} | ${fmtMs(med(rest(l1), 'v'))} | ${ratio(med(rest(l2), 'v'), med(rest(l1), 'v'))} (${pairedRatio(r.ts[n], 'totalMs', 'validateMs').toFixed(3)}) `
      + `| ${ratio(med(l2.runs, 'cpuMs'), med(l1.runs, 'cpuMs'))} (${pairedRatio(r.ts[n], 'cpuMs').toFixed(3)}) |`);
  }
  w();
  w('Per phase (medians): construction (`buildMs`), `app.synth()` (`synthMs`), and the whole process as the driver saw it');
  w('(node start-up, imports, synthesis, exit).');
  w();
  w('| N | L2 construction | L1 construction | L2 app.synth() | L1 app.synth() | L2 process | L1 process | L2/L1 process |');
  w('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const { l1, l2 } = r.ts[n];
    w(`| ${n} | ${fmtMs(med(l2.runs, 'buildMs'))} | ${fmtMs(med(l1.runs, 'buildMs'))} | ${fmtMs(med(l2.runs, 'synthMs'))} | ${fmtMs(med(l1.runs, 'synthMs'))} `
      + `| ${fmtMs(med(l2.runs, 'processMs'))} | ${fmtMs(med(l1.runs, 'processMs'))} | ${ratio(med(l2.runs, 'processMs'), med(l1.runs, 'processMs'))} |`);
  }
  w();

  w('## TypeScript: peak memory');
  w();
  w('Peak resident set size of the synthesizing process (`process.resourceUsage().maxRSS` after `app.synth()`); and the');
  w('resident set size once the app is constructed, before `app.synth()` starts the validation engine (node, aws-cdk-lib');
  w('and the construct tree), with the number of constructs in the app.');
  w();
  w('| N | L2 peak | L1 peak | L2/L1 | L2 after construction | L1 after construction | L2/L1 | L2 constructs | L1 constructs |');
  w('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const { l1, l2 } = r.ts[n];
    w(`| ${n} | ${fmtMb(med(l2.runs, 'maxRssKb'))}${range(l2.runs, 'maxRssKb', fmtMb)} | ${fmtMb(med(l1.runs, 'maxRssKb'))}${range(l1.runs, 'maxRssKb', fmtMb)} `
      + `| **${ratio(med(l2.runs, 'maxRssKb'), med(l1.runs, 'maxRssKb'))}** `
      + `| ${fmtMb(med(l2.runs, 'rssAfterBuildKb'))} | ${fmtMb(med(l1.runs, 'rssAfterBuildKb'))} | ${ratio(med(l2.runs, 'rssAfterBuildKb'), med(l1.runs, 'rssAfterBuildKb'))} `
      + `| ${med(l2.runs, 'constructs')} | ${med(l1.runs, 'constructs')} |`);
  }
  w();

  w('## Templates');
  w();
  w('Bytes of all stacks\' `*.template.json` as written by synthesis; *minified* is the same JSON without whitespace; *same-length IDs*');
  w('is the minified size with every logical ID replaced by one of the same length in both apps (so that aws-cdk-lib\'s');
  w('8-character hash suffixes on the logical IDs of nested constructs do not count).');
  w();
  w('| N | L2 bytes | L1 bytes | L2 vs L1 | L2 minified | L1 minified | L2 vs L1 | L2 same-length IDs | L1 same-length IDs | L2 vs L1 |');
  w('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const a = r.ts[n].l2.templates;
    const b = r.ts[n].l1.templates;
    w(`| ${n} | ${fmtBytes(a.bytes)} | ${fmtBytes(b.bytes)} | **${pct(a.bytes, b.bytes)}** | ${fmtBytes(a.minifiedBytes)} | ${fmtBytes(b.minifiedBytes)} | ${pct(a.minifiedBytes, b.minifiedBytes)} `
      + `| ${fmtBytes(a.normalizedBytes)} | ${fmtBytes(b.normalizedBytes)} | ${pct(a.normalizedBytes, b.normalizedBytes)} |`);
  }
  if (r.minimized) {
    const a = r.minimized.l2.templates;
    const b = r.minimized.l1.templates;
    w(`| ${largest}, \`@aws-cdk/aws-iam:minimizePolicies\` | ${fmtBytes(a.bytes)} | ${fmtBytes(b.bytes)} | ${pct(a.bytes, b.bytes)} | ${fmtBytes(a.minifiedBytes)} | ${fmtBytes(b.minifiedBytes)} | ${pct(a.minifiedBytes, b.minifiedBytes)} `
      + `| ${fmtBytes(a.normalizedBytes)} | ${fmtBytes(b.normalizedBytes)} | ${pct(a.normalizedBytes, b.normalizedBytes)} |`);
  }
  w();
  w('Resources per type (all stacks), and resources per version:');
  w();
  const types = [...new Set(sizes.flatMap((n) => (['l2', 'l1'] as Variant[]).flatMap((v) => Object.keys(r.ts[n][v].templates.resourcesByType))))].sort();
  w(`| Resource type | ${sizes.map((n) => `N=${n} L2 | N=${n} L1`).join(' | ')} |`);
  w(`|---|${sizes.map(() => '---:|---:').join('|')}|`);
  for (const type of types) {
    w(`| ${type} | ${sizes.map((n) => `${r.ts[n].l2.templates.resourcesByType[type] ?? 0} | ${r.ts[n].l1.templates.resourcesByType[type] ?? 0}`).join(' | ')} |`);
  }
  w(`| **all** | ${sizes.map((n) => `**${r.ts[n].l2.templates.resources}** | **${r.ts[n].l1.templates.resources}**`).join(' | ')} |`);
  w(`| **resources per version** | ${sizes.map((n) => `${(r.ts[n].l2.templates.resources / n).toFixed(3)} | ${(r.ts[n].l1.templates.resources / n).toFixed(3)}`).join(' | ')} |`);
  w(`| ModelPackage per version | ${sizes.map((n) => `${((r.ts[n].l2.templates.resourcesByType['AWS::SageMaker::ModelPackage'] ?? 0) / n).toFixed(2)} | ${((r.ts[n].l1.templates.resourcesByType['AWS::SageMaker::ModelPackage'] ?? 0) / n).toFixed(2)}`).join(' | ')} |`);
  w(`| largest stack (limit 500) | ${sizes.map((n) => `${r.ts[n].l2.templates.maxResourcesPerStack} | ${r.ts[n].l1.templates.maxResourcesPerStack}`).join(' | ')} |`);
  w();
  w(`Where the bytes are, at N=${largest} (minified; a resource's share is its logical ID and its body):`);
  w();
  w('| Resource type | L2 bytes | L1 bytes | L2 − L1 | bytes per version, L2 | bytes per version, L1 |');
  w('|---|---:|---:|---:|---:|---:|');
  const l2t = r.ts[largest].l2.templates;
  const l1t = r.ts[largest].l1.templates;
  for (const type of [...new Set([...Object.keys(l2t.minifiedBytesByType), ...Object.keys(l1t.minifiedBytesByType)])].sort()) {
    const a = l2t.minifiedBytesByType[type] ?? 0;
    const b = l1t.minifiedBytesByType[type] ?? 0;
    w(`| ${type} | ${fmtBytes(a)} | ${fmtBytes(b)} | ${a - b >= 0 ? '+' : ''}${fmtBytes(a - b)} | ${(a / largest).toFixed(1)} | ${(b / largest).toFixed(1)} |`);
  }
  w();

  w(`## Python binding (N=${r.python?.n ?? r.options.pythonN})`);
  w();
  w(`Binding: ${r.python?.status ?? 'not measured'}.`);
  w();
  const py = r.python?.measured;
  if (py) {
    const tsAt = r.ts[r.python!.n];
    w('The same two apps (scripts/bench/synth.py) through jsii, each in a fresh interpreter (which starts its own jsii kernel, a');
    w('node process). Time from `App()` to the end of `app.synth()`; peak RSS of the Python process plus the jsii kernel.');
    w(`Templates compared with the TypeScript apps': L2 ${r.python!.sameTemplates?.l2}; L1 ${r.python!.sameTemplates?.l1}.`
      + `${r.python!.sameTemplates?.l1 === 'identical' && r.python!.sameTemplates?.l2 !== 'identical'
        ? ' The apps are the same, so the library inside the binding is not the one measured in TypeScript (a binding built from an older compile).'
        : ''}`);
    w();
    w('| | L2 | L1 | L2/L1 | TypeScript L2/L1 | Python ratio / TypeScript ratio |');
    w('|---|---:|---:|---:|---:|---:|');
    const pr = (key: keyof SynthRun, f: (v: number) => string) => {
      const ts = tsAt ? ratio(med(tsAt.l2.runs, key), med(tsAt.l1.runs, key)) : 'n/a';
      const q = tsAt ? ((med(py.l2.runs, key) / med(py.l1.runs, key)) / (med(tsAt.l2.runs, key) / med(tsAt.l1.runs, key))).toFixed(3) : 'n/a';
      return `${f(med(py.l2.runs, key))}${range(py.l2.runs, key, f)} | ${f(med(py.l1.runs, key))}${range(py.l1.runs, key, f)} | **${ratio(med(py.l2.runs, key), med(py.l1.runs, key))}** | ${ts} | ${q}`;
    };
    w(`| synthesis time | ${pr('totalMs', fmtMs)} |`);
    w(`| construction | ${pr('buildMs', fmtMs)} |`);
    w(`| peak RSS (Python + node) | ${pr('maxRssKb', fmtMb)} |`);
    w(`| process (start-up to exit) | ${pr('processMs', fmtMs)} |`);
    w();
    if (tsAt) {
      w('What the binding adds (Python minus TypeScript, medians):');
      w();
      w('| | L2 | L1 |');
      w('|---|---:|---:|');
      const delta = (key: keyof SynthRun, f: (v: number) => string) => (['l2', 'l1'] as Variant[]).map((v) => {
        const d = med(py[v].runs, key) - med(tsAt[v].runs, key);
        return `${d >= 0 ? '+' : '−'}${f(Math.abs(d))} (× ${ratio(med(py[v].runs, key), med(tsAt[v].runs, key))})`;
      }).join(' | ');
      w(`| synthesis time | ${delta('totalMs', fmtMs)} |`);
      w(`| construction | ${delta('buildMs', fmtMs)} |`);
      w(`| imports (process start to app) | ${fmtMs(med(py.l2.runs, 'loadMs'))} vs ${fmtMs(med(tsAt.l2.runs, 'loadMs'))} | ${fmtMs(med(py.l1.runs, 'loadMs'))} vs ${fmtMs(med(tsAt.l1.runs, 'loadMs'))} |`);
      w(`| peak RSS | ${delta('maxRssKb', fmtMb)} |`);
      w();
    }
  }

  w('## Import cost');
  w();
  w('Time to `require` in a fresh `node` process (measured inside it; *from process start* adds node\'s start-up), and the');
  w(`resident set size afterwards. The library uses these aws-cdk-lib namespaces: ${r.imports.namespaces.map((ns) => `\`${ns}\``).join(', ')}.`);
  w('aws-cdk-lib loads a namespace on first use, so *library + its namespaces* is what an app using the library pays.');
  w();
  w('| What is loaded | require time | from process start | RSS |');
  w('|---|---:|---:|---:|');
  const labels: Record<string, string> = {
    'node': 'nothing (node start-up)',
    'lib': 'the library (`require(\'cdk-sagemaker-registry\')`)',
    'lib+deps': 'the library + its aws-cdk-lib namespaces',
    'deps': 'only aws-cdk-lib + the namespaces the library uses',
  };
  for (const mode of ['node', 'lib', 'lib+deps', 'deps']) {
    const runs = r.imports.runs[mode];
    w(`| ${labels[mode]} | ${fmtMs(med(runs, 'requireMs'))}${range(runs, 'requireMs', fmtMs)} | ${fmtMs(med(runs, 'loadMs'))} | ${fmtMb(med(runs, 'rssKb'))} |`);
  }
  const libDeps = med(r.imports.runs['lib+deps'], 'requireMs');
  const deps = med(r.imports.runs.deps, 'requireMs');
  w();
  w(`The library's own share: ${fmtMs(libDeps - deps)} (library + namespaces / namespaces only = ${ratio(libDeps, deps)}), `
    + `${fmtMb(med(r.imports.runs['lib+deps'], 'rssKb') - med(r.imports.runs.deps, 'rssKb'))} of memory.`);
  w();

  if (r.profiles.length > 0) {
    w('## Where the time goes (CPU profile)');
    w();
    w('One `node --cpu-prof` run of each app at the largest N (profiles in test-reports/bench/profiles/, open them in Chrome');
    w('DevTools). Sampled CPU time of the main thread, by what is on the stack:');
    w();
    w('| | sampled | constructing the app | under library code (lib/) | of which the library\'s own code | module loading | template validation |');
    w('|---|---:|---:|---:|---:|---:|---:|');
    for (const p of r.profiles) {
      w(`| ${p.variant.toUpperCase()}, N=${p.n} | ${fmtMs(p.sampledMs)} | ${fmtMs(p.buildMs)} | ${fmtMs(p.libraryMs)} | ${p.librarySelfMs === undefined ? 'n/a' : fmtMs(p.librarySelfMs)} `
        + `| ${fmtMs(p.requireMs)} | ${fmtMs(p.validationMs)} |`);
    }
    const l2p = r.profiles.find((p) => p.variant === 'l2');
    if (l2p) {
      w();
      w('Library functions by time with them on the stack (L2 profile; includes what they call in aws-cdk-lib):');
      w();
      w('| Function | time |');
      w('|---|---:|');
      for (const f of l2p.topLibraryFunctions) {
        w(`| \`${f.name}\` | ${fmtMs(f.ms)} |`);
      }
    }
    w();
  }

  w(notes.trim());
  w();
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// Main

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.fromResults) {
    // Only render the report again, e.g. after editing notes.md.
    const saved: Results = JSON.parse(fs.readFileSync(opts.fromResults, 'utf-8'));
    // Analyse the saved profiles again (the analysis may have changed since they were recorded).
    const profiles = saved.profiles.map((p) => (fs.existsSync(path.join(ROOT, p.file))
      ? summarizeProfile(path.join(ROOT, p.file), p.variant, p.n, path.resolve(ROOT, saved.revision.libDir))
      : p));
    saved.profiles.splice(0, saved.profiles.length, ...profiles);
    fs.writeFileSync(opts.out, report(saved, readOr(path.join(ROOT, 'scripts', 'bench', 'notes.md'), '')));
    log(`bench: wrote ${path.relative(ROOT, opts.out)} from ${path.relative(ROOT, opts.fromResults)}`);
    return;
  }
  const started = performance.now();
  if (!fs.existsSync(path.join(opts.libDir, 'index.js'))) {
    throw new Error(`${path.join(opts.libDir, 'index.js')} is missing: run \`npx projen compile\` first`);
  }
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const info = machine(opts.python);
  const rev = revision(opts.libDir);
  if (rev.libOlderThanSrc) {
    log('bench: WARNING: some src/ files are newer than lib/index.js; the numbers are for the compiled lib/ (run `npx projen compile` first)');
  }

  const ts: Record<number, Record<Variant, Measured>> = {};
  for (const n of opts.sizes) {
    log(`bench: TypeScript, N=${n}, ${opts.reps(n)} runs per variant`);
    ts[n] = measureSynth(`N=${n}`, opts.reps(n), nodeSynth(opts, n));
  }
  const largest = Math.max(...opts.sizes);
  log(`bench: templates at N=${largest} with @aws-cdk/aws-iam:minimizePolicies`);
  const minimized = measureSynth(`N=${largest} minimizePolicies`, 1, nodeSynth(opts, largest, { '@aws-cdk/aws-iam:minimizePolicies': true }));

  const binding = pythonBinding(opts.python, opts.libDir);
  let python: Results['python'] = { n: opts.pythonN, status: binding.status };
  if (binding.usable) {
    log(`bench: Python, N=${opts.pythonN}, ${opts.pythonReps} runs per variant (${binding.status})`);
    const measured = measureSynth(`python N=${opts.pythonN}`, opts.pythonReps, pythonSynth(opts.python!, opts.pythonN));
    const tsAt = ts[opts.pythonN];
    const same = (v: Variant) => (tsAt ? templateDifferences(measured[v].templates, tsAt[v].templates) : 'no TypeScript run at this N');
    python = { ...python, measured, sameTemplates: { l1: same('l1'), l2: same('l2') } };
  } else {
    log(`bench: Python ${binding.status}`);
  }

  const namespaces = namespacesUsedBy(opts.libDir);
  log(`bench: import cost, ${opts.importReps} runs per mode (namespaces: ${namespaces.join(', ')})`);
  const imports = { namespaces, runs: measureImports(opts, namespaces) };

  const profiles: ProfileSummary[] = [];
  if (opts.profile) {
    for (const variant of ['l2', 'l1'] as Variant[]) {
      log(`bench: CPU profile of ${variant} at N=${largest}`);
      profiles.push(profileSynth(opts, variant, largest));
    }
  }
  info.loadEnd = loadAverage();

  const results: Results = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: info,
    revision: rev,
    options: {
      sizes: opts.sizes,
      reps: Object.fromEntries(opts.sizes.map((n) => [n, opts.reps(n)])),
      pythonReps: opts.pythonReps,
      pythonN: opts.pythonN,
      importReps: opts.importReps,
      quick: opts.quick,
    },
    ts,
    minimized,
    python,
    imports,
    profiles,
    durationS: (performance.now() - started) / 1000,
  };
  const notes = readOr(path.join(ROOT, 'scripts', 'bench', 'notes.md'), '');
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, report(results, notes));
  fs.writeFileSync(path.join(REPORT_DIR, 'results.json'), JSON.stringify(results, (key, value) => (key === 'templates' && value && !('stacks' in value) ? undefined : value), 2));
  removeTmp();
  log(`bench: wrote ${path.relative(ROOT, opts.out)} and ${path.relative(ROOT, path.join(REPORT_DIR, 'results.json'))} in ${results.durationS.toFixed(0)} s`);
  for (const t of targets(results)) {
    log(`  ${t.met === undefined ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.value} (${t.limit})`);
  }
}

try {
  main();
} catch (e) {
  removeTmp();
  log(`bench: ${(e as Error).message}`);
  process.exit(1);
}
