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
  // Go: the module's go.mod requires awscdk at the library's floor (v2.262.0); Go users (and the smoke
  // program in test/bindings/go) require a newer awscdk, which Go's minimal version selection then uses.
  publishToGo: {
    moduleName: 'github.com/cdk-sagemaker-registry/cdk-sagemaker-registry-go',
    packageName: 'cdksagemakerregistry',
  },

  // @aws-sdk/client-sagemaker, @aws-sdk/client-lambda: used by the custom-resource handlers (src/handlers/;
  // client-lambda for a handler's re-invocation of itself) and their tests. The Lambda Node.js runtime
  // ships them, so the handler bundles leave them out (see the bundles below).
  // awslint: the AWS Construct Library's linter, pinned with the jsii-reflect it is built on (see the awslint task).
  // fast-check: the property-based tests (test/property).
  devDeps: [
    'cdk-nag@^2',
    '@aws-sdk/client-sagemaker@^3',
    '@aws-sdk/client-lambda@^3',
    'awslint@2.262.2-alpha.0',
    'jsii-reflect@1.138.0',
    'fast-check@^4',
    // Integration tests (test/integ): the runner and the assertion constructs (the newest alpha whose
    // aws-cdk-lib peer range accepts the 2.262.0 floor).
    '@aws-cdk/integ-runner@2.197.10',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    // test/alpha-compat.test.ts: this library's Model served by the alpha's EndpointConfig and Endpoint
    // (the alpha's latest release; its aws-cdk-lib peer range ^2.159.1 accepts ours).
    '@aws-cdk/aws-sagemaker-alpha@2.159.1-alpha.0',
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
// Struct keys: src/private/validate/struct-keys.generated.ts lists the properties of every exported
// struct, so the library can reject keys it does not know (a Python dict's `model_data`, a misspelled
// key) instead of dropping them. Read off the sources by scripts/struct-keys.ts; refreshed before every compile, and
// test/struct-keys.test.ts fails when the committed table is stale.
const structKeys = project.addTask('struct-keys', {
  description: 'Regenerate src/private/validate/struct-keys.generated.ts (the property names of every exported struct)',
  steps: [{ exec: 'ts-node --project tsconfig.dev.json scripts/struct-keys.ts' }],
});
project.preCompileTask.spawn(structKeys);

// ---------------------------------------------------------------------------
// README examples compile under jsii-rosetta in strict mode (fixture: rosetta/default.ts-fixture).
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every README example with jsii-rosetta --strict',
  steps: [{ exec: 'jsii-rosetta extract --strict' }],
});
project.postCompileTask.spawn(rosetta);
// ...and their Python translations (which ship in the wheel's README) compile and use no JavaScript globals.
const rosettaPython = project.addTask('rosetta:python', {
  description: 'Check that the Python translations of the README examples compile and use no JavaScript globals',
  steps: [{ exec: 'ts-node --project tsconfig.dev.json scripts/rosetta-python.ts' }],
});
project.postCompileTask.spawn(rosettaPython);

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
    target: 'node24',
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
  description: 'Build the Python, Java and Go packages with jsii-pacmak and run the binding smoke programs',
  steps: [{ exec: 'bash test/bindings/run.sh' }],
});
project.packageTask.spawn(bindings);
// The Python package gets the struct-key guard (src/python/struct_guard.py): jsii drops dict keys a struct
// does not declare (a Python dict's `model_data`), so the check has to run in Python, before jsii does.
project.tasks.tryFind('package:python')!.exec('python3 scripts/python_struct_guard.py dist/python');
// The Maven POM gets the same aws-cdk-lib and constructs ranges as npm and PyPI (jsii-pacmak pins them to the
// newest version of the day): see scripts/java_pom_ranges.py.
project.tasks.tryFind('package:java')!.exec('python3 scripts/java_pom_ranges.py dist/java');
// One story for versions and stability: the wheel, the POM, package.json, .jsii and the README agree.
const metadata = project.addTask('check:metadata', {
  description: 'Check that stability, the aws-cdk-lib floor and the Node.js minimum agree across npm, PyPI, Maven and the README',
  steps: [{ exec: 'python3 scripts/check_metadata.py' }],
});
project.packageTask.spawn(metadata);

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

// ---------------------------------------------------------------------------
// Go: jsii-pacmak's own compile check of the generated module (part of `package:go`) resolves awscdk at the
// library's floor, v2.262.0, whose cloud-assembly-schema-go v54.26.0 the Go module proxy of our build
// machines refuses. Generate the module only: the Go smoke program (test:bindings) compiles and runs it,
// against the newer awscdk of test/bindings/go/go.mod. The published files are the same either way.
project.tasks.tryFind('package:go')!.reset('jsii-pacmak -v --target go --code-only');

// ---------------------------------------------------------------------------
// Integration tests (test/integ/integ.*.ts, @aws-cdk/integ-tests-alpha assertions), run by integ-runner.
// `integ` (part of test) synthesizes each one and compares it with its committed snapshot
// (test/integ/integ.*.ts.snapshot/; asset hashes are not compared): any template change fails until it
// is accepted with `integ:update`. `integ:deploy` deploys every test to the account and region of the
// caller's credentials (us-east-1), runs its assertions against SageMaker and destroys it.
const integRunner = 'integ-runner --directory test/integ --language typescript --parallel-regions us-east-1'
  + ' --app "ts-node --transpile-only --project tsconfig.dev.json {filePath}"';
const integ = project.addTask('integ', {
  description: 'Compare the integration test snapshots (test/integ) with freshly synthesized templates; no deployment',
  steps: [
    { spawn: project.bundler.bundleTask.name },
    // integ-runner runs the tests with ts-node --transpile-only: type-check them first, once.
    { exec: 'tsc --noEmit -p test/integ/tsconfig.json' },
    { exec: integRunner, receiveArgs: true },
  ],
});
project.addTask('integ:update', {
  description: 'Accept changed integration test templates: rewrite their snapshots without deploying',
  steps: [{ spawn: project.bundler.bundleTask.name }, { exec: `${integRunner} --update-on-failed --dry-run`, receiveArgs: true }],
});
project.addTask('integ:deploy', {
  description: 'Deploy every integration test to the account of your AWS credentials, run its assertions and destroy it',
  steps: [
    { spawn: project.bundler.bundleTask.name },
    { exec: `${integRunner} --force --update-on-failed --no-update-workflow`, receiveArgs: true },
  ],
});
project.testTask.spawn(integ);

// Tool output inside test/ (added last: projen's "!/test/" would re-include it otherwise).
project.addGitIgnore('/test/bindings/.venv/');
project.addGitIgnore('/test/bindings/java/target/');
// integ-runner's work directories, and the asset copies in snapshots (bundles; only templates are compared).
project.addGitIgnore('/test/integ/cdk-integ.out.*');
project.addGitIgnore('/test/integ/*.snapshot/asset.*');

project.synth();
