/**
 * One measurement, in a fresh process: builds the scenario app for N versions with the library
 * (`l2`) or with L1s only (`l1`), synthesizes it into OUTDIR, and prints one JSON line:
 *
 *   { variant, n, loadMs, buildMs, synthMs, totalMs, validateMs, cpuMs, maxRssKb, rssAfterBuildKb, constructs }
 *
 * - loadMs: from process start to the end of the imports (node start-up + module loading);
 * - buildMs: constructing the app; synthMs: app.synth(); totalMs = buildMs + synthMs (wall time);
 * - validateMs: the part of synthMs spent in aws-cdk-lib's template validation (the built-in
 *   CloudFormation Validate plugin, which every synthesis runs); cpuMs: CPU time of totalMs;
 * - maxRssKb: peak resident set size of the process (process.resourceUsage().maxRSS), taken right
 *   after synthesis; rssAfterBuildKb: the resident set size once the app is constructed, before
 *   app.synth() (node, aws-cdk-lib and the construct tree, without the validation engine);
 * - constructs: the number of constructs in the app (counted after the measurements).
 *
 * Usage: node synth.js l1|l2 N OUTDIR [LIBDIR]   (LIBDIR: the compiled library, default ./lib)
 */
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import type * as Lib from '../../lib';

const [variant, nText, outdir, libDir = 'lib'] = process.argv.slice(2);
if ((variant !== 'l1' && variant !== 'l2') || !nText || !outdir) {
  process.stderr.write('usage: node synth.js l1|l2 N OUTDIR [LIBDIR]\n');
  process.exit(2);
}
const n = Number(nText);

// Load what the app script imports, before the clock starts. aws-cdk-lib loads its namespaces
// (aws_iam, aws_sagemaker, ...) lazily, on first use: that part is in buildMs, as in a real app.
/* eslint-disable @typescript-eslint/no-require-imports */
let build: (app: App, count: number) => void;
if (variant === 'l2') {
  const lib: typeof Lib = require(path.resolve(libDir));
  const { buildL2 } = require('./app-l2') as typeof import('./app-l2');
  build = (app, count) => buildL2(app, count, lib);
} else {
  const { buildL1 } = require('./app-l1') as typeof import('./app-l1');
  build = buildL1;
}
/* eslint-enable @typescript-eslint/no-require-imports */
const loadMs = performance.now();

// aws-cdk-lib records its phases as performance measures and clears them at the end of app.synth():
// keep the time of template validation (the CloudFormation Validate plugin that aws-cdk-lib runs on
// every synthesis) before they go.
let validateMs = 0;
const clearMeasures = performance.clearMeasures.bind(performance);
performance.clearMeasures = (name?: string) => {
  for (const entry of performance.getEntriesByType('measure')) {
    if (entry.name === 'validateTemplates') {
      validateMs += entry.duration;
    }
  }
  clearMeasures(name);
};

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const app = new App({ outdir });
build(app, n);
const t1 = performance.now();
const rssAfterBuildKb = Math.round(process.memoryUsage().rss / 1024);
app.synth();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const maxRssKb = process.resourceUsage().maxRSS;

process.stdout.write(JSON.stringify({
  variant,
  n,
  loadMs,
  buildMs: t1 - t0,
  synthMs: t2 - t1,
  totalMs: t2 - t0,
  validateMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  maxRssKb,
  rssAfterBuildKb,
  constructs: app.node.findAll().length,
}) + '\n');
