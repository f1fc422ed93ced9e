/**
 * The one handler layer of this library's deploy-time functions: the CloudFormation
 * custom-resource response protocol, time budgets, long waits, error classification and retries.
 *
 * Every handler is the service token of its custom resources itself (no provider framework in
 * between) and answers CloudFormation exactly once, by PUTting its result to the pre-signed
 * `ResponseURL` of the request:
 *
 * - **Budgets.** Each invocation works until the time the Lambda runtime reports as remaining
 *   (`context.getRemainingTimeInMillis()`), minus a reserve for the response. A watchdog answers
 *   FAILED if the work has not ended by then, so no invocation is ever cut off at its timeout
 *   without an answer.
 * - **Long waits.** A handler that needs longer than one invocation (waiting for an algorithm's
 *   validation, emptying a very large group) returns `Continue` with its progress: the layer then
 *   invokes the same function again, asynchronously, with the request and that progress, and the
 *   last invocation answers. Every request has a total budget below CloudFormation's hour (the
 *   custom resource's `ServiceTimeout` is set a little above it); a request still not done when its
 *   total budget is spent is answered FAILED, naming what it was waiting for.
 * - **Bounded answers.** CloudFormation rejects a response body over 4,096 bytes (and the reason is
 *   then lost): the reason is cut by bytes, on a character boundary, so the body always fits.
 *
 * Handler code runs in Lambda (the Node.js runtime named in
 * src/private/deploy-time/deploy-time-handler.ts, with the AWS SDK v3 that runtime ships) and is
 * bundled by esbuild: it must not import aws-cdk-lib or anything from `src/` outside `handlers/`
 * except plain enums.
 */
import * as http from 'http';
import * as https from 'https';
import { URL } from 'url';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

// ---------------------------------------------------------------------------------------------
// The request and the answer

/** A CloudFormation custom-resource request. */
export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly RequestId: string;
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType: string;
  /** Absent on Create. */
  readonly PhysicalResourceId?: string;
  /** Every scalar arrives as a string (`"42"`, `"true"`). */
  readonly ResourceProperties: Record<string, any>;
  /** On Update only. */
  readonly OldResourceProperties?: Record<string, any>;
}

/** A request as CloudFormation sends it to the function, plus the layer's own continuation. */
export interface CloudFormationRequest extends CustomResourceEvent {
  readonly ResponseURL: string;
  /** Set by the layer when it invokes the function again for the same request. */
  readonly Continuation?: Continuation;
}

/** The progress of a request that takes more than one invocation. */
export interface Continuation {
  /** The invocation this is, 2 for the first continuation. */
  readonly invocation: number;
  /** When the first invocation started (milliseconds since the epoch). */
  readonly startedAt: number;
  /** The physical id to answer with if the request fails from now on. */
  readonly physicalResourceId?: string;
  /** The handler's own progress. */
  readonly state: Record<string, unknown>;
}

/** What a handler answers with when it is done. */
export interface HandlerResult {
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, string>;
}

/** What a handler returns when it needs another invocation to finish. */
export class Continue {
  /**
   * @param state the progress so far, given back to the next invocation (keep it small)
   * @param waitingFor what is not done yet, for the log and for the reason if the total budget runs out
   * @param physicalResourceId the id to answer with if the request fails later (for example the name
   *   of an algorithm that now exists, so that the rollback deletes it)
   */
  constructor(
    public readonly state: Record<string, unknown>,
    public readonly waitingFor: string,
    public readonly physicalResourceId?: string) {}
}

/**
 * A failure after the resource came to exist (for example an algorithm whose validation failed): the
 * FAILED answer carries its physical id, so that the rollback's Delete deletes it.
 */
export class ResourceError extends Error {
  constructor(message: string, public readonly physicalResourceId: string) {
    super(message);
    this.name = 'ResourceError';
  }
}

