import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { MOTO_ACCOUNT, REGION } from '../constants';

/**
 * Runs the shipped handler bundles (assets/handlers/<kind>/index/index.js) the way Lambda and
 * CloudFormation do, on 127.0.0.1:
 *
 * - each invocation gets a Lambda context whose `getRemainingTimeInMillis()` counts down from the
 *   function's time; an invocation still running when that time is up is recorded as cut off (Lambda
 *   would kill it) and its later answer is ignored;
 * - the pre-signed `ResponseURL` is a local server that records every response (body, bytes, time);
 * - `lambda:InvokeFunction` (the layer's continuation of a long wait) reaches a local Lambda API
 *   (AWS_ENDPOINT_URL_LAMBDA) that starts the next invocation of the same bundle.
 */
export interface RecordedResponse {
  readonly requestId: string;
  readonly body: any;
  readonly bytes: number;
  /** Milliseconds since the request was sent. */
  readonly afterMs: number;
}

export interface RequestOutcome {
  /** The responses CloudFormation got for this request. */
  readonly responses: RecordedResponse[];
  /** The invocations the request took. */
  readonly invocations: number;
  /** Invocations still running at the end of their time (Lambda would have killed them). */
  readonly cutOff: number;
  /** The Lambda time of one invocation, in milliseconds. */
  readonly timeoutMs: number;
  /** Milliseconds from the request to the last invocation's end. */
  readonly elapsedMs: number;
}

interface Pending {
  readonly started: number;
  invocations: number;
  cutOff: number;
  running: Set<Promise<void>>;
  readonly timeoutMs: number;
}

export class LambdaHarness {
  public static async start(): Promise<LambdaHarness> {
    const harness = new LambdaHarness();
    await Promise.all([listen(harness.responseServer), listen(harness.lambdaServer)]);
    return harness;
  }

  public readonly responses: RecordedResponse[] = [];
  private readonly responseServer: http.Server;
  private readonly lambdaServer: http.Server;
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  private constructor() {
    this.responseServer = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const requestId = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
        const pending = this.pending.get(requestId);
        this.responses.push({ requestId, body: JSON.parse(raw.toString('utf8')), bytes: raw.length, afterMs: Date.now() - (pending?.started ?? Date.now()) });
        res.writeHead(200);
        res.end();
      });
    });
    this.lambdaServer = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        // POST /2015-03-31/functions/<arn>/invocations, X-Amz-Invocation-Type: Event
        const functionArn = decodeURIComponent((req.url ?? '').split('/')[3] ?? '');
        const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end();
        const pending = this.pending.get(request.RequestId);
        if (pending && req.headers['x-amz-invocation-type'] === 'Event') {
          this.start(functionArn.split(':').pop()!, request, pending);
        }
      });
    });
  }

  /** The endpoint of the local Lambda API. */
  public get lambdaEndpoint(): string {
    return `http://127.0.0.1:${(this.lambdaServer.address() as AddressInfo).port}`;
  }

  /**
   * Sends `event` as CloudFormation does to the function of `kind` with `timeoutMs` of Lambda time
   * per invocation, and waits until no invocation of the request runs any more.
   */
  public async request(kind: string, event: Record<string, any>, timeoutMs: number): Promise<RequestOutcome> {
    const requestId = `${event.LogicalResourceId}-${++this.counter}`;
    const responseUrl = `http://127.0.0.1:${(this.responseServer.address() as AddressInfo).port}/responses/${encodeURIComponent(requestId)}`;
    const pending: Pending = { started: Date.now(), invocations: 0, cutOff: 0, running: new Set(), timeoutMs };
    this.pending.set(requestId, pending);
    this.start(kind, { ...event, RequestId: requestId, ResponseURL: responseUrl }, pending);
    // Wait until the request's invocations (and the ones they start) have all ended.
    for (;;) {
      if (pending.running.size === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (pending.running.size === 0) {
          break;
        }
      }
      await Promise.all([...pending.running]);
    }
    return {
      responses: this.responses.filter((r) => r.requestId === requestId),
      invocations: pending.invocations,
      cutOff: pending.cutOff,
      timeoutMs,
      elapsedMs: Date.now() - pending.started,
    };
  }

  public async stop(): Promise<void> {
    this.responseServer.closeAllConnections?.();
    this.lambdaServer.closeAllConnections?.();
    await Promise.all([close(this.responseServer), close(this.lambdaServer)]);
  }

  private start(kind: string, request: Record<string, any>, pending: Pending): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(__dirname, '..', '..', 'assets', 'handlers', kind, 'index', 'index.js'));
    const deadline = Date.now() + pending.timeoutMs;
    const context = {
      invokedFunctionArn: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:${kind}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    pending.invocations++;
    let timer: NodeJS.Timeout | undefined;
    const run: Promise<void> = Promise.race([
      Promise.resolve(bundle.handler(request, context)).then(() => 'done'),
      new Promise<string>((resolve) => { timer = setTimeout(() => resolve('cut off'), pending.timeoutMs); }),
    ]).then((how) => {
      clearTimeout(timer);
      if (how === 'cut off') {
        pending.cutOff++;
      }
      pending.running.delete(run);
    });
    pending.running.add(run);
  }
}

function listen(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
