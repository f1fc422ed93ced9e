import * as fs from 'fs';
import * as path from 'path';

/**
 * The directory of a custom-resource handler bundle, `assets/handlers/<kind>/index/`, built by
 * `npx projen bundle` from `src/handlers/<kind>/index.ts` and shipped in the npm package.
 */
export function handlerBundleDir(kind: string): string {
  // This file is src/private/deploy-time/*.ts (tests) or lib/private/deploy-time/*.js (package): the
  // bundles are three levels up.
  const dir = path.join(__dirname, '..', '..', '..', 'assets', 'handlers', kind, 'index');
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    // A broken build or package, not a problem with the app's input: a plain Error, deliberately outside
    // the ValidationError path (test/validation-errors.test.ts exempts this file from its guard).
    throw new Error(`The ${kind} custom-resource handler bundle is missing from ${dir}; build it with \`npx projen bundle\``);
  }
  return dir;
}
