/**
 * Shared pieces of the integration tests (test/integ/integ.*.ts), run by integ-runner:
 * `npx projen integ` compares their snapshots, `npx projen integ:deploy` deploys them (README,
 * "Verify on your account").
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { ModelPackageGroup } from '../../src';

/**
 * The region every integration test deploys to (`IntegTest` regions): the container image below is the
 * SageMaker XGBoost image of this region (SageMaker's built-in images live in a different account in
 * each region). The stacks themselves are environment-agnostic, like the assertion stacks of
 * integ-tests-alpha, so that assertions can refer to their resources.
 */
export const REGION = 'us-east-1';

/** SageMaker's XGBoost 1.7-1 image in us-east-1 (training and inference, CSV input). */
export const XGBOOST_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/**
 * The account that the sharing test grants read access to through the group's resource policy.
 * Set INTEG_CONSUMER_ACCOUNT to a second account of yours to check cross-account access from it
 * (this changes the template, so `integ:deploy` then rewrites that snapshot: discard the change).
 */
export const CONSUMER_ACCOUNT = process.env.INTEG_CONSUMER_ACCOUNT ?? '111122223333';

/** Files the tests upload as assets: a small XGBoost model and its training/inference data. */
export const ASSETS = path.join(__dirname, 'assets');

/**
 * An app for an integration test. Lookups that refresh on every deployment carry a fixed nonce, so
 * that the snapshot does not change with the time of synthesis, and no construct records the stack
 * trace of its creation (machine-specific paths in the snapshot's metadata).
 */
export function integApp(): App {
  return new App({
    context: {
      [ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY]: 'integ',
      'aws:cdk:disable-stack-trace': true,
      'aws:cdk:disable-creation-stack-traces': true,
    },
  });
}

/** An environment-agnostic stack (deployed by integ-runner to REGION, in the caller's account). */
export function integStack(app: App, id: string, props: StackProps = {}): Stack {
  return new Stack(app, id, props);
}

/** An `IntegTest` option: the test runs in REGION only. */
export const INTEG_REGIONS = [REGION];

/**
 * The newest cloud assembly schema major version that integ-runner reads: @aws-cdk/integ-runner 2.197.10,
 * the newest release on npm, bundles a toolkit that rejects a manifest newer than 53.x.x, while
 * aws-cdk-lib 2.262.0 writes 54.0.0 (for CLI 2.1144.0 and newer).
 */
const RUNNER_SCHEMA_MAJOR = 53;

/**
 * Synthesizes an integration test's app. Compatibility shim: the schema version of the assembly's
 * manifests (manifest.json, integ.json, cdk.out and the asset manifests) is relabelled `53.0.0` when it
 * is newer than integ-runner reads; the stack, asset and tree artifacts these tests produce are the same
 * in both. Remove the shim once an integ-runner that reads schema 54 is released.
 */
export function synthIntegApp(app: App): void {
  const directory = app.synth().directory;
  const manifests = fs.readdirSync(directory)
    .filter((file) => ['manifest.json', 'integ.json', 'cdk.out'].includes(file) || file.endsWith('.assets.json'));
  for (const file of manifests) {
    const text = fs.readFileSync(path.join(directory, file), 'utf-8');
    const manifest = JSON.parse(text);
    if (typeof manifest.version === 'string' && Number(manifest.version.split('.')[0]) > RUNNER_SCHEMA_MAJOR) {
      manifest.version = `${RUNNER_SCHEMA_MAJOR}.0.0`;
      fs.writeFileSync(path.join(directory, file), JSON.stringify(manifest, undefined, text.includes('\n') ? 2 : undefined));
    }
  }
}