/** The subset of the Lambda context the layer uses. */
export interface LambdaContext {
  readonly invokedFunctionArn: string;
  getRemainingTimeInMillis(): number;
}

/** The largest response body CloudFormation accepts, in bytes. */
export const MAX_RESPONSE_BYTES = 4096;

/** The suffix of the physical id a failed Create answers with; its Delete then does nothing. */
export const NOT_CREATED_SUFFIX = '-not-created';

/** Whether the physical id is the one a failed Create answered with (see NOT_CREATED_SUFFIX). */
export function isNotCreated(event: CustomResourceEvent): boolean {
  return event.PhysicalResourceId === undefined || event.PhysicalResourceId.endsWith(NOT_CREATED_SUFFIX);
}

// ---------------------------------------------------------------------------------------------
// Budgets

/** The time a handler has for its work in this invocation, and for the request in all. */
export class Budget {
  constructor(
    /** When this invocation's work must end (ms since the epoch): the response follows. */
    public readonly deadline: number,
    /** When the request's total budget ends (ms since the epoch). */
    public readonly totalDeadline: number,
    private readonly now: () => number = Date.now) {}

  /** Milliseconds left for work in this invocation (never negative). */
  public remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }

  /** Milliseconds left of the request's total budget (never negative). */
  public totalRemainingMs(): number {
    return Math.max(0, this.totalDeadline - this.now());
  }

  /** Whether fewer than `ms` milliseconds are left for work in this invocation. */
  public lessThan(ms: number): boolean {
    return this.remainingMs() < ms;
  }
}

/** What a handler gets besides the request. */
export interface Invocation {
  readonly budget: Budget;
  /** 1 for the first invocation of a request, 2 for its first continuation, ... */
  readonly invocation: number;
  /** The progress the previous invocation returned with `Continue`. */
  readonly state?: Record<string, unknown>;
  readonly log: (message: string) => void;
}

/** A handler: the work for one request, within one invocation. */
export type Handle = (event: CustomResourceEvent, invocation: Invocation) => Promise<HandlerResult | Continue>;

/** How the function is invoked again; replaceable in tests. */
export type Reinvoker = (functionArn: string, request: CloudFormationRequest) => Promise<void>;

/** How a response is sent; replaceable in tests. */
export type ResponseSender = (url: string, body: string, timeoutMs: number) => Promise<void>;

/** Options of `deployTimeHandler`. */
export interface DeployTimeHandlerOptions {
  /**
   * The total budget of a request, over all its invocations, in milliseconds. Keep it below the
   * custom resource's ServiceTimeout (and so below CloudFormation's hour).
   */
  readonly totalBudgetMs: number;
  /** Whether the handler may return `Continue` (needs lambda:InvokeFunction on itself). @default false */
  readonly continuable?: boolean;
  /** Milliseconds kept back from each invocation for the response. @default 10% of the invocation's time, 1-10 s */
  readonly reserveMs?: number;
  readonly send?: ResponseSender;
  readonly reinvoke?: Reinvoker;
  readonly log?: (message: string) => void;
  readonly now?: () => number;
}

/** Thrown by the watchdog when the work outlives its invocation. */
class OutOfTime extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutOfTime';
  }
}

/**
 * Wraps `handle` as a Lambda handler that answers CloudFormation exactly once per request: SUCCESS
 * with the physical id and data it returns, FAILED with the error's message (cut to fit), or, when
 * it returns `Continue`, nothing yet: the function is invoked again for the same request.
 */
