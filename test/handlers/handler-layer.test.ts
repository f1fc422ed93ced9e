/**
 * The shared handler layer (src/handlers/shared/handler.ts): the response protocol, time budgets,
 * continuations and bounded reasons, with a recorded sender and re-invoker instead of the network.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import {
  CloudFormationRequest,
  Continue,
  DeployTimeHandlerOptions,
  Handle,
  MAX_RESPONSE_BYTES,
  cutToJsonBytes,
  deployTimeHandler,
  responseBody,
} from '../../src/handlers/shared/handler';
import { MOTO_ACCOUNT, REGION } from '../constants';

const REQUEST: CloudFormationRequest = {
  RequestType: 'Create',
  RequestId: 'request',
  StackId: `arn:aws:cloudformation:${REGION}:${MOTO_ACCOUNT}:stack/Stack/guid`,
  LogicalResourceId: 'Resource',
  ResourceType: 'Custom::Test',
  ResourceProperties: {},
  ResponseURL: 'https://cloudformation-custom-resource-response.example/response?sig=1',
};

/** A Lambda context with `ms` of time left. */
function context(ms: number) {
  const deadline = Date.now() + ms;
  return { invokedFunctionArn: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:f`, getRemainingTimeInMillis: () => deadline - Date.now() };
}

function harness(handle: Handle, options: Partial<DeployTimeHandlerOptions> = {}) {
  const sent: { url: string; body: any; bytes: number }[] = [];
  const reinvoked: CloudFormationRequest[] = [];
  const handler = deployTimeHandler(handle, {
    totalBudgetMs: 60_000,
    send: async (url, body) => { sent.push({ url, body: JSON.parse(body), bytes: Buffer.byteLength(body) }); },
    reinvoke: async (_arn, request) => { reinvoked.push(request); },
    log: () => {},
    ...options,
  });
  return { handler, sent, reinvoked };
}

test('SUCCESS with the physical id and data, exactly once', async () => {
  const { handler, sent } = harness(async () => ({ PhysicalResourceId: 'id', Data: { A: '1' } }));

  await handler(REQUEST, context(10_000));

  expect(sent).toEqual([{
    url: REQUEST.ResponseURL,
    bytes: expect.any(Number),
    body: { Status: 'SUCCESS', PhysicalResourceId: 'id', Data: { A: '1' }, StackId: REQUEST.StackId, RequestId: 'request', LogicalResourceId: 'Resource' },
  }]);
});

test('FAILED of a Create answers with an id whose Delete the handlers ignore', async () => {
  const { handler, sent } = harness(async () => { throw new Error('broken'); });

  await handler(REQUEST, context(10_000));

  expect(sent.map((s) => s.body)).toEqual([expect.objectContaining({ Status: 'FAILED', Reason: 'broken', PhysicalResourceId: 'Resource-not-created' })]);
});

test('a long reason is cut by bytes, on a character boundary, so that the body fits in 4,096 bytes', async () => {
  // 1,891 characters of 2-4 bytes each: more than 4,096 bytes.
  const reason = 'ü€𝄞'.repeat(630) + 'x';
  const { handler, sent } = harness(async () => { throw new Error(reason); });

  await handler(REQUEST, context(10_000));

  expect(Array.from(reason)).toHaveLength(1891);
  expect(sent[0].bytes).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  expect(sent[0].bytes).toBeGreaterThan(MAX_RESPONSE_BYTES - 8);
  expect(sent[0].body.Reason).toMatch(/^(ü€𝄞)+[ü€]* \[cut: the whole reason is in the log\]$/u);
});

test('cutToJsonBytes counts JSON escapes and never splits a character', () => {
  expect(cutToJsonBytes('"a"', 4)).toBe('"a');
  expect(cutToJsonBytes('𝄞𝄞', 5)).toBe('𝄞');
  expect(cutToJsonBytes('abc', 10)).toBe('abc');
  const body = responseBody({ Status: 'FAILED', Reason: '\n'.repeat(5000) });
  expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
});

test('a handler that outlives its invocation is answered FAILED before the Lambda timeout', async () => {
  const { handler, sent } = harness(() => new Promise(() => {}), { reserveMs: 300 });
  const started = Date.now();

  await handler(REQUEST, context(1_000));

  expect(Date.now() - started).toBeLessThan(1_000);
  expect(sent.map((s) => s.body)).toEqual([expect.objectContaining({
    Status: 'FAILED',
    Reason: 'Create of Custom::Test Resource did not finish within the time of its invocation (1 s)',
  })]);
});

test('Continue re-invokes the function with the progress and answers nothing yet; the next invocation answers', async () => {
  const handle: Handle = async (_event, invocation) => (invocation.state === undefined
    ? new Continue({ done: 1 }, 'the rest', 'the-id')
    : { PhysicalResourceId: 'the-id', Data: { Done: String(invocation.state.done) } });
  const { handler, sent, reinvoked } = harness(handle, { continuable: true });

  await handler(REQUEST, context(10_000));
  expect(sent).toEqual([]);
  expect(reinvoked).toEqual([{ ...REQUEST, Continuation: { invocation: 2, startedAt: expect.any(Number), physicalResourceId: 'the-id', state: { done: 1 } } }]);

  await handler(reinvoked[0], context(10_000));
  expect(sent.map((s) => s.body)).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'the-id', Data: { Done: '1' } })]);
});

test('a request still waiting when its total budget is spent is answered FAILED, naming what it waited for and its id', async () => {
  const { handler, sent, reinvoked } = harness(async () => new Continue({}, 'algorithm a to be Completed', 'a'), { continuable: true, totalBudgetMs: 60_000 });

  await handler({ ...REQUEST, Continuation: { invocation: 5, startedAt: Date.now() - 59_000, state: {} } }, context(10_000));

  expect(reinvoked).toEqual([]);
  expect(sent.map((s) => s.body)).toEqual([expect.objectContaining({
    Status: 'FAILED',
    PhysicalResourceId: 'a',
    Reason: 'Create of Custom::Test Resource did not finish within its total budget of 1 minutes: still waiting for algorithm a to be Completed',
  })]);
});

test('a failed re-invocation is answered FAILED at once, naming the call', async () => {
  const { handler, sent } = harness(async () => new Continue({}, 'the rest'), {
    continuable: true,
    reinvoke: async () => { throw Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }); },
  });

  await handler(REQUEST, context(10_000));

  expect(sent.map((s) => s.body.Reason)).toEqual(['Create of Custom::Test Resource could not continue (lambda:InvokeFunction '
    + `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:f: AccessDeniedException: User is not authorized) while waiting for the rest`]);
});

test('a handler that may not continue fails instead of waiting silently', async () => {
  const { handler, sent, reinvoked } = harness(async () => new Continue({}, 'the rest'));

  await handler(REQUEST, context(10_000));

  expect(reinvoked).toEqual([]);
  expect(sent[0].body).toMatchObject({ Status: 'FAILED', Reason: 'internal error: Custom::Test cannot continue in another invocation (waiting for the rest)' });
});

test('the handler sees the request without the response URL or the continuation, and its budget', async () => {
  let seen: any;
  let budgetMs = 0;
  const { handler } = harness(async (event, invocation) => {
    seen = event;
    budgetMs = invocation.budget.remainingMs();
    return {};
  }, { reserveMs: 2_000 });

  await handler({ ...REQUEST, Continuation: { invocation: 2, startedAt: Date.now(), state: {} } }, context(10_000));

  expect(seen).not.toHaveProperty('ResponseURL');
  expect(seen).not.toHaveProperty('Continuation');
  expect(budgetMs).toBeGreaterThan(7_000);
  expect(budgetMs).toBeLessThanOrEqual(8_000);
});

describe('the default sender and re-invoker (local HTTP servers)', () => {
  let server: http.Server;
  let port = 0;
  const received: { method: string; url: string; headers: Record<string, any>; body: string }[] = [];
  let failures = 0;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (failures > 0) {
          failures--;
          res.writeHead(503);
        } else {
          res.writeHead(req.url!.startsWith('/2015-03-31/') ? 202 : 200);
        }
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
    Object.assign(process.env, { AWS_REGION: REGION, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    process.env = saved;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => { received.length = 0; });

  test('the response is PUT to the response URL, retried after a server error', async () => {
    failures = 1;
    const handler = deployTimeHandler(async () => ({ PhysicalResourceId: 'id' }), { totalBudgetMs: 60_000, log: () => {} });

    await handler({ ...REQUEST, ResponseURL: `http://127.0.0.1:${port}/response?sig=1` }, context(10_000));

    expect(received.map((r) => [r.method, r.url])).toEqual([['PUT', '/response?sig=1'], ['PUT', '/response?sig=1']]);
    expect(JSON.parse(received[1].body)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'id' });
    expect(received[1].headers['content-type']).toBe('');
  });

  test('a continuation is an asynchronous Invoke of the same function with the request', async () => {
    const handler = deployTimeHandler(async () => new Continue({ n: 1 }, 'more'), { totalBudgetMs: 60_000, continuable: true, log: () => {} });

    await handler({ ...REQUEST, ResponseURL: `http://127.0.0.1:${port}/response` }, context(10_000));

    expect(received).toHaveLength(1);
    expect(received[0].url).toBe(`/2015-03-31/functions/${encodeURIComponent(`arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:f`)}/invocations`);
    expect(received[0].headers['x-amz-invocation-type']).toBe('Event');
    expect(JSON.parse(received[0].body)).toMatchObject({ RequestId: 'request', Continuation: { invocation: 2, state: { n: 1 } } });
  });
});
