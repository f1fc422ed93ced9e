/**
 * The constants the tests share: the environment of the stacks they build, the other accounts and
 * regions of cross-account and cross-region cases, and the image most versions and models run.
 *
 * Not here: examples/registry-app.ts has its own accounts (the example app, whose templates
 * test/example-app.test.ts snapshots), and test/bindings and test/integ are programs of their own.
 */

/** The account of the stacks the unit tests build. */
export const ACCOUNT = '111111111111';
/** The region of the stacks the unit tests build. */
export const REGION = 'us-east-1';
/** The environment of the stacks the unit tests build (`ACCOUNT` and `REGION`). */
export const ENV = { account: ACCOUNT, region: REGION };

/** Another account, for cross-account cases: the owner of an imported group, a consumer of a shared one. */
export const OTHER_ACCOUNT = '222222222222';
/** A third account, for cases with two accounts besides the stack's (a serving account, a second consumer). */
export const THIRD_ACCOUNT = '333333333333';
/** A fourth account, for cases with three accounts besides the stack's. */
export const FOURTH_ACCOUNT = '444444444444';
/** Another region, for cross-region cases. */
export const OTHER_REGION = 'eu-west-1';

/**
 * The account of the emulated AWS the handler tests and test/endpoint-moto.test.ts talk to: moto's
 * default account (`moto.core.DEFAULT_ACCOUNT_ID`), which moto puts in the ARNs it returns. The local
 * fakes beside moto (test/handlers/fake-sagemaker.ts) use it too, so that their ARNs look alike.
 */
export const MOTO_ACCOUNT = '123456789012';

/** SageMaker's prebuilt XGBoost 1.7-1 image in us-east-1 (a registry image: it grants nothing). */
export const XGBOOST_IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
