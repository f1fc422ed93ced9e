import * as fs from 'fs';
import * as path from 'path';
import { awscdk, javascript } from 'projen';

// The single source of truth for package.json, tsconfig files, tasks and CI files.
// Never hand-edit a generated file: change this one and run `npx projen`.

/** aws-cdk-lib floor: 2.262.0 is the first release that ships `CfnAlgorithm`. */
const cdkVersion = '2.262.0';
const constructsVersion = '10.5.1';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-sagemaker-registry',
  description:
    'AWS CDK L2 constructs for the Amazon SageMaker model registry: model package groups, model packages, models and algorithms with typed props, approval workflow and least-privilege grants.',
  author: 'cdk-sagemaker-registry contributors',
  authorAddress: 'cdk-sagemaker-registry@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk-sagemaker-registry/cdk-sagemaker-registry.git',
  license: 'Apache-2.0',
  keywords: ['aws', 'awscdk', 'aws-cdk', 'cdk', 'sagemaker', 'model-registry', 'mlops', 'model-package', 'construct'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  stability: 'experimental',

  cdkVersion,
  constructsVersion,
  minNodeVersion: '20.0.0',
  jsiiVersion: '~6.0.0',

  // Dev tsconfig at the top level (used by jest, eslint, ts-node and the example app).
  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'projenrc'],
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
  },

  publishToPypi: {
    distName: 'cdk-sagemaker-registry',
    module: 'cdk_sagemaker_registry',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdksagemakerregistry',
    mavenGroupId: 'io.github.cdksagemakerregistry',
    mavenArtifactId: 'cdk-sagemaker-registry',
  },
  // Go is wanted but not built yet: aws-cdk-go 2.262.0 needs cloud-assembly-schema-go v54.26.0,
  // which the Go module proxy reachable from our build machines does not serve.

  // @aws-sdk/client-sagemaker: used by the custom-resource handlers (src/handlers/) and their tests. The
  // Lambda Node.js runtime ships it, so the handler bundles leave it out (see the bundles below).
  // awslint: the AWS Construct Library's linter, pinned with the jsii-reflect it is built on (see the awslint task).
  // fast-check: the property-based tests (test/property).
  devDeps: [
    'cdk-nag@^2',
    '@aws-sdk/client-sagemaker@^3',
    'awslint@2.262.2-alpha.0',
    'jsii-reflect@1.138.0',
    'fast-check@^4',
  ],

  // Custom-resource handlers are Lambda code, not library API: esbuild bundles them into assets/
  // (below); jsii does not compile them into lib/.
  excludeTypescript: ['src/handlers/**'],

  jestOptions: {
    // Snapshot tests must be able to fail: never rewrite snapshots during `test`.
    // Use `npx projen test:update` to accept intended changes.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // The suite's TMPDIR is wiped before each run (see the test task); keep jest's cache elsewhere.
      cacheDirectory: '<rootDir>/node_modules/.cache/jest',
      // assets/: esbuild bundles of src/handlers (covered through their sources).
      coveragePathIgnorePatterns: ['/node_modules/', '/examples/', '/test/', '/assets/'],
      coverageThreshold: {
        statements: 90, branches: 85, functions: 90, lines: 90,
      },
    },
  },

  gitignore: [
    '/cdk.out/',
    '/.venv/',
    '/.jsii.tabl.json',
    '/test-reports/',
    '__pycache__/',
  ],
});

for (const pattern of ['/.venv/', '/cdk.out/', '/.jsii.tabl.json', '/test-reports/', '/examples/', '/scripts/', '/rosetta/', '/requirements-dev.txt', '/.ci/', '/tsconfig.dev.json', '/awslint.json']) {
  project.addPackageIgnore(pattern);
}

// ---------------------------------------------------------------------------
// Example app: `npx projen demo` synthesizes it into cdk.out/ and prints each stack's resources.
project.tsconfigDev.addInclude('examples/**/*.ts');
project.tsconfigDev.addInclude('scripts/**/*.ts');
project.tsconfigDev.addInclude('.projenrc.ts');

// The demo runs from the TypeScript sources (ts-node), so the only build output it needs is the
// custom-resource handler bundles (assets/handlers), which the constructs load: it builds them first, so
// `npm ci && npx projen demo` works on a fresh clone with nothing else run before.
const demo = project.addTask('demo', {
  description: 'Synthesize the example ML-platform registry app into cdk.out/ and print the resources of each stack',
});


// ---------------------------------------------------------------------------
// README examples compile under jsii-rosetta in strict mode (fixture: rosetta/default.ts-fixture).
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every README example with jsii-rosetta --strict',
  steps: [{ exec: 'jsii-rosetta extract --strict' }],
});
project.postCompileTask.spawn(rosetta);

