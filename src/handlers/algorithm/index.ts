/**
 * Handler of `Custom::SageMakerAlgorithm`: SageMaker algorithms with a validation specification,
 * which CloudFormation's `AWS::SageMaker::Algorithm` cannot express.
 *
 * - Create calls CreateAlgorithm and waits until the algorithm is `Completed` (answering with its
 *   ARN), or fails with SageMaker's reasons when it is `Failed`. Validation runs a training job (and
 *   possibly a transform job), so the wait continues in further invocations of the function (see
 *   shared/handler.ts) up to the total budget of 55 minutes, below CloudFormation's hour.
 * - An algorithm of the same name that exists already is adopted only if its definition equals the
 *   requested one (the comparison Update uses); otherwise Create fails, naming the algorithm and the
 *   first difference, and leaves it alone.
 * - Every algorithm this resource creates or adopts gets the owner tag
 *   `cdk-sagemaker-registry:owner` (the stack and the logical id). Delete deletes an algorithm only
 *   when it carries this resource's owner tag: never one the stack did not create or adopt. A Delete
 *   that SageMaker refuses for now (a validation still running) is tried again until it is accepted,
 *   and the Delete waits until the algorithm is gone.
 * - Update: a new name is a replacement (create the new one; CloudFormation then deletes the old
 *   id). With the same name only the tags can change (SageMaker has no UpdateAlgorithm); the Update of
 *   a rollback sends the definition the algorithm already has, and succeeds.
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
  ListTagsCommand,
  SageMakerClient,
  Tag,
} from '@aws-sdk/client-sagemaker';
import {
  Continue,
  CustomResourceEvent,
  HandlerResult,
  Invocation,
  ResourceError,
  deployTimeHandler,
  isAlreadyExists,
  isNotCreated,
  isNotFound,
  rootCause,
} from '../shared/handler';
import { HandlerOptions, SageMakerCalls, sageMakerClient } from '../shared/sagemaker';

/** Which members of a request hold booleans and numbers (CloudFormation sends them as strings). */
export interface CoercionRules {
  /** Members whose values are booleans. */
  readonly booleans: ReadonlySet<string>;
  /** Members whose values are numbers. */
  readonly numbers: ReadonlySet<string>;
  /** Maps whose keys are user data: their values are kept as strings. */
  readonly opaque: ReadonlySet<string>;
}

/** Members of CreateAlgorithm's input that are booleans or numbers (botocore model). */
export const ALGORITHM_COERCION: CoercionRules = {
  booleans: new Set(['SupportsDistributedTraining', 'IsTunable', 'IsRequired', 'CertifyForMarketplace', 'IsCheckpoint']),
  numbers: new Set(['InstanceCount', 'VolumeSizeInGB', 'MaxRuntimeInSeconds', 'MaxConcurrentTransforms', 'MaxPayloadInMB']),
  opaque: new Set(['Environment', 'HyperParameters']),
};

/** `AlgorithmName` of CreateAlgorithm and DeleteAlgorithm. */
const ALGORITHM_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** The tag that says which custom resource created (or adopted) an algorithm. */
export const OWNER_TAG = 'cdk-sagemaker-registry:owner';

/** The parts of the request that define the algorithm (and must match an existing one to adopt it). */
const DEFINITION_MEMBERS = [
  'AlgorithmDescription',
  'TrainingSpecification',
  'InferenceSpecification',
  'ValidationSpecification',
  'CertifyForMarketplace',
] as const;

/** The total budget of a request, over all invocations: below CloudFormation's hour (ServiceTimeout 60 minutes). */
export const ALGORITHM_BUDGET_MS = 55 * 60_000;

/** Options of `createAlgorithmHandler`, for tests. */
export interface AlgorithmHandlerOptions extends HandlerOptions {
  /** The longest delay between DescribeAlgorithm calls while waiting (they start 1 s apart and double), in milliseconds. @default 15000 */
  readonly pollIntervalMs?: number;
  /** Time a wait step needs at least; below it, the handler continues in another invocation. @default 20000 */
  readonly minStepMs?: number;
}

/** What a request asks for. */
interface Desired {
  readonly name: string;
  readonly request: CreateAlgorithmCommandInput;
  readonly tags: Tag[];
}

