/**
 * Runs deploy-time handlers (src/handlers) in tests: invocations with a time budget, and requests
 * run to their end through every continuation, as the handler layer would in Lambda.
 */
import { Budget, Continue, CustomResourceEvent, Handle, HandlerResult, Invocation } from '../../src/handlers/shared/handler';

/** Calls that never wait between retries, and give up quickly. */
export const FAST_CALLS = { baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, maxAttempts: 4 };

/** An invocation with `budgetMs` for work (default 60 s) and the given progress. */
export function invocation(options: { budgetMs?: number; state?: Record<string, unknown>; logs?: string[]; number?: number } = {}): Invocation {
  const now = Date.now();
  const budgetMs = options.budgetMs ?? 60_000;
  return {
    budget: new Budget(now + budgetMs, now + 10 * budgetMs),
    invocation: options.number ?? 1,
    state: options.state,
    log: (m) => options.logs?.push(m),
  };
}

/** Runs `handle` for `event` through its continuations; returns the result and how many invocations it took. */
export async function runToEnd(handle: Handle, event: CustomResourceEvent,
  options: { budgetMs?: number; logs?: string[]; maxInvocations?: number } = {}): Promise<{ result: HandlerResult; invocations: number }> {
  let state: Record<string, unknown> | undefined;
  for (let i = 1; i <= (options.maxInvocations ?? 20); i++) {
    const outcome = await handle(event, invocation({ budgetMs: options.budgetMs, state, logs: options.logs, number: i }));
    if (!(outcome instanceof Continue)) {
      return { result: outcome, invocations: i };
    }
    state = outcome.state;
  }
  throw new Error(`not done after ${options.maxInvocations ?? 20} invocations`);
}
