/**
 * Property-based tests with an external oracle.
 *
 * Each construct's test generates `PBT_RUNS` cases (default 300) from a fixed seed (`PBT_SEED`),
 * synthesizes every case in its own App and classifies it:
 *
 * - rejected: building or synthesizing threw. Every problem of the error must name a property the
 *   case perturbed and show the received value (or, for long strings, its length);
 * - accepted: the template synthesized. Accepted templates are linted in batches with the pinned
 *   cfn-lint (`.venv/bin/cfn-lint`); any error (rule E*) makes the case an escape: the library let a
 *   mistake through to deploy time. Warnings are allowed.
 *
 * Counts go to test-reports/property-counts.json (see docs/validation.md).
 *
 * Reproduce a failure with the seed and case number it prints:
 *   PBT_SEED=<seed> PBT_RUNS=<runs> PBT_CASE=<case> npx jest test/property/<construct> --coverage=false
 * (PBT_CASE synthesizes only that case and keeps its template.)
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnParameter, CloudFormationValidatePlugin, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ENV } from '../constants';

const ROOT = path.resolve(__dirname, '..', '..');
const CFN_LINT = path.join(ROOT, '.venv', 'bin', 'cfn-lint');
const COUNTS_FILE = path.join(ROOT, 'test-reports', 'property-counts.json');

/** Cases per construct. */
export const RUNS = intFromEnv('PBT_RUNS', 300);
/** The seed of the generated cases. */
export const SEED = intFromEnv('PBT_SEED', 20260727);
/** Only this case (by number), when set. */
const ONLY_CASE = process.env.PBT_CASE === undefined ? undefined : intFromEnv('PBT_CASE', 0);
/** Cases synthesized before their templates are handed to one cfn-lint process (which then runs alongside the next batch). */
const LINT_BATCH = intFromEnv('PBT_LINT_BATCH', 160);

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Generated values

/** A string the case writes as a literal, or a token in its place. */
export type GenStr = string | TokenStr;

/**
 * A token in place of a literal: a CloudFormation parameter (the library cannot check it and
 * cfn-lint sees a `Ref`), or a `Lazy` that produces a valid value.
 */
export interface TokenStr {
  readonly token: 'parameter' | 'lazy';
  /** The value a lazy token produces. */
  readonly value?: string;
}

export function isToken(value: unknown): value is TokenStr {
  return typeof value === 'object' && value !== null && 'token' in value;
}

