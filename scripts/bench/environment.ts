/**
 * The environment of a run: the machine, the revision of the library measured, and whether the
 * Python binding can be measured.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readOr, ROOT, tryExec } from './common';
import { Machine, Revision } from './results';

export function machine(python: string | undefined): Machine {
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

export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

function packageVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf-8')).version;
}

export function revision(libDir: string): Revision {
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
export function pythonBinding(python: string | undefined, libDir: string): { usable: boolean; status: string } {
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