export function deployTimeHandler(handle: Handle, options: DeployTimeHandlerOptions) {
  const log = options.log ?? ((message: string) => console.log(message));
  const now = options.now ?? Date.now;
  const send = options.send ?? putResponse;
  const reinvoke = options.reinvoke ?? invokeAgain;
  return async (request: CloudFormationRequest, context: LambdaContext): Promise<void> => {
    const continuation = request.Continuation;
    const invocation = (continuation?.invocation ?? 1);
    const startedAt = continuation?.startedAt ?? now();
    const available = context.getRemainingTimeInMillis();
    const reserve = options.reserveMs ?? Math.min(10_000, Math.max(1_000, Math.round(available / 10)));
    const budget = new Budget(now() + available - reserve, startedAt + options.totalBudgetMs, now);
    const event = withoutContinuation(request);
    log(`${event.RequestType} ${event.ResourceType} ${event.LogicalResourceId} (${event.PhysicalResourceId ?? 'new'}), `
      + `invocation ${invocation}, ${Math.round(budget.remainingMs() / 1000)} s for work in this invocation, `
      + `${Math.round(budget.totalRemainingMs() / 1000)} s in all`);

    let failedId = continuation?.physicalResourceId ?? event.PhysicalResourceId ?? `${event.LogicalResourceId}${NOT_CREATED_SUFFIX}`;
    let outcome: HandlerResult | Continue | undefined;
    let failure: string | undefined;
    try {
      outcome = await withWatchdog(
        handle(event, { budget, invocation, state: continuation?.state, log }),
        // A little after the budget, so that a call's own timeout (at the budget) says what hung.
        budget.remainingMs() + Math.min(1_000, reserve / 2),
        `${event.RequestType} of ${event.ResourceType} ${event.LogicalResourceId} did not finish within the time of its invocation `
        + `(${Math.round((available - reserve) / 1000)} s)`);
    } catch (error: any) {
      failure = messageOf(error);
      if (typeof error?.physicalResourceId === 'string') {
        failedId = error.physicalResourceId;
      }
    }

    if (outcome instanceof Continue) {
      failedId = outcome.physicalResourceId ?? failedId;
      const next = budget.totalRemainingMs();
      if (!options.continuable) {
        failure = `internal error: ${event.ResourceType} cannot continue in another invocation (waiting for ${outcome.waitingFor})`;
      } else if (next < 5_000) {
        failure = `${event.RequestType} of ${event.ResourceType} ${event.LogicalResourceId} did not finish within its total budget of `
          + `${Math.round(options.totalBudgetMs / 60_000)} minutes: still waiting for ${outcome.waitingFor}`;
      } else {
        const again: CloudFormationRequest = {
          ...request,
          Continuation: { invocation: invocation + 1, startedAt, physicalResourceId: failedId, state: outcome.state },
        };
        try {
          await reinvoke(context.invokedFunctionArn, again);
          log(`Continuing in invocation ${invocation + 1}: waiting for ${outcome.waitingFor}`);
          return;
        } catch (error) {
          failure = `${event.RequestType} of ${event.ResourceType} ${event.LogicalResourceId} could not continue (lambda:InvokeFunction `
            + `${context.invokedFunctionArn}: ${messageOf(error)}) while waiting for ${outcome.waitingFor}`;
        }
      }
    }

    let body: Record<string, unknown>;
    if (failure === undefined) {
      const result = outcome as HandlerResult;
      body = {
        Status: 'SUCCESS',
        PhysicalResourceId: result.PhysicalResourceId ?? event.PhysicalResourceId ?? event.LogicalResourceId,
        Data: result.Data,
      };
      log(`SUCCESS ${body.PhysicalResourceId}`);
    } else {
      log(`FAILED: ${failure}`);
      body = { Status: 'FAILED', Reason: failure, PhysicalResourceId: failedId };
    }
    const response = responseBody({
      ...body,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    });
    // The response gets the reserve, and whatever work time is left.
    const timeLeft = Math.max(1_000, context.getRemainingTimeInMillis() - 500);
    try {
      await send(request.ResponseURL, response, timeLeft);
    } catch (error) {
      // Nothing else can answer: say so in the log, where the stack's events point.
      log(`Could not send the response to CloudFormation: ${messageOf(error)}`);
    }
  };
}

