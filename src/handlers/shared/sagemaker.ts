/**
 * SageMaker helpers shared by the registry handlers.
 */
import { ListModelPackagesCommand, ListModelPackagesCommandInput, ModelPackageSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DEFAULT_RETRY_OPTIONS, RetryOptions, withRetries } from './retry';

/** Options every registry handler takes, for tests and other callers. */
export interface RegistryHandlerOptions {
  /** The SageMaker client. Default: one for the Lambda's region that makes one attempt per call. */
  readonly client?: SageMakerClient;
  /** How throttled and transient calls are retried. */
  readonly retry?: Partial<RetryOptions>;
  /** Where progress is logged. Default: console.log. */
  readonly log?: (message: string) => void;
}

/** The resolved options. */
export interface RegistryContext {
  readonly client: SageMakerClient;
  readonly log: (message: string) => void;
  /** Calls `fn`, retrying throttling and transient errors. */
  call<T>(what: string, fn: () => Promise<T>): Promise<T>;
}

export function registryContext(options: RegistryHandlerOptions = {}): RegistryContext {
  const log = options.log ?? ((message: string) => console.log(message));
  const client = options.client ?? new SageMakerClient({ maxAttempts: 1 });
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, log, ...options.retry };
  return { client, log, call: (what, fn) => withRetries(what, fn, retry) };
}

/**
 * Lists model packages page by page (each page retried on its own), calling `visit` for each
 * page until it returns `false` or the pages end.
 */
export async function forEachModelPackagePage(
  context: RegistryContext,
  input: ListModelPackagesCommandInput,
  visit: (page: ModelPackageSummary[]) => boolean | void): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await context.call(`ListModelPackages ${input.ModelPackageGroupName ?? ''}`,
      () => context.client.send(new ListModelPackagesCommand({ ...input, NextToken: nextToken })));
    if (visit(page.ModelPackageSummaryList ?? []) === false) {
      return;
    }
    nextToken = page.NextToken;
  } while (nextToken);
}

/** Whether SageMaker says the resource does not exist. */
export function isNotFound(error: any): boolean {
  const message = String(error?.message ?? '');
  return error?.name === 'ResourceNotFound' || error?.name === 'ResourceNotFoundException'
    || (error?.name === 'ValidationException' && /not found|does not exist|cannot be found/i.test(message));
}

/** The name of a model package group given by name or ARN. */
export function groupNameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
}