// ---------------------------------------------------------------------------
// cfn-lint gate: a pinned cfn-lint in a project-local virtualenv validates every template
// synthesized by the test suite (collected through TMPDIR) and by the example app.
const venv = project.addTask('venv', {
  description: 'Create .venv with the pinned Python test tools from requirements-dev.txt',
  steps: [{ exec: 'bash scripts/venv.sh' }],
});
const cfnLint = project.addTask('cfn-lint', {
  description: 'Validate every synthesized template (tests + example app) with the pinned cfn-lint',
  steps: [{ spawn: venv.name }, { exec: '.venv/bin/python scripts/cfn_lint_gate.py' }],
});

// ---------------------------------------------------------------------------
// Custom-resource handlers: one esbuild bundle per handler kind, src/handlers/<kind>/index.ts ->
// assets/handlers/<kind>/index/index.js (every folder of src/handlers with an index.ts is a kind;
// src/handlers/shared holds their common code). projen's bundler git-ignores assets/ and keeps it in
// the npm package (and so in the jsii packages); the constructs load it with lambda.Code.fromAsset.
// The AWS SDK v3 is provided by the Lambda Node.js runtime, so it is not bundled.
const handlerKinds = fs.readdirSync('src/handlers', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join('src/handlers', entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();
for (const kind of handlerKinds) {
  project.bundler.addBundle(`src/handlers/${kind}/index.ts`, {
    platform: 'node',
    target: 'node20',
    externals: ['@aws-sdk/*'],
    watchTask: false,
  });
}
demo.spawn(project.bundler.bundleTask);
demo.exec('ts-node --project tsconfig.dev.json examples/main.ts');

// Handler code may import the AWS SDK (a devDependency: the runtime provides it).
project.eslint!.allowDevDeps('src/handlers/**');

// Every template the jest suite synthesizes lands under the temporary directory; point it into
// the project so the cfn-lint gate can find all of them.
project.testTask.reset();
project.testTask.exec('rm -rf test-reports/synth && mkdir -p test-reports/synth');
// The handler tests start the SageMaker emulator from .venv (moto_server), and the custom-resource
// constructs load the handler bundles: both must exist before jest runs.
project.testTask.spawn(venv);
project.testTask.spawn(project.bundler.bundleTask);
project.testTask.exec('TMPDIR="$PWD/test-reports/synth" jest --passWithNoTests --ci --json --outputFile=test-reports/jest-results.json', { receiveArgs: true });
project.testTask.spawn(demo);
project.testTask.spawn(cfnLint);
// awslint: the AWS Construct Library guidelines over the .jsii assembly; any error fails the build.
const awslint = project.addTask('awslint', {
  description: 'Lint the .jsii assembly with awslint (the AWS Construct Library guidelines); exclusions in awslint.json',
  steps: [{ exec: 'ts-node --project tsconfig.dev.json scripts/awslint.ts' }],
});
project.testTask.spawn(awslint);
project.testTask.spawn(project.eslint!.eslintTask);

// ---------------------------------------------------------------------------
// Binding tests: jsii-pacmak builds the Python wheel and the Java package, then a small program in
// each language synthesizes a stack with the library and checks the template.
const bindings = project.addTask('test:bindings', {
  description: 'Build the Python and Java packages with jsii-pacmak and run the binding smoke programs',
  steps: [{ exec: 'bash test/bindings/run.sh' }],
});
project.packageTask.spawn(bindings);

// ---------------------------------------------------------------------------
// Property-based tests (test/property, fast-check with cfn-lint as the oracle): 300 cases per construct run in
// the test task; this opt-in task runs 3000 per construct (set PBT_SEED to change the seed).
project.addTask('test:property', {
  description: 'Run the property-based tests with 3000 generated cases per construct (cfn-lint as the oracle)',
  steps: [
    { spawn: venv.name },
    { spawn: project.bundler.bundleTask.name },
    { exec: 'mkdir -p test-reports/property-tmp' },
    { exec: 'PBT_RUNS=${PBT_RUNS:-3000} TMPDIR="$PWD/test-reports/property-tmp" jest test/property --coverage=false', receiveArgs: true },
  ],
});

// ---------------------------------------------------------------------------
// Benchmarks (opt-in; not part of build or test): synth time, peak memory and template size of the library
// vs the same registry written with L1s (N=10/100/1000), the Python binding (N=100) and import cost.
// Writes docs/benchmarks.md; raw numbers and CPU profiles go to test-reports/bench/.
// Python needs test/bindings/.venv (`npx projen test:bindings`). `npx projen bench -- --quick` for a rough run.
project.addTask('bench', {
  description: 'Benchmark synth time, memory and template size against hand-written L1s (TypeScript, Python) and import cost; writes docs/benchmarks.md',
  steps: [
    { spawn: project.compileTask.name },
    { exec: 'bash scripts/bench/run.sh', receiveArgs: true },
  ],
});

// Tool output inside test/ (added last: projen's "!/test/" would re-include it otherwise).
project.addGitIgnore('/test/bindings/.venv/');
project.addGitIgnore('/test/bindings/java/target/');

project.synth();
