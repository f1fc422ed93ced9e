import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/**
 * The SageMaker API model of botocore (installed in .venv with moto), used to check that requests
 * have exactly the members, types, enums, lengths and patterns the real API accepts.
 */

const ROOT = path.join(__dirname, '..', '..');

interface Shape {
  readonly type: string;
  readonly members?: Record<string, { shape: string }>;
  readonly required?: string[];
  readonly member?: { shape: string };
  readonly key?: { shape: string };
  readonly value?: { shape: string };
  readonly enum?: string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
}

interface ServiceModel {
  readonly operations: Record<string, { input?: { shape: string } }>;
  readonly shapes: Record<string, Shape>;
}

let model: ServiceModel | undefined;

/** The path of botocore's SageMaker model in .venv (created by `npx projen venv`). */
export function sageMakerModelPath(): string {
  const lib = path.join(ROOT, '.venv', 'lib');
  const python = fs.existsSync(lib) ? fs.readdirSync(lib).find((d) => d.startsWith('python')) : undefined;
  const file = python && path.join(lib, python, 'site-packages', 'botocore', 'data', 'sagemaker', '2017-07-24', 'service-2.json.gz');
  if (!file || !fs.existsSync(file)) {
    throw new Error(`botocore's SageMaker model is missing from ${lib}: create the virtualenv with \`npx projen venv\``);
  }
  return file;
}

function loadModel(): ServiceModel {
  model ??= JSON.parse(zlib.gunzipSync(fs.readFileSync(sageMakerModelPath())).toString('utf8')) as ServiceModel;
  return model;
}

const patterns = new Map<string, RegExp | undefined>();

/** A botocore pattern as an anchored JavaScript regular expression (undefined if JavaScript cannot read it). */
function regexOf(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    let regex: RegExp | undefined;
    for (const flags of ['u', '']) {
      try {
        regex = new RegExp(`^(?:${pattern})$`, flags);
        break;
      } catch {
        // try the next flags
      }
    }
    patterns.set(pattern, regex);
  }
  return patterns.get(pattern);
}

/**
 * The problems the API would report for `input` of `operation` (empty when it is valid): unknown
 * or missing members, wrong types, values outside enums, lengths, ranges and patterns.
 */
export function validateRequest(operation: string, input: unknown): string[] {
  const m = loadModel();
  const op = m.operations[operation];
  if (!op) {
    return [`unknown operation ${operation}`];
  }
  const errors: string[] = [];
  if (op.input) {
    check(m, op.input.shape, input, operation, errors);
  }
  return errors;
}

function check(m: ServiceModel, shapeName: string, value: unknown, at: string, errors: string[]): void {
  const shape = m.shapes[shapeName];
  const bounds = (n: number, what: string) => {
    if ((shape.min !== undefined && n < shape.min) || (shape.max !== undefined && n > shape.max)) {
      errors.push(`${at}: ${what} ${n} is outside ${shape.min ?? '-'}..${shape.max ?? '-'} (${shapeName})`);
    }
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${at}: expected an object (${shapeName}), got ${JSON.stringify(value)}`);
        return;
      }
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (record[name] === undefined) {
          errors.push(`${at}.${name}: required (${shapeName})`);
        }
      }
      for (const [name, member] of Object.entries(record)) {
        if (member === undefined) {
          continue;
        }
        const spec = shape.members?.[name];
        if (!spec) {
          errors.push(`${at}.${name}: not a member of ${shapeName}`);
          continue;
        }
        check(m, spec.shape, member, `${at}.${name}`, errors);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) {
        errors.push(`${at}: expected a list (${shapeName}), got ${JSON.stringify(value)}`);
        return;
      }
      bounds(value.length, 'length');
      value.forEach((item, i) => check(m, shape.member!.shape, item, `${at}[${i}]`, errors));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${at}: expected a map (${shapeName}), got ${JSON.stringify(value)}`);
        return;
      }
      bounds(Object.keys(value).length, 'entries');
      for (const [k, v] of Object.entries(value)) {
        check(m, shape.key!.shape, k, `${at} key ${k}`, errors);
        check(m, shape.value!.shape, v, `${at}.${k}`, errors);
      }
      return;
    case 'string': {
      if (typeof value !== 'string') {
        errors.push(`${at}: expected a string (${shapeName}), got ${JSON.stringify(value)}`);
        return;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        errors.push(`${at}: '${value}' is not one of ${shape.enum.length > 10 ? `the ${shape.enum.length} values of ${shapeName}` : shape.enum.join(', ')}`);
      }
      bounds(value.length, 'length');
      const regex = shape.pattern === undefined ? undefined : regexOf(shape.pattern);
      if (regex && !regex.test(value)) {
        errors.push(`${at}: '${value}' does not match ${shape.pattern} (${shapeName})`);
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        errors.push(`${at}: expected a boolean (${shapeName}), got ${JSON.stringify(value)}`);
      }
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        errors.push(`${at}: expected an integer (${shapeName}), got ${JSON.stringify(value)}`);
        return;
      }
      bounds(value, 'value');
      return;
    case 'float':
    case 'double':
      if (typeof value !== 'number') {
        errors.push(`${at}: expected a number (${shapeName}), got ${JSON.stringify(value)}`);
      }
      return;
    default:
      return;
  }
}
