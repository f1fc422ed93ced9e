/**
 * Handler of `Custom::SageMakerAlgorithm`: SageMaker algorithms with a validation specification,
 * which CloudFormation's `AWS::SageMaker::Algorithm` cannot express.
 *
 * - `onEvent` calls CreateAlgorithm (Create, and Update with a new name: a replacement, after
 *   which CloudFormation deletes the old algorithm), AddTags/DeleteTags (Update of the tags only)
 *   or DeleteAlgorithm (Delete).
 * - `isComplete` polls DescribeAlgorithm until the algorithm is `Completed` (returning its ARN),
 *   fails with SageMaker's reasons when it is `Failed`, and waits for deletions to finish.
 *
 * The physical resource id is the algorithm name. Every request is safe to repeat: a Create that
 * finds an algorithm of the same name waits for it, and Delete tolerates a missing algorithm.
 * Throttling and transient errors are retried with exponential backoff.
 *
 * The resource properties are CreateAlgorithm's input (PascalCase) plus `Tags`; CloudFormation
 * sends every scalar as a string, so booleans and numbers are converted back here.
 */
import {
  AddTagsCommand,
  CreateAlgorithmCommand,
  CreateAlgorithmCommandInput,
  DeleteAlgorithmCommand,
  DeleteTagsCommand,
  DescribeAlgorithmCommand,
  DescribeAlgorithmCommandOutput,
  SageMakerClient,
  Tag,
} from '@aws-sdk/client-sagemaker';
import {
  CoercionRules,
  CustomResourceEvent,
  IsCompleteEvent,
  IsCompleteResponse,
  OnEventResponse,
  coerceProperties,
  withoutServiceToken,
} from '../shared/custom-resource';
import { DEFAULT_RETRY_OPTIONS, RetryOptions, withRetries } from '../shared/retry';

/** Members of CreateAlgorithm's input that are booleans or numbers (botocore model). */
export const ALGORITHM_COERCION: CoercionRules = {
  booleans: new Set(['SupportsDistributedTraining', 'IsTunable', 'IsRequired', 'CertifyForMarketplace', 'IsCheckpoint']),
  numbers: new Set(['InstanceCount', 'VolumeSizeInGB', 'MaxRuntimeInSeconds', 'MaxConcurrentTransforms', 'MaxPayloadInMB']),
  opaque: new Set(['Environment', 'HyperParameters']),
};

/** `AlgorithmName` of CreateAlgorithm and DeleteAlgorithm. */
const ALGORITHM_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** The parts of the request that define the algorithm (and must match an existing one to adopt it). */
const DEFINITION_MEMBERS = [
  'AlgorithmDescription',
  'TrainingSpecification',
  'InferenceSpecification',
  'ValidationSpecification',
  'CertifyForMarketplace',
] as const;

/** Options of `createAlgorithmHandlers`, for tests and other callers. */
export interface AlgorithmHandlerOptions {
  /** The SageMaker client. Default: one for the Lambda's region that makes one attempt per call. */
  readonly client?: SageMakerClient;
  /** How throttled and transient calls are retried. */
  readonly retry?: Partial<RetryOptions>;
  /** Where progress is logged. Default: console.log. */
  readonly log?: (message: string) => void;
}

/** The provider framework's two entry points. */
export interface AlgorithmHandlers {
  onEvent(event: CustomResourceEvent): Promise<OnEventResponse>;
  isComplete(event: IsCompleteEvent): Promise<IsCompleteResponse>;
}

/** What a request asks for. */
interface Desired {
  readonly name: string;
  readonly request: CreateAlgorithmCommandInput;
  readonly tags: Tag[];
}

