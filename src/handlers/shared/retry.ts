/**
 * Retries of AWS API calls with exponential backoff and full jitter.
 *
 * The handlers' SDK clients make a single attempt per call (`maxAttempts: 1`), so that all retrying
 * happens here, with delays suited to a deployment rather than to an interactive call, and so that
 * tests can inject errors deterministically.
 */

/** How to retry. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The delay cap of the first retry, in milliseconds; it doubles with every retry. */
  readonly baseDelayMs: number;
  /** The largest delay, in milliseconds. */
  readonly maxDelayMs: number;
  /** Waits; replaceable in tests. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Logs a retry. */
  readonly log: (message: string) => void;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  log: (message) => console.log(message),
};

/** Error names (SDK v3 `error.name`, the API's error code) that mean "too many requests". */
const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

/** Error names of failures worth another attempt besides throttling. */
const TRANSIENT_ERRORS = new Set([
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/** Whether the error is SageMaker (or the network) asking us to slow down. */
export function isThrottling(error: any): boolean {
  return THROTTLING_ERRORS.has(error?.name) || THROTTLING_ERRORS.has(error?.Code) || error?.$retryable?.throttling === true
    || error?.$metadata?.httpStatusCode === 429;
}

/** Whether the error is throttling or another failure that another attempt may not have. */
export function isRetryable(error: any): boolean {
  const status = error?.$metadata?.httpStatusCode;
  return isThrottling(error) || TRANSIENT_ERRORS.has(error?.name) || TRANSIENT_ERRORS.has(error?.code)
    || (typeof status === 'number' && status >= 500);
}

/**
 * Calls `fn` until it succeeds, retrying retryable errors (see `isRetryable`) with exponential
 * backoff and full jitter, at most `maxAttempts` times in all. Other errors are thrown at once.
 */
export async function withRetries<T>(what: string, fn: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY_OPTIONS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error: any) {
      if (!isRetryable(error) || attempt >= options.maxAttempts) {
        throw error;
      }
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.round(Math.random() * cap);
      options.log(`${what}: ${error?.name ?? 'error'} (${error?.message ?? error}); attempt ${attempt} of ${options.maxAttempts}, retrying in ${delay} ms`);
      await options.sleep(delay);
    }
  }
}
