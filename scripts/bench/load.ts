/**
 * One import-cost measurement, in a fresh process. Prints one JSON line:
 *
 *   { mode, loadMs, requireMs, rssKb }
 *
 * - requireMs: time of the requires below, measured in this process;
 * - loadMs: from process start to the end of the requires (node start-up included);
 * - rssKb: resident set size after loading.
 *
 * Modes:
 * - `node`: nothing (node start-up only);
 * - `lib`: require the library (LIBDIR/index.js) only;
 * - `lib+deps`: require the library, then touch every aws-cdk-lib namespace it uses (aws-cdk-lib
 *   loads its namespaces lazily, on first use: this is what an app that uses the library pays);
 * - `deps`: require constructs and aws-cdk-lib and touch the same namespaces, without the library.
 *
 * Usage: node load.js MODE [LIBDIR] [NAMESPACES]   (NAMESPACES: comma-separated, e.g. aws_iam,aws_s3)
 */
import * as path from 'path';
import { performance } from 'perf_hooks';

const [mode, libDir = 'lib', namespaceList = ''] = process.argv.slice(2);
const namespaces = namespaceList.split(',').filter((ns) => ns.length > 0);

/* eslint-disable @typescript-eslint/no-require-imports */
const t0 = performance.now();
switch (mode) {
  case 'node':
    break;
  case 'lib':
    require(path.resolve(libDir));
    break;
  case 'lib+deps': {
    require(path.resolve(libDir));
    touch(require('aws-cdk-lib'));
    break;
  }
  case 'deps': {
    require('constructs');
    touch(require('aws-cdk-lib'));
    break;
  }
  default:
    process.stderr.write('usage: node load.js node|lib|lib+deps|deps [LIBDIR] [NAMESPACES]\n');
    process.exit(2);
}
/* eslint-enable @typescript-eslint/no-require-imports */
const t1 = performance.now();

process.stdout.write(JSON.stringify({
  mode,
  loadMs: t1,
  requireMs: t1 - t0,
  rssKb: Math.round(process.memoryUsage().rss / 1024),
}) + '\n');

function touch(cdk: Record<string, unknown>): void {
  for (const ns of namespaces) {
    if (cdk[ns] === undefined) {
      throw new Error(`aws-cdk-lib has no namespace ${ns}`);
    }
  }
}