/**
 * Turns the properties of a custom resource back into an API request: the members named in
 * `rules` get their boolean and number values back; everything else stays as it is.
 */
export function coerceProperties(value: unknown, rules: CoercionRules, member?: string): any {
  if (Array.isArray(value)) {
    return value.map((v) => coerceProperties(v, rules, member));
  }
  if (typeof value === 'object' && value !== null) {
    if (member !== undefined && rules.opaque.has(member)) {
      return value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerceProperties(v, rules, k)]));
  }
  if (typeof value === 'string' && member !== undefined) {
    if (rules.booleans.has(member)) {
      if (value !== 'true' && value !== 'false') {
        throw new Error(`${member} must be true or false, got '${value}'`);
      }
      return value === 'true';
    }
    if (rules.numbers.has(member)) {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) {
        throw new Error(`${member} must be a number, got '${value}'`);
      }
      return number;
    }
  }
  return value;
}

/** The value of the owner tag of the custom resource of `event` (at most 256 characters). */
export function ownerOf(event: CustomResourceEvent): string {
  // Tag values allow letters, digits, spaces and _.:/=+-@: a stack ARN and a logical id fit.
  const owner = `${event.StackId}/${event.LogicalResourceId}`;
  return owner.length <= 256 ? owner : `${owner.slice(0, 200)}/${event.LogicalResourceId.slice(-55)}`;
}

