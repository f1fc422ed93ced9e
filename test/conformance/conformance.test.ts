/**
 * Conformance of the library's synth-time rules with the SageMaker API model (botocore, pinned in
 * requirements-dev.txt) and CloudFormation's schemas (from the pinned cfn-lint): see table.ts.
 *
 * For every rule of the table, values at, below and above each bound, and values with each probe
 * character at the start and end, go through the library. The library must accept exactly what
 * both references accept (the stricter of the two wins), apart from the deliberate rules that the
 * table lists with their reason. The test fails when:
 * - a rule is stricter than the references (a valid value is rejected);
 * - a rule is looser (a value either reference rejects synthesizes);
 * - a constraint of the API has no rule and is not listed in LEFT_TO_SERVICE, or a member of a
 *   rendered structure is neither rendered nor listed in STRUCTURES;
 * - an enum of the library (instance types included) differs from the API's or CloudFormation's.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiShape, apiRegExp, cfnAt, cfnRegExp, loadApiModel, loadCfnSchemas } from './models';
import { ConstructName, CountRow, ENUMS, LEFT_TO_SERVICE, NumberRow, ROWS, Row, STRUCTURES, StringRow, problemsOf } from './table';

// The algorithm's custom resource needs its handler bundle only as an asset path; the rules do not.
jest.mock('../../src/private/deploy-time/handler-bundle', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const mockFs: typeof fs = require('fs');
  const mockPath: typeof path = require('path');
  const mockOs: typeof os = require('os');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dir = mockFs.mkdtempSync(mockPath.join(mockOs.tmpdir(), 'conformance-bundle-'));
  mockFs.writeFileSync(mockPath.join(dir, 'index.js'), 'exports.handler = async () => ({});\n');
  return { handlerBundleDir: () => dir };
});

const api = loadApiModel();
const CFN_TYPES = ['AWS::SageMaker::ModelPackageGroup', 'AWS::SageMaker::ModelPackage', 'AWS::SageMaker::Model', 'AWS::SageMaker::Algorithm'];
const cfn = loadCfnSchemas(CFN_TYPES);

/** Characters probed into each string: every printable ASCII character, and the classes at the border of each pattern. */
const PROBE_CHARACTERS = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t', '\n', '\r', '\u000b', '\u0085', '\u00a0', '\u2028', '\u200b', '\u007f', '\u0080',
  'é', '\u0301', 'ß', '€', '©', '日', '٣', '😀',
];

/** Characters a template cannot carry: the library rejects them everywhere (docs/validation.md). */
const UNTEMPLATABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

// ---------------------------------------------------------------------------------------------
// The references at a location

function apiShape(location: string): ApiShape {
  const match = /^(\w+)(?:\.(\w+))?((?:\[\]|\{\}|\{key\})?)$/.exec(location);
  if (!match) {
    throw new Error(`bad API location ${location}`);
  }
  const [, structure, member, suffix] = match;
  let shape = api.shapes[structure];
  if (!shape) {
    throw new Error(`the API model has no shape ${structure} (table location ${location})`);
  }
  if (member) {
    const ref = shape.members?.[member];
    if (!ref) {
      throw new Error(`the API shape ${structure} has no member ${member} (table location ${location})`);
    }
    shape = api.shapes[ref.shape];
  }
  if (suffix === '[]') {
    shape = api.shapes[shape.member!.shape];
  } else if (suffix === '{}') {
    shape = api.shapes[shape.value!.shape];
  } else if (suffix === '{key}') {
    shape = api.shapes[shape.key!.shape];
  }
  return shape;
}

function cfnNode(row: Row): any {
  if (!row.cfn) {
    return undefined;
  }
  const node = cfnAt(cfn.schemas[row.cfn.type], row.cfn.pointer);
  if (node === undefined) {
    throw new Error(`${row.code}: CloudFormation's ${row.cfn.type} has nothing at ${row.cfn.pointer}`);
  }
  return node;
}

interface Bounds {
  readonly min: number;
  readonly max: number;
  /** Where each bound comes from. */
  readonly sources: string[];
}

