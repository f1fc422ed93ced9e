/**
 * Measurements: synthesis runs in fresh processes (TypeScript and Python), the templates they write,
 * and the import cost of the library.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { JS_DIR, JSII_ENV, log, ROOT } from './common';
import { Options } from './options';
import { ImportRun, Measured, SynthRun, TemplateStats, Variant } from './results';
import { fmtMb, fmtMs } from './stats';

/** Where the synthesis runs write their cloud assemblies (created on first use, removed at the end). */
let tmpRoot: string | undefined;
let outdirCounter = 0;

export function newOutdir(): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sagemaker-registry-bench-'));
  return path.join(tmpRoot, `out${++outdirCounter}`);
}

export function removeTmp(): void {
  if (tmpRoot) {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}

/** Runs a command that prints one JSON line (its last line of output); returns it with the process wall time. */
export function runJson<T>(command: string, args: string[], env: NodeJS.ProcessEnv = {}): T & { processMs: number } {
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

/**
 * Runs `reps` synthesis processes of each variant, alternating L2 and L1 so that drifting machine
 * load affects both alike; analyses the templates of the first run of each.
 */
export function measureSynth(
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

export function nodeSynth(opts: Options, n: number, context?: Record<string, unknown>) {
  return (variant: Variant, outdir: string): SynthRun =>
    runJson<SynthRun>(process.execPath, [path.join(JS_DIR, 'synth.js'), variant, String(n), outdir, opts.libDir],
      context ? { CDK_CONTEXT_JSON: JSON.stringify(context) } : {});
}

export function pythonSynth(python: string, n: number) {
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

export function measureImports(opts: Options, namespaces: string[]): Record<string, ImportRun[]> {
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
export function namespacesUsedBy(libDir: string): string[] {
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

/** `identical`, or which resources differ between two apps' templates. */
export function templateDifferences(a: TemplateStats, b: TemplateStats): string {
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
