/**
 * What every part of the benchmark driver shares: where the repository and the compiled scripts are,
 * logging, and running helper commands.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest directory above this script with the library's package.json. */
export const ROOT = findRoot(__dirname);
export const JS_DIR = __dirname;
export const REPORT_DIR = path.join(ROOT, 'test-reports', 'bench');

/** Quiet jsii's node-version banner in the Python runs. */
export const JSII_ENV = { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0] };

export function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch {
    return fallback;
  }
}

export function tryExec(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...JSII_ENV } }).trim();
  } catch {
    return undefined;
  }
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

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