/** Creates the handler with its own client and call settings. */
export function createAlgorithmHandler(options: AlgorithmHandlerOptions = {}) {
  let client: SageMakerClient | undefined = options.client;
  const pollIntervalMs = options.pollIntervalMs ?? 15_000;
  const minStepMs = options.minStepMs ?? 20_000;

  return async (event: CustomResourceEvent, invocation: Invocation): Promise<HandlerResult | Continue> => {
    client ??= sageMakerClient();
    const calls = new SageMakerCalls(client, invocation.budget, invocation.log, options.calls);
    const log = invocation.log;
    const state = invocation.state as { phase?: string; name?: string } | undefined;

    async function describe(name: string): Promise<DescribeAlgorithmCommandOutput | undefined> {
      try {
        return await calls.send(`DescribeAlgorithm ${name}`, new DescribeAlgorithmCommand({ AlgorithmName: name }));
      } catch (error) {
        if (isNotFound(error)) {
          return undefined;
        }
        throw error;
      }
    }

    async function tagsOf(arn: string): Promise<Tag[]> {
      const listed: any = await calls.send(`ListTags ${arn}`, new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }));
      return listed.Tags ?? [];
    }

    let polls = 0;
    async function sleepStep(): Promise<boolean> {
      // Polls 1 s apart at first, then further apart, up to pollIntervalMs.
      const delay = Math.min(pollIntervalMs, 1_000 * 2 ** polls++);
      // false: not enough time for another step in this invocation.
      if (invocation.budget.lessThan(minStepMs + delay)) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      return true;
    }

    /** Waits until the algorithm is Completed, in this invocation and the next ones. */
    async function waitForCompletion(name: string): Promise<HandlerResult | Continue> {
      for (;;) {
        const algorithm = await describe(name);
        if (!algorithm) {
          throw new Error(`Algorithm ${name} (DescribeAlgorithm) does not exist: it was deleted while CloudFormation waited for it`);
        }
        switch (algorithm.AlgorithmStatus) {
          case 'Completed':
            log(`Algorithm ${name} is Completed`);
            return { PhysicalResourceId: name, Data: { AlgorithmArn: algorithm.AlgorithmArn!, AlgorithmName: name } };
          case 'Failed':
            throw new ResourceError(`Algorithm ${name} failed (DescribeAlgorithm): ${failureReasons(algorithm)}`, name);
          case 'Deleting':
            throw new ResourceError(`Algorithm ${name} is being deleted (DescribeAlgorithm)`, name);
          default:
            log(`Algorithm ${name} is ${algorithm.AlgorithmStatus}`);
        }
        if (!(await sleepStep())) {
          return new Continue({ phase: 'wait', name }, `algorithm ${name} to be Completed (it is ${algorithm.AlgorithmStatus})`, name);
        }
      }
    }

    async function create(desired: Desired): Promise<HandlerResult | Continue> {
      const { name } = desired;
      const owner: Tag = { Key: OWNER_TAG, Value: ownerOf(event) };
      try {
        const output: any = await calls.send(`CreateAlgorithm ${name}`, new CreateAlgorithmCommand({
          ...desired.request,
          Tags: [...desired.tags.filter((t) => t.Key !== OWNER_TAG), owner],
        }));
        log(`CreateAlgorithm ${name}: ${output.AlgorithmArn}`);
      } catch (error) {
        if (!isAlreadyExists(error)) {
          throw error;
        }
        const existing = await describe(name);
        if (!existing) {
          throw error;
        }
        const difference = firstDifference(definition(desired.request), existing);
        if (difference !== undefined) {
          throw new Error(`Algorithm ${name} already exists (CreateAlgorithm) with another definition, so this stack does not adopt it: `
            + `${difference}. Give another algorithmName, or leave it out to get a generated one`);
        }
        // The same definition: a repeated request, or an algorithm this resource may safely own.
        log(`CreateAlgorithm ${name}: an algorithm of this name and definition exists (${existing.AlgorithmStatus}); adopting it`);
        await calls.send(`AddTags ${existing.AlgorithmArn}`, new AddTagsCommand({ ResourceArn: existing.AlgorithmArn, Tags: [owner] }));
      }
      return waitForCompletion(name);
    }

    async function update(): Promise<HandlerResult | Continue> {
      const previous = parse(event.OldResourceProperties);
      const desired = parse(event.ResourceProperties);
      const current = event.PhysicalResourceId!;
      if (desired.name !== current) {
        // Any change of the definition replaces an algorithm: create the new one; CloudFormation then deletes the old one.
        log(`Update ${current}: replacing it with ${desired.name}`);
        return create(desired);
      }
      const existing = await describe(current);
      if (!existing) {
        throw new Error(`Algorithm ${current} (DescribeAlgorithm) does not exist: it was deleted outside CloudFormation`);
      }
      const difference = firstDifference(definition(desired.request), existing);
      if (difference !== undefined) {
        throw new Error(`Algorithm ${current} cannot be changed in place (${difference}): SageMaker has no UpdateAlgorithm, so every `
          + 'change replaces the algorithm, and the replacement needs another name. Leave algorithmName out to get a generated name '
          + 'that changes with the properties, or give a new algorithmName with the change.');
      }
      if (canonicalJson(definition(previous.request)) !== canonicalJson(definition(desired.request))) {
        // The existing algorithm is already what is asked for: the rollback of a failed change, or a repeated request.
        log(`Update ${current}: the algorithm already has the requested definition`);
      }
      await updateTags(existing.AlgorithmArn!, previous.tags, desired.tags);
      return { PhysicalResourceId: current, Data: { AlgorithmArn: existing.AlgorithmArn!, AlgorithmName: current } };
    }

    async function updateTags(arn: string, previous: Tag[], desired: Tag[]): Promise<void> {
      const before = new Map(previous.map((t) => [t.Key, t.Value]));
      const after = new Set(desired.map((t) => t.Key));
      const removed = [...before.keys()].filter((k): k is string => k !== undefined && k !== OWNER_TAG && !after.has(k));
      const changed = desired.filter((t) => t.Key !== OWNER_TAG && (!before.has(t.Key) || before.get(t.Key) !== t.Value));
      if (removed.length > 0) {
        await calls.send(`DeleteTags ${arn}`, new DeleteTagsCommand({ ResourceArn: arn, TagKeys: removed }));
        log(`DeleteTags ${arn}: ${removed.join(', ')}`);
      }
      if (changed.length > 0) {
        await calls.send(`AddTags ${arn}`, new AddTagsCommand({ ResourceArn: arn, Tags: changed }));
        log(`AddTags ${arn}: ${changed.map((t) => t.Key).join(', ')}`);
      }
    }

    async function remove(): Promise<HandlerResult | Continue> {
      const name = event.PhysicalResourceId!;
      if (isNotCreated(event) || !ALGORITHM_NAME_PATTERN.test(name)) {
        log(`Delete of ${name}: not an algorithm this resource created; nothing to delete`);
        return { PhysicalResourceId: name };
      }
      let requested = state?.phase === 'delete';
      for (;;) {
        const existing = await describe(name);
        if (!existing) {
          log(`Algorithm ${name} is deleted`);
          return { PhysicalResourceId: name };
        }
        if (!requested) {
          const owner = (await tagsOf(existing.AlgorithmArn!)).find((t) => t.Key === OWNER_TAG)?.Value;
          if (owner !== ownerOf(event)) {
            log(`Algorithm ${name} is not owned by this resource (tag ${OWNER_TAG} is ${owner === undefined ? 'absent' : `'${owner}'`}): `
              + 'keeping it');
            return { PhysicalResourceId: name };
          }
        }
        if (existing.AlgorithmStatus !== 'Deleting') {
          try {
            await calls.send(`DeleteAlgorithm ${name}`, new DeleteAlgorithmCommand({ AlgorithmName: name }));
            log(`DeleteAlgorithm ${name}`);
            requested = true;
          } catch (error) {
            if (isNotFound(error)) {
              return { PhysicalResourceId: name };
            }
            if (rootCause(error)?.name !== 'ConflictException') {
              throw error;
            }
            // Refused for now, for example while a validation runs: try again later.
            log(`DeleteAlgorithm ${name}: ${rootCause(error).message}; trying again later`);
            requested = true;
          }
        }
        if (!(await sleepStep())) {
          return new Continue({ phase: 'delete', name }, `algorithm ${name} to be deleted (it is ${existing.AlgorithmStatus})`, name);
        }
      }
    }

    switch (event.RequestType) {
      case 'Create':
        return state?.phase === 'wait' ? waitForCompletion(state.name!) : create(parse(event.ResourceProperties));
      case 'Update':
        return state?.phase === 'wait' ? waitForCompletion(state.name!) : update();
      case 'Delete':
        return remove();
      default:
        throw new Error(`Unknown request type ${(event as CustomResourceEvent).RequestType}`);
    }
  };
}