function bounds(row: Row, apiMin: number | undefined, apiMax: number | undefined, cfnMin: number | undefined, cfnMax: number | undefined): Bounds {
  const sources: string[] = [`API ${row.api}: ${apiMin ?? '-'}..${apiMax ?? '-'}`];
  let min = apiMin ?? 0;
  let max = apiMax ?? Infinity;
  if (row.cfn) {
    sources.push(`CloudFormation ${row.cfn.type} ${row.cfn.pointer}: ${cfnMin ?? '-'}..${cfnMax ?? '-'}`);
    min = Math.max(min, cfnMin ?? -Infinity);
    max = Math.min(max, cfnMax ?? Infinity);
  }
  if (row.stricter) {
    sources.push(`library (${row.stricter.reason}): ${row.stricter.min ?? '-'}..${row.stricter.max ?? '-'}`);
    min = Math.max(min, row.stricter.min ?? -Infinity);
    max = Math.min(max, row.stricter.max ?? Infinity);
  }
  return { min, max, sources };
}

/** Whether both references (and the row's deliberate rules) accept a string. */
function stringOracle(row: StringRow): { accepts: (v: string) => boolean; bounds: Bounds } {
  const shape = apiShape(row.api);
  const node = cfnNode(row);
  const b = bounds(row, shape.min, shape.max, node?.minLength, node?.maxLength);
  const apiPattern = shape.pattern === undefined ? undefined : apiRegExp(shape.pattern);
  const cfnPattern = node?.pattern === undefined ? undefined : cfnRegExp(node.pattern);
  return {
    bounds: b,
    accepts: (v) => v.length >= b.min && v.length <= b.max
      && (apiPattern?.test(v) ?? true)
      && (cfnPattern?.test(v) ?? true)
      && !UNTEMPLATABLE.test(v)
      && !(row.stricter?.rejects?.(v) ?? false),
  };
}

function countBounds(row: CountRow): Bounds {
  const shape = apiShape(row.api);
  const node = cfnNode(row);
  return bounds(row, shape.min, shape.max, node?.minItems ?? node?.minProperties, node?.maxItems ?? node?.maxProperties);
}

function numberBounds(row: NumberRow): Bounds {
  const shape = apiShape(row.api);
  const node = cfnNode(row);
  return bounds(row, shape.min, shape.max, node?.minimum, node?.maximum);
}

// ---------------------------------------------------------------------------------------------
// Probing the library

interface Finding {
  readonly code: string;
  readonly verdict: 'too strict' | 'too loose' | 'table error';
  readonly value: string;
  readonly detail: string;
}

/** The problems that belong to the row's rule, and the others. */
function split(row: Row, problems: string[]): { own: string[]; other: string[] } {
  const own = problems.filter((p) => p.startsWith(row.property));
  return { own, other: problems.filter((p) => !own.includes(p)) };
}

function judge(row: Row, shown: string, expected: boolean, probe: () => string[], findings: Finding[]): void {
  // A probe may also throw before the construct collects problems (a factory such as ModelData.fromS3Url).
  let problems: string[] = [];
  const thrown = problemsOf(() => { problems = probe(); });
  const { own, other } = split(row, [...thrown, ...problems]);
  if (expected && own.length > 0) {
    findings.push({ code: row.code, verdict: 'too strict', value: shown, detail: own.join(' | ') });
  } else if (!expected && own.length === 0) {
    findings.push({ code: row.code, verdict: 'too loose', value: shown, detail: other.length > 0 ? `other problems: ${other.join(' | ')}` : 'accepted' });
  } else if (expected && other.length > 0) {
    findings.push({ code: row.code, verdict: 'table error', value: shown, detail: `a valid value got unrelated problems: ${other.join(' | ')}` });
  }
}

function show(v: string): string {
  return v.length > 40 ? `${JSON.stringify(v.slice(0, 20))}... (${v.length} characters)` : JSON.stringify(v);
}

/** Probes a string rule; returns how many values were probed. */
function probeString(row: StringRow, findings: Finding[]): number {
  const { accepts, bounds: b } = stringOracle(row);
  // The character probes go into a valid value of this length (long enough for prefixes such as s3://bucket/).
  const baseLength = Math.min(b.max, Math.max(b.min, 48));
  const lengths = new Set<number>([b.min, b.min - 1, baseLength]);
  if (Number.isFinite(b.max)) {
    lengths.add(b.max);
    lengths.add(b.max + 1);
  }
  for (const n of [baseLength, b.max].filter((x) => Number.isFinite(x))) {
    if (!accepts(row.sample(n))) {
      findings.push({ code: row.code, verdict: 'table error', value: show(row.sample(n)), detail: `the sample of length ${n} is not valid (${b.sources.join('; ')})` });
    }
  }
  const values = new Set<string>([...lengths].filter((n) => n >= 0).map((n) => row.sample(n)));
  if (!row.noCharacterProbes) {
    const base = row.sample(baseLength);
    for (const c of PROBE_CHARACTERS) {
      for (const position of row.probePositions ?? [0, -1]) {
        const at = position < 0 ? base.length + position : position;
        values.add(base.slice(0, at) + c + base.slice(at + 1));
      }
    }
  }
  for (const v of values) {
    judge(row, show(v), accepts(v), () => row.probe(v), findings);
  }
  return values.size;
}

