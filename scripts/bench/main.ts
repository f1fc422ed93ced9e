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
 *
 * This file only runs the steps in order. The modules beside it do the work: options.ts (the command
 * line), measure.ts (synthesis runs, templates, import cost), profile.ts (CPU profiles),
 * environment.ts (machine, revision, Python binding), results.ts (the typed results that results.json
 * holds), stats.ts (medians, ratios, formatting) and report.ts (docs/benchmarks.md from the results).
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { log, readOr, REPORT_DIR, ROOT } from './common';
import { loadAverage, machine, pythonBinding, revision } from './environment';
import { measureImports, measureSynth, namespacesUsedBy, nodeSynth, pythonSynth, removeTmp, templateDifferences } from './measure';
import { parseOptions } from './options';
import { profileSynth, summarizeProfile } from './profile';
import { report, targets } from './report';
import { Measured, ProfileSummary, Results, Variant } from './results';

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
