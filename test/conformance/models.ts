/**
 * The two references the library's synth-time rules are checked against: botocore's SageMaker API
 * model (service-2.json, pinned in requirements-dev.txt) and CloudFormation's resource schemas as
 * the pinned cfn-lint ships them. Both are read from the project's Python tools in `.venv`
 * (`npx projen venv`); a missing file is an error that says so, never a skipped test.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.resolve(__dirname, '..', '..');
const VENV = path.join(ROOT, '.venv');

/** A botocore shape (only the parts the conformance test reads). */
export interface ApiShape {
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: string[];
  readonly members?: Record<string, { readonly shape: string }>;
  readonly member?: { readonly shape: string };
  readonly key?: { readonly shape: string };
  readonly value?: { readonly shape: string };
  readonly required?: string[];
}

function sitePackages(): string {
  const lib = path.join(VENV, 'lib');
  const pythons = fs.existsSync(lib) ? fs.readdirSync(lib).filter((d) => d.startsWith('python')) : [];
  for (const python of pythons) {
    const dir = path.join(lib, python, 'site-packages');
    if (fs.existsSync(dir)) {
      return dir;
    }
  }
  throw new Error(`The conformance test needs the project's Python tools in ${VENV} (botocore and cfn-lint, pinned in `
    + 'requirements-dev.txt), but found no site-packages there; create it with `npx projen venv`.');
}

/** The shapes of botocore's SageMaker model, and the botocore version they come from. */
export function loadApiModel(): { version: string; shapes: Record<string, ApiShape> } {
  const site = sitePackages();
  const dir = path.join(site, 'botocore', 'data', 'sagemaker', '2017-07-24');
  const candidates = ['service-2.json', 'service-2.json.gz'].map((f) => path.join(dir, f));
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) {
    throw new Error(`The conformance test reads botocore's SageMaker model, but neither ${candidates.join(' nor ')} exists; `
      + 'botocore is pinned in requirements-dev.txt: run `npx projen venv`.');
  }
  const raw = fs.readFileSync(file);
  const text = file.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const versionDir = fs.readdirSync(site).find((d) => /^botocore-[\d.]+\.dist-info$/.test(d));
  return {
    version: versionDir ? versionDir.replace(/^botocore-|\.dist-info$/g, '') : 'unknown',
    shapes: JSON.parse(text).shapes,
  };
}

/** The CloudFormation resource schemas (as the pinned cfn-lint has them) of the given types. */
export function loadCfnSchemas(types: string[]): { version: string; schemas: Record<string, any> } {
  const site = sitePackages();
  const data = path.join(site, 'cfnlint', 'data', 'schemas');
  const index = path.join(data, 'providers', 'us-east-1.json');
  if (!fs.existsSync(index)) {
    throw new Error(`The conformance test reads CloudFormation's schemas from cfn-lint, but ${index} does not exist; `
      + 'cfn-lint is pinned in requirements-dev.txt: run `npx projen venv`.');
  }
  const ids = JSON.parse(fs.readFileSync(index, 'utf8'));
  const schemas: Record<string, any> = {};
  for (const type of types) {
    const id = ids[type];
    const file = id && path.join(data, 'resources', `${id}.json`);
    if (!file || !fs.existsSync(file)) {
      throw new Error(`cfn-lint in ${VENV} has no schema for ${type} (looked up ${index}); update cfn-lint in requirements-dev.txt`);
    }
    schemas[type] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const versionDir = fs.readdirSync(site).find((d) => /^cfn_lint-[\d.]+\.dist-info$/.test(d));
  return { version: versionDir ? versionDir.replace(/^cfn_lint-|\.dist-info$/g, '') : 'unknown', schemas };
}

/** Java's whitespace class (`\s` without UNICODE_CHARACTER_CLASS). */
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
/** Python's whitespace class of str patterns (cfn-lint runs Python), as far as JavaScript's `\s` lacks it. */
const PYTHON_SPACE = '\\s\\u0085\\x1c-\\x1f';

/**
 * A botocore pattern as a JavaScript regular expression with the API's semantics: the whole value
 * must match (the service validates with Java's `matches()`), `\s` is Java's ASCII whitespace, and
 * `\p{...}` classes are Unicode properties.
 *
 * `.` matches any character here (dotAll): Java's `.` excludes line terminators unless a pattern is
 * compiled with DOTALL, and SageMaker does not document which it uses, so line breaks in `.`-patterned
 * fields are left to the service (docs/validation.md), except where CloudFormation's schema rejects them.
 */
export function apiRegExp(pattern: string): RegExp {
  const source = pattern
    // `(...)${1,256}` (CustomerMetadataKey/Value): Java reads `$` repeated 1-256 times as `$`.
    .replace(/\$\{\d+,\d+\}/g, '$')
    .replace(/\[\\S\\s\]/g, '[^]')
    .replace(/\[\\S\]/g, `[^${JAVA_SPACE}]`)
    .replace(/\\S/g, `[^${JAVA_SPACE}]`)
    .replace(/\\s/g, `[${JAVA_SPACE}]`);
  return new RegExp(`^(?:${source})$`, 'us');
}

/**
 * A CloudFormation schema pattern with JSON Schema's semantics, as cfn-lint (Python `re.search`)
 * applies it: unanchored unless the pattern anchors itself; `.` matches anything but `\n`.
 */
export function cfnRegExp(pattern: string): RegExp {
  const source = pattern
    .replace(/\$\{\d+,\d+\}/g, '$')
    .replace(/\[\\S\\s\]/g, '[^]')
    .replace(/\[\\S\]/g, `[^${PYTHON_SPACE}]`)
    .replace(/(?<!\[)\\S/g, `[^${PYTHON_SPACE}]`)
    .replace(/(?<!\[[^\]]*)(?<!\\)\.(?![^[]*\])/g, '[^\\n]');
  return new RegExp(source, 'u');
}

/** The schema at a JSON pointer-like path (`definitions/X/properties/Y`, `properties/Z`), following `$ref`s. */
export function cfnAt(schema: any, pointer: string): any {
  let node = schema;
  for (const part of pointer.split('/')) {
    node = deref(schema, node)?.[part];
    if (node === undefined) {
      return undefined;
    }
  }
  return deref(schema, node);
}

function deref(schema: any, node: any): any {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = cfnAt(schema, current.$ref.replace(/^#\//, ''));
  }
  return current;
}
