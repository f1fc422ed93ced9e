/**
 * The SageMaker client of the deploy-time handlers, and helpers shared by the registry handlers.
 */
import { ListModelPackagesCommand, ListModelPackagesCommandInput, ModelPackageSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Budget, CallOptions, DEFAULT_CALL_OPTIONS, call } from './handler';

/** Options every handler takes, for tests and other callers. */
export interface HandlerOptions {
  /** The SageMaker client. Default: `sageMakerClient()`. */
  readonly client?: SageMakerClient;
  /** How calls are timed out and retried. */
  readonly calls?: Partial<CallOptions>;
}

/**
 * A SageMaker client for the Lambda's region that makes one attempt per call (the layer retries,
 * within the handler's budget) and gives up on a connection or an answer that does not come.
 */
export function sageMakerClient(): SageMakerClient {
  return new SageMakerClient({
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: DEFAULT_CALL_OPTIONS.requestTimeoutMs },
  });
}

/** The calls a handler makes in one invocation. */
export class SageMakerCalls {
  private readonly options: CallOptions;

  constructor(
    public readonly client: SageMakerClient,
    public readonly budget: Budget,
    public readonly log: (message: string) => void,
    options: Partial<CallOptions> = {}) {
    this.options = { ...DEFAULT_CALL_OPTIONS, ...options };
  }

  /**
   * Sends `command`, retrying throttling and transient errors while the budget lasts; `what` names
   * the call and the resource (for example `DeleteModelPackage arn:...`) in logs and errors.
   */
  public send<T>(what: string, command: any): Promise<T> {
    return call(what, (abortSignal) => this.client.send(command, { abortSignal }) as Promise<T>, this.budget, this.log, this.options);
  }

  /**
   * Lists model packages page by page, calling `visit` for each page until it returns `false` or the
   * pages end.
   */
  public async forEachModelPackagePage(input: ListModelPackagesCommandInput,
    visit: (page: ModelPackageSummary[]) => boolean | void): Promise<void> {
    let nextToken: string | undefined;
    do {
      const page: any = await this.send(`ListModelPackages ${input.ModelPackageGroupName ?? ''}`,
        new ListModelPackagesCommand({ ...input, NextToken: nextToken }));
      if (visit(page.ModelPackageSummaryList ?? []) === false) {
        return;
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
}

/** The name of a model package group given by name or ARN. */
export function groupNameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
}