/** A token in place of a string, or (mostly) the literal from `literal`. */
export function orToken(literal: fc.Arbitrary<GenStr>, validValue: string, weight = 1): fc.Arbitrary<GenStr> {
  return fc.oneof(
    { weight: 12, arbitrary: literal },
    { weight, arbitrary: fc.constantFrom<TokenStr>({ token: 'parameter' }, { token: 'lazy', value: validValue }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Marks: what a case perturbed, so that its error can be checked

/**
 * A property the case set from a generator that can produce invalid values, and how an error
 * about it may show the received value.
 */
interface Mark {
  /** Names the error may use for the property (any one is enough). */
  readonly properties: string[];
  /** Renderings of the received value (any one is enough). */
  readonly renderings: string[];
}

const REMOVAL_POLICY_NAMES: Record<string, string> = {
  'destroy': 'DESTROY',
  'retain': 'RETAIN',
  'snapshot': 'SNAPSHOT',
  'retain-on-update-or-delete': 'RETAIN_ON_UPDATE_OR_DELETE',
};

/**
 * How an error may show a received value: a string itself (raw or JSON-escaped; quoted when shorter
 * than 4 characters, so that it cannot match by accident), or its length when long; a number after
 * "got" (or "number").
 */
export function renderingsOf(value: string | number | boolean): string[] {
  if (typeof value === 'string' && REMOVAL_POLICY_NAMES[value]) {
    return [value, `RemovalPolicy.${REMOVAL_POLICY_NAMES[value]}`];
  }
  if (typeof value !== 'string') {
    const text = String(value);
    return value === 0 ? ['got 0', 'got none', 'empty', 'got neither'] : [`got ${text}`, `number ${text}`];
  }
  if (value === '') {
    return ["''", '""', ' 0 characters', 'empty', 'got none'];
  }
  const json = JSON.stringify(value).slice(1, -1);
  const escaped = json.replace(/[\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const shown = value.length < 4
    ? [`'${value}'`, `"${json}"`, `"${escaped}"`]
    : [value, json, escaped];
  if (value.length > 80) {
    // Long values may be cut: their length (and usually the first 80 characters) is shown instead.
    shown.push(`${value.length} characters`, `${[...value].length} characters`);
  }
  return shown;
}

/** Everything a case's builder gets: the stack, and the means to record what it perturbed. */
export class CaseContext {
  public readonly marks: Mark[] = [];
  private tokens = 0;

  constructor(public readonly app: App, public readonly stack: Stack) {}

  /**
   * Records that `property` got a value from a generator that can produce invalid values.
   *
   * @param properties the names an error may use for it
   * @param received the received value(s); an error must show one of them
   */
  public mark(properties: string | string[], ...received: Array<string | number | boolean>): void {
    this.marks.push({
      properties: typeof properties === 'string' ? [properties] : properties,
      renderings: received.flatMap(renderingsOf),
    });
  }

  /** The string for a generated value (a token for `TokenStr`), marked unless it is a token. */
  public str(properties: string | string[], value: GenStr): string {
    if (isToken(value)) {
      return this.token(value);
    }
    this.mark(properties, value);
    return value;
  }

  /** Like `str`, for an optional value. */
  public optStr(properties: string | string[], value: GenStr | undefined): string | undefined {
    return value === undefined ? undefined : this.str(properties, value);
  }

  /** A string token: a new CloudFormation parameter, or a Lazy of a valid value. */
  public token(value: TokenStr): string {
    if (value.token === 'lazy') {
      return Lazy.string({ produce: () => value.value });
    }
    return new CfnParameter(this.stack, `Param${++this.tokens}`, { type: 'String' }).valueAsString;
  }

  /** A number token (a CloudFormation parameter of type Number). */
  public numberToken(): number {
    return new CfnParameter(this.stack, `Param${++this.tokens}`, { type: 'Number' }).valueAsNumber;
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle

/**
 * Takes the place of CDK's own template checks (CloudFormationValidatePlugin, which only warns):
 * they are not the library's validation, cfn-lint is the judge here, and they take most of the
 * synthesis time.
 */
class SkipCdkTemplateChecks extends CloudFormationValidatePlugin {
  public validate(): any {
    return { success: true, violations: [] };
  }
}
let skipCdkTemplateChecks: SkipCdkTemplateChecks | undefined;

/** One cfn-lint finding. */
interface Finding {
  readonly rule: string;
  readonly level: string;
  readonly message: string;
  readonly path: string;
}

type Verdict =
  | { kind: 'rejected'; message: string; properties: string[] }
  | { kind: 'unclear'; message: string; unexplained: string[] }
  | { kind: 'accepted'; template: string; warnings: number }
  | { kind: 'escaped'; template: string; errors: Finding[] }
  | { kind: 'knownEscape'; template: string; errors: Finding[]; reasons: string[] };

/**
 * cfn-lint errors that a case may produce without failing the test, because the validation that
 * would prevent them is not in this library's reach (yet). Every one needs a reason, and the counts
 * report them separately; remove an entry once the validation exists.
 */
export interface KnownEscape {
  /** The cfn-lint rule, for example `E3030`. */
  readonly rule: string;
  /** Matches the finding's path (`Resources/<logical id>/Properties/...`). */
  readonly path: RegExp;
  /** Why it is known and who fixes it. */
  readonly reason: string;
}

/** Options of a property test. */
export interface PropertyTestOptions {
  /** cfn-lint errors that do not fail the test (reported as known escapes). */
  readonly knownEscapes?: KnownEscape[];
}

interface CaseResult<S> {
  readonly index: number;
  readonly spec: S;
  readonly marks: Mark[];
  verdict: Verdict;
}

/** The problems of an error message: the `  - ` lines of one error, or the lines of a synth-time validation report. */
export function problemsOf(message: string): { header: string; problems: string[] } {
  if (message.startsWith('Validation failed with the following errors:')) {
    const problems = message.split('\n').slice(1)
      .map((line) => /^\s+\[[^\]]*\] (.*)$/.exec(line)?.[1])
      .filter((line): line is string => line !== undefined);
    return { header: '', problems };
  }
  const [header, ...problems] = message.split('\n  - ');
  return problems.length > 0 ? { header, problems } : { header: '', problems: [message] };
}

/**
 * The problems that no mark explains: each problem must name one of the perturbed properties (in
 * the problem or in the error's header, which names the container for example) and show that
 * property's received value.
 */
function explainProblems(message: string, marks: Mark[]): { explained: string[]; unexplained: string[] } {
  const { header, problems } = problemsOf(message);
  if (problems.length === 0) {
    return { explained: [], unexplained: [message] };
  }
  const explained: string[] = [];
  const unexplained: string[] = [];
  for (const problem of problems) {
    // The header names the container of a problem (`Invalid containers[2] of Model ...`) or the factory that
    // raised it (`Invalid ModelData.fromS3Url:`): it counts for indexed properties and factory names only.
    const property = marks.flatMap((mark) => mark.renderings.some((r) => problem.includes(r))
      ? mark.properties.filter((p) => problem.includes(p) || ((p.includes('[') || /^[A-Z]\w*\.\w*$/.test(p)) && header.includes(p)))
      : [])[0];
    if (property === undefined) {
      unexplained.push(problem);
    } else {
      explained.push(property);
    }
  }
  return { explained, unexplained };
}

/** Where the templates go when the temporary directory is test-reports/synth (as in `npx projen test`). */
const PROPERTY_SYNTH_DIR = path.join(ROOT, 'test-reports', 'property-synth');

/** A directory for the templates, outside test-reports/synth (which the build's own gate lints). */
function workDirectory(construct: string): string {
  const synthDir = path.join(ROOT, 'test-reports', 'synth');
  const tmp = fs.realpathSync(os.tmpdir());
  const base = tmp === synthDir || tmp.startsWith(synthDir + path.sep) ? PROPERTY_SYNTH_DIR : tmp;
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `pbt-${construct}-`));
}

/** Runs cfn-lint on the templates (in the background); resolves to the findings by template path. */
function lint(files: string[], outFile: string): Promise<Map<string, Finding[]>> {
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      resolve(new Map());
      return;
    }
    const out = fs.openSync(outFile, 'w');
    const err = fs.openSync(`${outFile}.stderr`, 'w');
    const child = spawn(CFN_LINT, ['--format', 'json', '--', ...files], { stdio: ['ignore', out, err] });
    child.on('error', reject);
    child.on('close', (code) => {
      fs.closeSync(out);
      fs.closeSync(err);
      // Exit codes are a bit mask: 2 errors, 4 warnings, 8 informational; anything else is a crash.
      if (code === null || ![0, 2, 4, 6, 8, 10, 12, 14].includes(code)) {
        reject(new Error(`cfn-lint crashed (exit ${code}): ${fs.readFileSync(`${outFile}.stderr`, 'utf8').slice(0, 2000)}`));
        return;
      }
      const findings = new Map<string, Finding[]>();
      const text = fs.readFileSync(outFile, 'utf8').trim();
      for (const match of (text === '' ? [] : JSON.parse(text)) as any[]) {
        const file = path.resolve(match.Filename);
        const list = findings.get(file) ?? [];
        list.push({
          rule: match.Rule.Id,
          level: match.Level,
          message: match.Message,
          path: (match.Location?.Path ?? []).join('/'),
        });
        findings.set(file, list);
      }
      resolve(findings);
    });
  });
}

/** Counts of one construct's run. */
export interface Counts {
  readonly seed: number;
  readonly runs: number;
  readonly cases: number;
  readonly rejectedWithClearError: number;
  readonly rejectedWithUnclearError: number;
  readonly acceptedLintClean: number;
  readonly escaped: number;
  /** Accepted cases whose only cfn-lint errors are known escapes (see `KnownEscape`). */
  readonly knownEscapes: number;
  readonly knownEscapesByReason: Record<string, number>;
  readonly lintWarnings: number;
  readonly seconds: number;
  /** Generating the cases. */
  readonly generateSeconds: number;
  /** Synthesizing the cases (cfn-lint runs alongside). */
  readonly synthSeconds: number;
  /** Waiting for cfn-lint after the last synthesis. */
  readonly lintWaitSeconds: number;
  /** How often each property (as the error names it) was reported, for the docs. */
  readonly rejectionsByProperty: Record<string, number>;
}

/** Writes one construct's counts into test-reports/property-counts.json (shared by the test files, so under a lock). */
function writeCounts(construct: string, counts: Counts): void {
  fs.mkdirSync(path.dirname(COUNTS_FILE), { recursive: true });
  const lock = `${COUNTS_FILE}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (attempt > 200) {
        fs.rmSync(lock, { recursive: true, force: true });
      } else {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
      }
    }
  }
  try {
    let all: Record<string, unknown> = {};
    try {
      all = JSON.parse(fs.readFileSync(COUNTS_FILE, 'utf8'));
    } catch {
      // First writer.
    }
    all[construct] = counts;
    const tmp = `${COUNTS_FILE}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n');
    fs.renameSync(tmp, COUNTS_FILE);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The spec of a case as JSON, with long strings shortened (the seed and case number reproduce it exactly). */
export function describeSpec(spec: unknown, max = 3000): string {
  const json = JSON.stringify(spec, (_key, value) => (typeof value === 'string' && value.length > 100
    ? `${value.slice(0, 60)}…(${value.length} chars)`
    : value));
  return json.length > max ? `${json.slice(0, max)}… (see results.json)` : json;
}

/** A property as the counts by property show it: without indexes and map keys. */
function propertyOf(property: string): string {
  return property.replace(/\[\d+\]/g, '[]').replace(/\.(environment|customerMetadata)\..*$/, '.$1.<key>');
}

/**
 * Defines the property test of one construct: generates the cases, synthesizes each in its own
 * App, lints the accepted templates and checks the oracle.
 *
 * @param construct the construct's name (key in the counts)
 * @param arbitrary the generator of case specs (plain data)
 * @param build defines the case's constructs in `ctx.stack`, marking what it perturbed
 */
export function propertyTest<S>(
  construct: string,
  arbitrary: fc.Arbitrary<S>,
  build: (ctx: CaseContext, spec: S) => void,
  options: PropertyTestOptions = {}): void {
  const knownEscapes = options.knownEscapes ?? [];
  const timeout = Math.max(120_000, RUNS * 1_000);
  test(`${construct}: ${RUNS} generated cases (seed ${SEED}) are rejected with a clear error or synthesize a template cfn-lint accepts`, async () => {
    if (!fs.existsSync(CFN_LINT)) {
      throw new Error(`cfn-lint is missing at ${CFN_LINT}: create the virtualenv with \`bash scripts/venv.sh\` (or \`npx projen venv\`)`);
    }
    const started = Date.now();
    const specs = fc.sample(arbitrary, { seed: SEED, numRuns: RUNS });
    const generated = Date.now();
    const indexes = ONLY_CASE === undefined ? specs.map((_, i) => i) : [ONLY_CASE];
    const workDir = workDirectory(construct);

    const results: CaseResult<S>[] = [];
    const lints: Promise<Map<string, Finding[]>>[] = [];
    let batch: string[] = [];
    const flush = () => {
      lints.push(lint(batch, path.join(workDir, `lint-${lints.length}.json`)));
      batch = [];
    };

    // CDK 2.262 reports its own template checks on stderr at synth: keep the test output readable.
    const consoleError = console.error;
    const consoleWarn = console.warn;
    console.error = () => undefined;
    console.warn = () => undefined;
    try {
      for (const index of indexes) {
        const outdir = path.join(workDir, `case-${index}`);
        skipCdkTemplateChecks ??= new SkipCdkTemplateChecks();
        const app = new App({ outdir, analyticsReporting: false, treeMetadata: false, policyValidationBeta1: [skipCdkTemplateChecks] });
        const stack = new Stack(app, 'Stack', { env: ENV });
        const ctx = new CaseContext(app, stack);
        const result: CaseResult<S> = { index, spec: specs[index], marks: ctx.marks, verdict: { kind: 'accepted', template: '', warnings: 0 } };
        try {
          build(ctx, specs[index]);
          app.synth();
          const template = path.join(outdir, 'Stack.template.json');
          result.verdict = { kind: 'accepted', template, warnings: 0 };
          if (JSON.parse(fs.readFileSync(template, 'utf8')).Resources === undefined) {
            throw new Error(`case ${index} defines no resources: the generator must define at least one`);
          }
          batch.push(template);
          if (batch.length >= LINT_BATCH) {
            flush();
          }
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          const { explained, unexplained } = explainProblems(message, ctx.marks);
          result.verdict = unexplained.length === 0
            ? { kind: 'rejected', message, properties: explained }
            : { kind: 'unclear', message, unexplained };
        }
        results.push(result);
      }
      flush();
    } finally {
      console.error = consoleError;
      console.warn = consoleWarn;
    }

    const synthesized = Date.now();
    const findings = new Map<string, Finding[]>();
    for (const batchFindings of await Promise.all(lints)) {
      batchFindings.forEach((list, file) => findings.set(file, list));
    }
    let lintWarnings = 0;
    for (const result of results) {
      if (result.verdict.kind !== 'accepted') {
        continue;
      }
      const all = findings.get(path.resolve(result.verdict.template)) ?? [];
      const errors = all.filter((f) => f.rule.startsWith('E'));
      const warnings = all.filter((f) => f.rule.startsWith('W')).length;
      lintWarnings += warnings;
      const known = errors.map((f) => knownEscapes.find((k) => k.rule === f.rule && k.path.test(f.path)));
      if (errors.length === 0) {
        result.verdict = { kind: 'accepted', template: result.verdict.template, warnings };
      } else if (known.every((k) => k !== undefined)) {
        result.verdict = { kind: 'knownEscape', template: result.verdict.template, errors, reasons: [...new Set(known.map((k) => k!.reason))] };
      } else {
        result.verdict = { kind: 'escaped', template: result.verdict.template, errors };
      }
    }

    const count = (kind: Verdict['kind']) => results.filter((r) => r.verdict.kind === kind).length;
    const rejectionsByProperty: Record<string, number> = {};
    for (const result of results) {
      if (result.verdict.kind === 'rejected') {
        for (const problem of new Set(result.verdict.properties.map(propertyOf))) {
          rejectionsByProperty[problem] = (rejectionsByProperty[problem] ?? 0) + 1;
        }
      }
    }
    const counts: Counts = {
      seed: SEED,
      runs: RUNS,
      cases: results.length,
      rejectedWithClearError: count('rejected'),
      rejectedWithUnclearError: count('unclear'),
      acceptedLintClean: count('accepted'),
      escaped: count('escaped'),
      knownEscapes: count('knownEscape'),
      knownEscapesByReason: Object.fromEntries(knownEscapes.map((k) => [k.reason,
        results.filter((r) => r.verdict.kind === 'knownEscape' && r.verdict.reasons.includes(k.reason)).length])),
      lintWarnings,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      generateSeconds: Math.round((generated - started) / 100) / 10,
      synthSeconds: Math.round((synthesized - generated) / 100) / 10,
      lintWaitSeconds: Math.round((Date.now() - synthesized) / 100) / 10,
      rejectionsByProperty: Object.fromEntries(Object.entries(rejectionsByProperty).sort(([a], [b]) => a.localeCompare(b))),
    };
    if (ONLY_CASE === undefined) {
      writeCounts(construct, counts);
    }

    const failures = results.filter((r) => r.verdict.kind === 'unclear' || r.verdict.kind === 'escaped');
    if (failures.length > 0 || counts.knownEscapes > 0 || ONLY_CASE !== undefined || process.env.PBT_KEEP) {
      fs.writeFileSync(path.join(workDir, 'results.json'), JSON.stringify(results, null, 2));
    } else {
      fs.rmSync(workDir, { recursive: true, force: true });
      if (path.dirname(workDir) === PROPERTY_SYNTH_DIR) {
        try {
          fs.rmdirSync(PROPERTY_SYNTH_DIR);
        } catch {
          // Another test file still uses it.
        }
      }
    }
    const report = failures.slice(0, 5).map((r) => describeFailure(construct, r)).join('\n\n');
    const summary = `${construct}: ${counts.cases} cases (seed ${SEED}, ${RUNS} runs): ${counts.rejectedWithClearError} rejected with a clear error, `
      + `${counts.rejectedWithUnclearError} rejected with an unclear error, ${counts.acceptedLintClean} accepted and lint-clean, ${counts.escaped} escaped`
      + (knownEscapes.length > 0 ? ` (+${counts.knownEscapes} known escapes)` : '');
    if (counts.knownEscapes > 0 && failures.length === 0) {
      const examples = results.filter((r) => r.verdict.kind === 'knownEscape').slice(0, 3).map((r) => describeFailure(construct, r)).join('\n\n');
      process.stdout.write(`${summary}\nKnown escapes, details in ${path.join(workDir, 'results.json')}:\n`
        + `${Object.entries(counts.knownEscapesByReason).filter(([, n]) => n > 0).map(([reason, n]) => `  ${n} case(s): ${reason}`).join('\n')}\n\n${examples}\n`);
    }
    if (failures.length > 0) {
      throw new Error(`${summary}.\n${failures.length} failing case(s); all details in ${path.join(workDir, 'results.json')}.\n`
        + `Reproduce one with PBT_SEED=${SEED} PBT_RUNS=${RUNS} PBT_CASE=<case>.\n\n${report}`);
    }
    if (ONLY_CASE !== undefined) {
      process.stdout.write(`${summary}\ncase ${ONLY_CASE}: ${describeSpec(specs[ONLY_CASE])}\n${JSON.stringify(results[0].verdict, null, 2)}\n`);
      return;
    }
    // The generators must exercise both sides of the oracle.
    if (RUNS >= 100) {
      expect(counts.rejectedWithClearError).toBeGreaterThan(RUNS * 0.05);
      expect(counts.acceptedLintClean).toBeGreaterThan(RUNS * 0.05);
    }
  }, timeout);
}

function describeFailure<S>(construct: string, result: CaseResult<S>): string {
  const head = `${construct} case ${result.index} (PBT_SEED=${SEED} PBT_RUNS=${RUNS} PBT_CASE=${result.index}):\n  spec: ${describeSpec(result.spec)}`;
  const v = result.verdict;
  if (v.kind === 'unclear') {
    return `${head}\n  rejected with an error that does not name a perturbed property with its received value:\n    ${v.message.slice(0, 1500)}\n`
      + `  unexplained: ${JSON.stringify(v.unexplained.map((u) => u.slice(0, 300)))}\n`
      + `  perturbed: ${[...new Set(result.marks.map((m) => m.properties[0]))].slice(0, 30).join(', ')}`;
  }
  if (v.kind === 'escaped' || v.kind === 'knownEscape') {
    return `${head}\n  ${v.kind === 'escaped' ? 'ESCAPED' : 'known escape'}: synthesized ${v.template}, which cfn-lint rejects:\n`
      + v.errors.map((f) => `    ${f.rule} ${f.path}: ${f.message.slice(0, 400)}`).join('\n');
  }
  return head;
}

/** Whether a value is a token (for builders that need to know). */
export function unresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}