/** Creates the handlers with their own client and retry settings. */
export function createAlgorithmHandlers(options: AlgorithmHandlerOptions = {}): AlgorithmHandlers {
  const log = options.log ?? ((message: string) => console.log(message));
  const client = options.client ?? new SageMakerClient({ maxAttempts: 1 });
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, log, ...options.retry };
  const call = <T>(what: string, fn: () => Promise<T>) => withRetries(what, fn, retry);

  async function describe(name: string): Promise<DescribeAlgorithmCommandOutput | undefined> {
    try {
      return await call(`DescribeAlgorithm ${name}`, () => client.send(new DescribeAlgorithmCommand({ AlgorithmName: name })));
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
  }

  async function create(desired: Desired): Promise<OnEventResponse> {
    const { name } = desired;
    let arn: string | undefined;
    try {
      const output = await call(`CreateAlgorithm ${name}`, () => client.send(new CreateAlgorithmCommand({
        ...desired.request,
        Tags: desired.tags.length > 0 ? desired.tags : undefined,
      })));
      arn = output.AlgorithmArn;
      log(`CreateAlgorithm ${name}: ${arn}`);
    } catch (error) {
      const existing = isAlreadyExists(error) ? await describe(name) : undefined;
      if (!existing) {
        throw error;
      }
      // A repeated request (for example after a timeout): wait for the algorithm the first one created.
      arn = existing.AlgorithmArn;
      log(`CreateAlgorithm ${name}: the algorithm already exists (${existing.AlgorithmStatus}); waiting for it`);
    }
    return { PhysicalResourceId: name, Data: { AlgorithmArn: arn, AlgorithmName: name } };
  }

  async function update(event: CustomResourceEvent): Promise<OnEventResponse> {
    const previous = parse(event.OldResourceProperties);
    const desired = parse(event.ResourceProperties);
    const current = event.PhysicalResourceId!;
    if (desired.name !== current) {
      // Any change replaces an algorithm: create the new one; CloudFormation then deletes the old one.
      log(`Update ${current}: replacing it with ${desired.name}`);
      return create(desired);
    }
    const existing = await describe(current);
    if (!existing) {
      throw new Error(`Algorithm ${current} does not exist: it was deleted outside CloudFormation`);
    }
    if (canonicalJson(definition(previous.request)) !== canonicalJson(definition(desired.request))) {
      if (!matches(definition(desired.request), existing)) {
        throw new Error(`Algorithm ${current} cannot be changed in place: SageMaker has no UpdateAlgorithm, so every change `
          + 'replaces the algorithm, and the replacement needs another name. Leave algorithmName out to get a generated name '
          + 'that changes with the properties, or give a new algorithmName with the change.');
      }
      // The existing algorithm is already what is asked for: the rollback of a failed change, or a repeated request.
      log(`Update ${current}: the algorithm already has the requested definition`);
    }
    await updateTags(existing.AlgorithmArn!, previous.tags, desired.tags);
    return { PhysicalResourceId: current, Data: { AlgorithmArn: existing.AlgorithmArn, AlgorithmName: current } };
  }

  async function updateTags(arn: string, previous: Tag[], desired: Tag[]): Promise<void> {
    const before = new Map(previous.map((t) => [t.Key, t.Value]));
    const after = new Set(desired.map((t) => t.Key));
    const removed = [...before.keys()].filter((k): k is string => k !== undefined && !after.has(k));
    const changed = desired.filter((t) => !before.has(t.Key) || before.get(t.Key) !== t.Value);
    if (removed.length > 0) {
      await call(`DeleteTags ${arn}`, () => client.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: removed })));
      log(`DeleteTags ${arn}: ${removed.join(', ')}`);
    }
    if (changed.length > 0) {
      await call(`AddTags ${arn}`, () => client.send(new AddTagsCommand({ ResourceArn: arn, Tags: changed })));
      log(`AddTags ${arn}: ${changed.map((t) => t.Key).join(', ')}`);
    }
  }

  /** Deletes the algorithm; false when SageMaker refused for now (a conflict, such as a running validation). */
  async function deleteAlgorithm(name: string): Promise<boolean> {
    try {
      await call(`DeleteAlgorithm ${name}`, () => client.send(new DeleteAlgorithmCommand({ AlgorithmName: name })));
      log(`DeleteAlgorithm ${name}`);
      return true;
    } catch (error: any) {
      if (isNotFound(error)) {
        log(`DeleteAlgorithm ${name}: it does not exist; nothing to delete`);
        return true;
      }
      if (error?.name === 'ConflictException') {
        log(`DeleteAlgorithm ${name}: ${error.message}; trying again later`);
        return false;
      }
      throw error;
    }
  }

  async function handleEvent(event: CustomResourceEvent): Promise<OnEventResponse> {
    log(`${event.RequestType} ${event.LogicalResourceId} (${event.PhysicalResourceId ?? 'new'})`);
    switch (event.RequestType) {
      case 'Create':
        return create(parse(event.ResourceProperties));
      case 'Update':
        return update(event);
      case 'Delete': {
        const name = event.PhysicalResourceId!;
        // A failed Create leaves an id that is no algorithm name: there is nothing to delete then.
        if (ALGORITHM_NAME_PATTERN.test(name)) {
          await deleteAlgorithm(name);
        } else {
          log(`Delete: '${name}' is not an algorithm name; nothing to delete`);
        }
        return { PhysicalResourceId: name };
      }
      default:
        throw new Error(`Unknown request type ${(event as CustomResourceEvent).RequestType}`);
    }
  }

  async function checkComplete(event: IsCompleteEvent): Promise<IsCompleteResponse> {
    const name = event.PhysicalResourceId;
    if (event.RequestType === 'Delete') {
      const existing = ALGORITHM_NAME_PATTERN.test(name) ? await describe(name) : undefined;
      if (!existing) {
        return { IsComplete: true };
      }
      if (existing.AlgorithmStatus === 'Completed' || existing.AlgorithmStatus === 'Failed') {
        // The first DeleteAlgorithm was refused while the algorithm was busy: try again.
        await deleteAlgorithm(name);
      }
      return { IsComplete: false };
    }
    const algorithm = await describe(name);
    if (!algorithm) {
      throw new Error(`Algorithm ${name} does not exist: it was deleted while CloudFormation waited for it`);
    }
    switch (algorithm.AlgorithmStatus) {
      case 'Completed':
        log(`Algorithm ${name} is Completed`);
        return { IsComplete: true, Data: { AlgorithmArn: algorithm.AlgorithmArn, AlgorithmName: name } };
      case 'Failed':
        throw new Error(`Algorithm ${name} failed: ${failureReasons(algorithm)}`);
      case 'Deleting':
        throw new Error(`Algorithm ${name} is being deleted`);
      default:
        log(`Algorithm ${name} is ${algorithm.AlgorithmStatus}`);
        return { IsComplete: false };
    }
  }

  return { onEvent: handleEvent, isComplete: checkComplete };
}

