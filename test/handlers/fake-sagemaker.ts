import * as http from 'http';
import { AddressInfo } from 'net';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { MOTO_ACCOUNT, REGION } from '../constants';
import { validateRequest } from './sagemaker-model';

/**
 * A small local stand-in for the SageMaker algorithm API (CreateAlgorithm, DescribeAlgorithm,
 * DeleteAlgorithm, AddTags, DeleteTags, ListTags), for the operations the moto emulator does not
 * implement. It speaks the API's JSON 1.1 protocol (`X-Amz-Target: SageMaker.<Operation>`) on
 * 127.0.0.1, checks every request against botocore's SageMaker model (members, types, enums,
 * lengths, patterns) like the real API does, and lets tests script statuses and inject errors.
 */

/** An error the fake answers with. */
export interface FakeError {
  /** The API's error code, for example `ThrottlingException`. */
  readonly code: string;
  readonly message: string;
  /** @default 400 */
  readonly status?: number;
}

/** How an algorithm progresses after CreateAlgorithm. */
export interface AlgorithmScript {
  /** The statuses successive DescribeAlgorithm calls report; the last one stays. */
  readonly statuses: string[];
  /** The FailureReason of the validation profile when the algorithm fails. */
  readonly validationFailure?: string;
  /** The FailureReason of the image scan when the algorithm fails. */
  readonly imageScanFailure?: string;
  /** How many DescribeAlgorithm calls report `Deleting` after DeleteAlgorithm. @default 1 */
  readonly deletingDescribes?: number;
  /** DeleteAlgorithm answers ConflictException this many times first. @default 0 */
  readonly deleteConflicts?: number;
}

/** An algorithm the fake holds. */
export interface FakeAlgorithm {
  readonly name: string;
  readonly arn: string;
  readonly request: Record<string, any>;
  tags: { Key: string; Value: string }[];
  script: AlgorithmScript;
  describes: number;
  deleting?: number;
  deleteConflicts: number;
}

/** A call the fake received. */
export interface FakeCall {
  readonly operation: string;
  readonly input: any;
}

const DEFAULT_SCRIPT: AlgorithmScript = { statuses: ['InProgress', 'Completed'] };

export class FakeSageMaker {
  /** Starts the fake on a free port of 127.0.0.1. */
  public static async start(): Promise<FakeSageMaker> {
    const fake = new FakeSageMaker();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** Every call received, in order (failed ones included). */
  public readonly calls: FakeCall[] = [];
  /** The algorithms, by name. */
  public readonly algorithms = new Map<string, FakeAlgorithm>();

  private readonly server: http.Server;
  private readonly scripts = new Map<string, AlgorithmScript>();
  private readonly injected: { operation: string; error: FakeError }[] = [];

  private constructor() {
    this.server = http.createServer((req, res) => this.serve(req, res));
  }

  /** The URL of the fake, for the SDK's `endpoint`. */
  public get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** An SDK client pointed at the fake (fake credentials, one attempt per call). */
  public client(): SageMakerClient {
    return new SageMakerClient({
      endpoint: this.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' },
      maxAttempts: 1,
    });
  }

  /** How the algorithm named `name` progresses once created. */
  public script(name: string, script: AlgorithmScript): void {
    this.scripts.set(name, script);
  }

  /** Answers the next `times` calls of `operation` with `error`. */
  public failNext(operation: string, error: FakeError, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.injected.push({ operation, error });
    }
  }

  /** The operations received, in order. */
  public operations(): string[] {
    return this.calls.map((c) => c.operation);
  }

  /** Forgets calls, algorithms, scripts and injected errors. */
  public reset(): void {
    this.calls.length = 0;
    this.algorithms.clear();
    this.scripts.clear();
    this.injected.length = 0;
  }