/** The request of a set of resource properties. */
function parse(properties: Record<string, any> | undefined): Desired {
  // The custom resource's own properties are not CreateAlgorithm's.
  const { ServiceToken: _token, ServiceTimeout: _timeout, ...rest } = properties ?? {};
  const { Tags, ...request } = coerceProperties(rest, ALGORITHM_COERCION) as CreateAlgorithmCommandInput;
  if (typeof request.AlgorithmName !== 'string' || request.AlgorithmName === '') {
    throw new Error('The resource properties have no AlgorithmName');
  }
  return { name: request.AlgorithmName, request, tags: Tags ?? [] };
}

function definition(request: CreateAlgorithmCommandInput): Record<string, unknown> {
  return Object.fromEntries(DEFINITION_MEMBERS.map((m) => [m, request[m]]));
}

/**
 * Where what SageMaker describes differs from what the request asks for (a path and both values),
 * or undefined when it has everything asked for. SageMaker may add members with default values, so
 * only the requested members are compared; an unset boolean counts as false.
 */
export function firstDifference(want: unknown, have: unknown, path = ''): string | undefined {
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) {
      return `${path || 'the definition'} has ${Array.isArray(have) ? have.length : 'no'} item(s), the request ${want.length}`;
    }
    for (let i = 0; i < want.length; i++) {
      const difference = firstDifference(want[i], have[i], `${path}[${i}]`);
      if (difference !== undefined) {
        return difference;
      }
    }
    return undefined;
  }
  if (typeof want === 'object' && want !== null) {
    const got = (typeof have === 'object' && have !== null ? have : {}) as Record<string, unknown>;
    for (const [k, w] of Object.entries(want)) {
      const difference = firstDifference(w, got[k], path ? `${path}.${k}` : k);
      if (difference !== undefined) {
        return difference;
      }
    }
    return undefined;
  }
  // A member the request leaves out is not compared; an unset boolean counts as false.
  const same = want === undefined || (want === false ? have === undefined || have === false : want === have);
  return same ? undefined : `${path} is ${JSON.stringify(have) ?? 'absent'}, the request has ${JSON.stringify(want) ?? 'nothing'}`;
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

/** JSON with sorted object keys, to compare requests whatever the order of their members. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

/** The Lambda entry point. */
export const handler = deployTimeHandler(createAlgorithmHandler(), { totalBudgetMs: ALGORITHM_BUDGET_MS, continuable: true });
