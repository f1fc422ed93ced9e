/**
 * Renders docs/benchmarks.md from the results of a run (results.ts) and scripts/bench/notes.md.
 */
import * as path from 'path';
import { ROOT } from './common';
import { Measured, Results, SynthRun, Variant } from './results';
import { fmtBytes, fmtMb, fmtMs, med, pairedRatio, pct, range, ratio } from './stats';

interface Target {
  readonly name: string;
  readonly limit: string;
  readonly value: string;
  readonly met: boolean | undefined;
}

export function targets(r: Results): Target[] {
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

export function report(r: Results, notes: string): string {
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