  public async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : target;
      let input: any;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return this.error(res, { code: 'SerializationException', message: 'the body is not JSON' });
      }
      this.calls.push({ operation, input });
      const i = this.injected.findIndex((e) => e.operation === operation);
      if (i >= 0) {
        return this.error(res, this.injected.splice(i, 1)[0].error);
      }
      const problems = validateRequest(operation, input);
      if (problems.length > 0) {
        return this.error(res, { code: 'ValidationException', message: problems.join('; ') });
      }
      try {
        this.reply(res, this.handle(operation, input));
      } catch (e) {
        this.error(res, e as FakeError);
      }
    });
  }

  private handle(operation: string, input: any): unknown {
    switch (operation) {
      case 'CreateAlgorithm': {
        const name: string = input.AlgorithmName;
        const arn = this.arn(name);
        if (this.algorithms.has(name)) {
          throw validation(`Cannot create already existing algorithm "${arn}".`);
        }
        const { Tags, ...request } = input;
        const script = this.scripts.get(name) ?? DEFAULT_SCRIPT;
        this.algorithms.set(name, { name, arn, request, tags: Tags ?? [], script, describes: 0, deleteConflicts: script.deleteConflicts ?? 0 });
        return { AlgorithmArn: arn };
      }
      case 'DescribeAlgorithm': {
        const algorithm = this.find(input.AlgorithmName);
        if (algorithm.deleting !== undefined) {
          if (algorithm.deleting <= 0) {
            this.algorithms.delete(algorithm.name);
            throw notFound(input.AlgorithmName);
          }
          algorithm.deleting--;
          return this.describe(algorithm, 'Deleting');
        }
        const { statuses } = algorithm.script;
        const status = statuses[Math.min(algorithm.describes, statuses.length - 1)];
        algorithm.describes++;
        return this.describe(algorithm, status);
      }
      case 'DeleteAlgorithm': {
        const algorithm = this.find(input.AlgorithmName);
        if (algorithm.deleteConflicts > 0) {
          algorithm.deleteConflicts--;
          throw { code: 'ConflictException', message: `Algorithm ${algorithm.name} is in use` };
        }
        algorithm.deleting ??= algorithm.script.deletingDescribes ?? 1;
        return {};
      }
      case 'AddTags': {
        const algorithm = this.byArn(input.ResourceArn);
        for (const tag of input.Tags) {
          algorithm.tags = [...algorithm.tags.filter((t) => t.Key !== tag.Key), tag];
        }
        return { Tags: algorithm.tags };
      }
      case 'DeleteTags': {
        const algorithm = this.byArn(input.ResourceArn);
        algorithm.tags = algorithm.tags.filter((t) => !input.TagKeys.includes(t.Key));
        return {};
      }
      case 'ListTags':
        return { Tags: this.byArn(input.ResourceArn).tags };
      default:
        throw { code: 'UnknownOperationException', message: `the fake does not implement ${operation}` };
    }
  }

  private describe(algorithm: FakeAlgorithm, status: string): unknown {
    const failed = status === 'Failed';
    const profile = algorithm.request.ValidationSpecification?.ValidationProfiles?.[0]?.ProfileName ?? 'none';
    const validationStatus = failed && algorithm.script.validationFailure ? 'Failed' : status === 'Completed' || failed ? 'Completed' : 'InProgress';
    const scanStatus = failed && algorithm.script.imageScanFailure ? 'Failed' : 'Completed';
    return {
      ...algorithm.request,
      AlgorithmArn: algorithm.arn,
      CreationTime: 1_700_000_000,
      CertifyForMarketplace: algorithm.request.CertifyForMarketplace ?? false,
      AlgorithmStatus: status,
      AlgorithmStatusDetails: {
        ValidationStatuses: [{ Name: profile, Status: validationStatus, FailureReason: validationStatus === 'Failed' ? algorithm.script.validationFailure : undefined }],
        ImageScanStatuses: [{ Name: algorithm.name, Status: scanStatus, FailureReason: scanStatus === 'Failed' ? algorithm.script.imageScanFailure : undefined }],
      },
    };
  }

  private arn(name: string): string {
    return `arn:aws:sagemaker:${REGION}:${MOTO_ACCOUNT}:algorithm/${name.toLowerCase()}`;
  }

  private find(nameOrArn: string): FakeAlgorithm {
    const algorithm = nameOrArn.startsWith('arn:')
      ? [...this.algorithms.values()].find((a) => a.arn === nameOrArn)
      : this.algorithms.get(nameOrArn);
    if (!algorithm) {
      throw notFound(nameOrArn);
    }
    return algorithm;
  }

  private byArn(arn: string): FakeAlgorithm {
    const algorithm = [...this.algorithms.values()].find((a) => a.arn === arn);
    if (!algorithm) {
      throw validation(`Could not find resource with ARN ${arn}`);
    }
    return algorithm;
  }

  private reply(res: http.ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(body));
  }

  private error(res: http.ServerResponse, error: FakeError): void {
    res.writeHead(error.status ?? 400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': error.code });
    res.end(JSON.stringify({ __type: error.code, message: error.message }));
  }
}

function validation(message: string): FakeError {
  return { code: 'ValidationException', message };
}

function notFound(name: string): FakeError {
  return validation(`Could not find algorithm "${name}".`);
}