function probeBounded(row: CountRow | NumberRow, b: Bounds, findings: Finding[]): number {
  const values = new Set<number>([b.min - 1, b.min]);
  if (Number.isFinite(b.max)) {
    values.add(b.max);
    values.add(b.max + 1);
  } else {
    values.add(b.min + (row.kind === 'count' ? 20 : 100000));
  }
  let probed = 0;
  for (const n of values) {
    if (n < 0 && row.kind === 'count') {
      continue;
    }
    probed++;
    judge(row, String(n), n >= b.min && n <= b.max, () => row.probe(n), findings);
  }
  return probed;
}

// ---------------------------------------------------------------------------------------------
// The tests

const counts: Record<ConstructName, { rules: number; values: number; enums: number }> = {
  ModelPackageGroup: { rules: 0, values: 0, enums: 0 },
  ModelPackage: { rules: 0, values: 0, enums: 0 },
  Model: { rules: 0, values: 0, enums: 0 },
  Algorithm: { rules: 0, values: 0, enums: 0 },
};

afterAll(() => {
  const lines = Object.entries(counts).map(([construct, c]) =>
    `  ${construct.padEnd(18)} ${String(c.rules).padStart(3)} rules (${c.values} values probed), ${c.enums} enums`);
  const summary = `Conformance with botocore ${api.version} (SageMaker 2017-07-24) and cfn-lint ${cfn.version} schemas:\n${lines.join('\n')}`;
  // eslint-disable-next-line no-console
  console.log(summary);
  const dir = path.join(__dirname, '..', '..', 'test-reports');
  if (fs.existsSync(dir)) {
    fs.writeFileSync(path.join(dir, 'conformance-counts.json'), JSON.stringify({ botocore: api.version, cfnLint: cfn.version, counts }, null, 2));
  }
});

describe('every rule of the table agrees with the API model and CloudFormation', () => {
  test.each(ROWS.map((row) => [`${row.code} (${row.construct} ${row.property} -> ${row.api})`, row] as const))('%s', (_name, row) => {
    const findings: Finding[] = [];
    let probed: number;
    if (row.kind === 'string') {
      probed = probeString(row, findings);
    } else {
      probed = probeBounded(row, row.kind === 'count' ? countBounds(row) : numberBounds(row), findings);
    }
    counts[row.construct].rules++;
    counts[row.construct].values += probed;
    expect(findings.map((f) => `${f.verdict}: ${f.value}: ${f.detail}`)).toEqual([]);
  });
});

describe('enums agree with the API model (and CloudFormation where it enumerates them)', () => {
  test.each(ENUMS.map((e) => [`${e.code} (${e.name} -> ${e.api})`, e] as const))('%s', (_name, e) => {
    const apiValues = api.shapes[e.api]?.enum;
    expect(apiValues).toBeDefined();
    const excluded = e.excluded ?? {};
    const problems: string[] = [];
    for (const value of apiValues!) {
      if (!e.values.includes(value) && !(value in excluded)) {
        problems.push(`${e.name} lacks the API's '${value}' (add it, or list it as excluded with the reason)`);
      }
    }
    for (const value of e.values) {
      if (!apiValues!.includes(value)) {
        problems.push(`${e.name} has '${value}', which the API's ${e.api} does not`);
      }
    }
    for (const value of Object.keys(excluded)) {
      if (!apiValues!.includes(value)) {
        problems.push(`${e.name} excludes '${value}', which the API no longer has`);
      }
    }
    for (const ref of e.cfn ?? []) {
      const node = cfnAt(cfn.schemas[ref.type], ref.pointer);
      const cfnValues: string[] | undefined = node?.enum ?? node?.items?.enum;
      if (!cfnValues) {
        problems.push(`CloudFormation's ${ref.type} has no enum at ${ref.pointer}`);
        continue;
      }
      for (const value of e.values) {
        if (!cfnValues.includes(value)) {
          problems.push(`${e.name} has '${value}', which CloudFormation's ${ref.type} (${ref.pointer}) does not`);
        }
      }
    }
    for (const construct of e.constructs) {
      counts[construct].enums++;
    }
    expect(problems).toEqual([]);
  });
});

