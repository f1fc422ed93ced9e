/**
 * The CPU profile of one synthesis (`node --cpu-prof`), and where its sampled time goes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { JS_DIR, REPORT_DIR, ROOT } from './common';
import { newOutdir, runJson } from './measure';
import { Options } from './options';
import { ProfileSummary, SynthRun, Variant } from './results';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export function profileSynth(opts: Options, variant: Variant, n: number): ProfileSummary {
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
export function summarizeProfile(file: string, variant: Variant, n: number, libDir: string): ProfileSummary {
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