/** The request without the layer's continuation: what the handler sees. */
function withoutContinuation(request: CloudFormationRequest): CustomResourceEvent {
  const { ResponseURL: _url, Continuation: _continuation, ...event } = request;
  return event;
}

async function withWatchdog<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new OutOfTime(message)), ms);
  });
  try {
    return await Promise.race([work, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The JSON response body, at most MAX_RESPONSE_BYTES bytes: a long reason is cut by bytes, on a
 * character boundary, and marked as cut.
 */
export function responseBody(body: Record<string, unknown>): string {
  const full = JSON.stringify(body);
  if (Buffer.byteLength(full) <= MAX_RESPONSE_BYTES || typeof body.Reason !== 'string') {
    return full;
  }
  const marker = ' [cut: the whole reason is in the log]';
  const room = MAX_RESPONSE_BYTES - Buffer.byteLength(JSON.stringify({ ...body, Reason: '' })) - Buffer.byteLength(JSON.stringify(marker)) + 2;
  return JSON.stringify({ ...body, Reason: cutToJsonBytes(body.Reason, room) + marker });
}

/** The longest prefix of `text` (whole characters) whose JSON string encoding, quotes aside, fits in `bytes`. */
export function cutToJsonBytes(text: string, bytes: number): string {
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(JSON.stringify(chars.slice(0, mid).join(''))) - 2 <= bytes) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return chars.slice(0, low).join('');
}

/** PUTs the response to the pre-signed URL, retrying network errors and 5xx while time is left. */
async function putResponse(url: string, body: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await put(url, body, Math.max(500, deadline - Date.now()));
      return;
    } catch (error) {
      const delay = Math.min(2_000, 200 * 2 ** attempt);
      if (Date.now() + delay >= deadline) {
        throw error;
      }
      await sleep(delay);
    }
  }
}