describe('every constraint of the rendered API structures has a rule or is left to the service with a reason', () => {
  const covered = new Set<string>([...ROWS.map((r) => r.api), ...ENUMS.map((e) => e.api)]);

  /** The constraint locations of a member (scalars, lists, maps and their items). */
  function constraints(location: string, shapeName: string): string[] {
    const shape = api.shapes[shapeName];
    const out: string[] = [];
    const scalar = (loc: string, s: ApiShape, name: string) => {
      if (s.enum) {
        out.push(name);
      } else if (s.type === 'string' || s.type === 'integer' || s.type === 'long') {
        if ((s.min ?? 0) > 0 || s.max !== undefined || (s.pattern !== undefined && !/^(\.\*|\[\\S\\s\]\*)$/.test(s.pattern))) {
          out.push(loc);
        }
      }
    };
    if (shape.type === 'list') {
      if (shape.min !== undefined || shape.max !== undefined) {
        out.push(location);
      }
      scalar(`${location}[]`, api.shapes[shape.member!.shape], shape.member!.shape);
    } else if (shape.type === 'map') {
      if (shape.min !== undefined || shape.max !== undefined) {
        out.push(location);
      }
      scalar(`${location}{key}`, api.shapes[shape.key!.shape], shape.key!.shape);
      scalar(`${location}{}`, api.shapes[shape.value!.shape], shape.value!.shape);
    } else if (shape.type !== 'structure') {
      scalar(location, shape, shapeName);
    }
    return out;
  }

  test('members of the rendered structures: rendered or listed', () => {
    const problems: string[] = [];
    for (const [structure, notRendered] of Object.entries(STRUCTURES)) {
      const shape = api.shapes[structure];
      if (!shape?.members) {
        problems.push(`the API model has no structure ${structure}`);
        continue;
      }
      for (const member of Object.keys(notRendered)) {
        if (!(member in shape.members)) {
          problems.push(`${structure}.${member} is listed as not rendered, but the API no longer has it`);
        }
      }
      for (const [member, ref] of Object.entries(shape.members)) {
        const target = api.shapes[ref.shape];
        const nested = target.type === 'structure' ? ref.shape : target.type === 'list' ? target.member!.shape : undefined;
        if (!(member in notRendered) && nested && api.shapes[nested].type === 'structure' && !(nested in STRUCTURES)) {
          problems.push(`${structure}.${member} renders structure ${nested}, which STRUCTURES does not list (walk it or list the member as not rendered)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('constraints: a rule or a reason', () => {
    const problems: string[] = [];
    const used = new Set<string>();
    for (const [structure, notRendered] of Object.entries(STRUCTURES)) {
      for (const [member, ref] of Object.entries(api.shapes[structure]?.members ?? {})) {
        if (member in notRendered) {
          continue;
        }
        for (const location of constraints(`${structure}.${member}`, ref.shape)) {
          if (covered.has(location)) {
            continue;
          }
          if (location in LEFT_TO_SERVICE) {
            used.add(location);
            continue;
          }
          const s = location.includes('.') ? apiShape(location) : api.shapes[location];
          problems.push(`${location} (${JSON.stringify({ min: s.min, max: s.max, pattern: s.pattern, enum: s.enum?.length })}) has no rule in the table `
            + 'and is not listed in LEFT_TO_SERVICE');
        }
      }
    }
    for (const location of Object.keys(LEFT_TO_SERVICE)) {
      if (covered.has(location)) {
        problems.push(`${location} is listed in LEFT_TO_SERVICE, but a rule of the table checks it: remove the entry`);
      } else if (!used.has(location)) {
        problems.push(`${location} is listed in LEFT_TO_SERVICE, but no rendered member has that constraint: remove the entry`);
      }
    }
    expect(problems).toEqual([]);
  });
});

test('docs/validation.md lists every rule and enum of the table by its code', () => {
  const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation.md'), 'utf8');
  const missing = [...ROWS.map((r) => r.code), ...ENUMS.map((e) => e.code)].filter((code) => !docs.includes(`\`${code}\``));
  expect(missing).toEqual([]);
});

test('the references are the pinned ones', () => {
  const requirements = fs.readFileSync(path.join(__dirname, '..', '..', 'requirements-dev.txt'), 'utf8');
  expect(requirements).toContain(`botocore==${api.version}`);
  expect(requirements).toContain(`cfn-lint==${cfn.version}`);
});