/** The request of a set of resource properties. */
function parse(properties: Record<string, any> | undefined): Desired {
  const { Tags, ...request } = coerceProperties(withoutServiceToken(properties), ALGORITHM_COERCION) as CreateAlgorithmCommandInput;
  if (typeof request.AlgorithmName !== 'string' || request.AlgorithmName === '') {
    throw new Error('The resource properties have no AlgorithmName');
  }
  return { name: request.AlgorithmName, request, tags: Tags ?? [] };
}

function definition(request: CreateAlgorithmCommandInput): Record<string, unknown> {
  return Object.fromEntries(DEFINITION_MEMBERS.map((m) => [m, request[m]]));
}

/**
 * Whether what SageMaker describes has everything the request asks for. SageMaker may add
 * members with default values, so only the requested members are compared; an unset boolean
 * counts as false.
 */
function matches(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => matches(w, have[i]));
  }
  if (typeof want === 'object' && want !== null) {
    const got = (typeof have === 'object' && have !== null ? have : {}) as Record<string, unknown>;
    return Object.entries(want).every(([k, w]) => matches(w, got[k]));
  }
  if (want === undefined || want === false) {
    return have === undefined || have === want;
  }
  return want === have;
}

function failureReasons(algorithm: DescribeAlgorithmCommandOutput): string {
  const details = algorithm.AlgorithmStatusDetails;
  const reasons = [
    ...(details?.ValidationStatuses ?? []).filter((s) => s.Status === 'Failed')
      .map((s) => `validation of profile ${s.Name}: ${s.FailureReason ?? 'no reason given'}`),
    ...(details?.ImageScanStatuses ?? []).filter((s) => s.Status === 'Failed')
      .map((s) => `image scan of ${s.Name}: ${s.FailureReason ?? 'no reason given'}`),
  ];
  return reasons.length > 0 ? reasons.join('; ') : 'SageMaker gave no reason (AlgorithmStatusDetails lists no failure)';
}

function isNotFound(error: any): boolean {
  return error?.name === 'ResourceNotFound'
    || (error?.name === 'ValidationException' && /does not exist|not found|could not find|cannot find/i.test(error?.message ?? ''));
}

function isAlreadyExists(error: any): boolean {
  return ['ValidationException', 'ResourceInUse', 'ConflictException'].includes(error?.name)
    && /already exist/i.test(error?.message ?? '');
}

/** JSON with sorted object keys, to compare requests whatever the order of their members. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

let handlers: AlgorithmHandlers | undefined;

/** The provider framework's `onEvent` entry point (handler `index.onEvent`). */
export async function onEvent(event: CustomResourceEvent): Promise<OnEventResponse> {
  handlers ??= createAlgorithmHandlers();
  return handlers.onEvent(event);
}

/** The provider framework's `isComplete` entry point (handler `index.isComplete`). */
export async function isComplete(event: IsCompleteEvent): Promise<IsCompleteResponse> {
  handlers ??= createAlgorithmHandlers();
  return handlers.isComplete(event);
}