function put(url: string, body: string, timeoutMs: number): Promise<void> {
  const parsed = new URL(url);
  // Local test endpoints are plain HTTP; CloudFormation's pre-signed URLs are HTTPS.
  const transport = parsed.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = transport.request({
      hostname: parsed.hostname,
      port: parsed.port || undefined,
      path: `${parsed.pathname}${parsed.search}`,
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode && response.statusCode < 300
        ? resolve()
        : reject(new Error(`response upload failed with HTTP ${response.statusCode}`))));
    });
    request.on('timeout', () => request.destroy(new Error(`response upload took longer than ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** Invokes the function again, asynchronously, with the request and its continuation. */
async function invokeAgain(functionArn: string, request: CloudFormationRequest): Promise<void> {
  const client = new LambdaClient({ maxAttempts: 3, requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_000 } });
  try {
    await client.send(new InvokeCommand({
      FunctionName: functionArn,
      InvocationType: 'Event',
      Payload: Buffer.from(JSON.stringify(request)),
    }));
  } finally {
    client.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The message of an error, with its name when that says more (`ThrottlingException: Rate exceeded`). */
export function messageOf(error: any): string {
  const message = String(error?.message ?? error);
  const name = error?.name;
  return typeof name === 'string' && name !== 'Error' && name !== 'OutOfTime' && name !== 'ResourceError' && name !== 'CallError' && !message.startsWith(name) ? `${name}: ${message}` : message;
}

/** Error names (SDK v3 `error.name`, the API's error code) that mean "too many requests". */
const THROTTLING_ERRORS = new Set([
  'ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException',
  'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown',
]);

/** Error names and codes of failures that another attempt may not have, besides throttling. */
const TRANSIENT_ERRORS = new Set([
  'InternalFailure', 'InternalServerError', 'InternalServerException', 'ServiceUnavailable',
  'ServiceUnavailableException', 'RequestTimeout', 'RequestTimeoutException', 'TimeoutError',
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'NoResponse',
]);

/** Whether the error is the service (or the network) asking us to slow down. */
export function isThrottling(error: any): boolean {
  error = rootCause(error);
  return THROTTLING_ERRORS.has(error?.name) || THROTTLING_ERRORS.has(error?.Code) || error?.$retryable?.throttling === true
    || error?.$metadata?.httpStatusCode === 429;
}

/** Whether another attempt may succeed: throttling, 5xx, timeouts, dropped connections. */
export function isRetryable(error: any): boolean {
  error = rootCause(error);
  const status = error?.$metadata?.httpStatusCode;
  return isThrottling(error) || TRANSIENT_ERRORS.has(error?.name) || TRANSIENT_ERRORS.has(error?.code)
    || (typeof status === 'number' && status >= 500);
}

/** Whether SageMaker says the resource does not exist. */
export function isNotFound(error: any): boolean {
  error = rootCause(error);
  return error?.name === 'ResourceNotFound' || error?.name === 'ResourceNotFoundException'
    || (error?.name === 'ValidationException'
      && /not found|does not exist|cannot be found|could not find|cannot find/i.test(String(error?.message ?? '')));
}

/** Whether SageMaker says the resource exists already. */
export function isAlreadyExists(error: any): boolean {
  error = rootCause(error);
  return ['ValidationException', 'ResourceInUse', 'ConflictException'].includes(error?.name)
    && /already exist/i.test(String(error?.message ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Calls: a request timeout that throws, and retries within the budget

/** How calls are made. */
export interface CallOptions {
  /** The longest a single attempt may take, in milliseconds. @default 20000 */
  readonly requestTimeoutMs: number;
  /** Attempts in all, the first included. @default 10 */
  readonly maxAttempts: number;
  /** The delay cap of the first retry, in milliseconds; it doubles with every retry. @default 200 */
  readonly baseDelayMs: number;
  /** The largest delay between attempts, in milliseconds. @default 20000 */
  readonly maxDelayMs: number;
  /** Waits; replaceable in tests. */
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_CALL_OPTIONS: CallOptions = {
  requestTimeoutMs: 20_000,
  maxAttempts: 10,
  baseDelayMs: 200,
  maxDelayMs: 20_000,
  sleep,
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A call that gives up on an attempt after `timeoutMs`: the attempt is aborted and throws `TimeoutError`. */
export async function withTimeout<T>(what: string, timeoutMs: number, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      const error = new Error(`${what} got no answer within ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `fn` until it succeeds, retrying throttling and transient errors (see `isRetryable`) with
 * exponential backoff and full jitter, while the budget lasts. Errors are thrown with `what` (the
 * call and the resource) in front of their message; the original error is `original`.
 */
export async function call<T>(what: string, fn: (abortSignal: AbortSignal) => Promise<T>,
  budget: Budget, log: (message: string) => void, options: CallOptions = DEFAULT_CALL_OPTIONS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const timeoutMs = Math.max(1, Math.min(options.requestTimeoutMs, budget.remainingMs()));
    try {
      return await withTimeout(what, timeoutMs, fn);
    } catch (error: any) {
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.round(Math.random() * cap);
      if (!isRetryable(error) || attempt >= options.maxAttempts || budget.remainingMs() <= delay) {
        throw new CallError(what, error, attempt);
      }
      log(`${what}: ${messageOf(error)}; attempt ${attempt} of ${options.maxAttempts}, retrying in ${delay} ms`);
      await options.sleep(delay);
    }
  }
}

/** A call that failed: its message names the call, the resource and SageMaker's error. */
export class CallError extends Error {
  constructor(what: string, public readonly original: any, attempts: number) {
    super(`${what} failed${attempts > 1 ? ` after ${attempts} attempts` : ''}: ${messageOf(original)}`);
    this.name = 'CallError';
  }
}

/** The error SageMaker (or the network) answered with, through `CallError`s. */
export function rootCause(error: any): any {
  return error instanceof CallError ? rootCause(error.original) : error;
}
