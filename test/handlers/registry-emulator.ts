import * as http from 'http';
import { AddressInfo } from 'net';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { MOTO_ACCOUNT, REGION } from '../constants';
import { MotoServer, startMoto } from './moto';

/**
 * The SageMaker API for the registry handler tests: moto in server mode (`moto_server`, pinned in
 * requirements-dev.txt) on 127.0.0.1, behind a small local proxy that adds what moto 5.2 lacks and
 * lets tests inject faults:
 *
 * - DeleteModelPackage (moto does not implement it): the proxy remembers deleted ARNs, hides them
 *   from ListModelPackages and answers DescribeModelPackage/DeleteModelPackage for them with
 *   SageMaker's "not found" ValidationException.
 * - UpdateModelPackage leaves what it does not name as it is, as in SageMaker (moto 5.2 clears the
 *   approval status, its description and the customer metadata when they are absent).
 * - ModelLifeCycle in UpdateModelPackage (moto ignores it): the proxy remembers it and adds it to
 *   DescribeModelPackage responses and, like SageMaker's API model (botocore 1.44), to the summaries of
 *   ListModelPackages (unless `lifeCycleInSummaries` is false, to play an API whose summaries lack it).
 * - DeleteModelPackageGroup (moto does not implement it): refused while the group has versions;
 *   a deleted group is then "not found" for DescribeModelPackageGroup and has no versions.
 * - `addSyntheticVersions(group, n, status, extra)`: versions the proxy holds itself (listed, described,
 *   updated and deleted like the others, optionally with a stage and customer metadata), for groups of
 *   thousands of versions without thousands of moto calls.
 * - Faults: `failNext(operation, code, status, times)` (the next calls get that error),
 *   `failWhere(operation, text, code)` (every call whose body contains `text`), `hangNext(operation,
 *   times)` (the next calls never get an answer) and `onCall(operation, hook)` (runs before each
 *   call, for example to register a version while a group is being emptied).
 *
 * Every other call, and every call the proxy does not answer itself, goes to moto unchanged.
 */
export class RegistryEmulator {
  public static async start(): Promise<RegistryEmulator> {
    const moto = await startMoto();
    const emulator = new RegistryEmulator(moto);
    await emulator.listen();
    return emulator;
  }

  /** Operations called through the proxy, in order. */
  public readonly calls: string[] = [];
  /** Whether ListModelPackages summaries carry the versions' ModelLifeCycle, as in SageMaker's API model. */
  public lifeCycleInSummaries = true;
  private readonly deleted = new Set<string>();
  private readonly lifeCycles = new Map<string, unknown>();
  private readonly faults: { operation: string; code: string; status: number }[] = [];
  private readonly persistentFaults: { operation: string; text: string; code: string; status: number }[] = [];
  private readonly hangs: string[] = [];
  private readonly hooks = new Map<string, (input: any) => void | Promise<void>>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly deletedGroups = new Set<string>();
  private readonly synthetic = new Map<string, any[]>();
  private readonly server: http.Server;
  private port = 0;

  private constructor(private readonly moto: MotoServer) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const operation = String(req.headers['x-amz-target'] ?? '').replace(/^SageMaker\./, '');
        const hang = this.hangs.indexOf(operation);
        if (hang >= 0) {
          this.hangs.splice(hang, 1);
          this.calls.push(operation);
          this.hanging.add(res);
          return;
        }
        this.handle(req, Buffer.concat(chunks)).then(
          ({ status, body }) => {
            res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
            res.end(body);
          },
          (e) => {
            res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
            res.end(JSON.stringify({ __type: 'InternalFailure', message: String(e) }));
          });
      });
    });
  }

  /** The endpoint to give the SDK. */
  public get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A client of the emulator that makes one attempt per call, like the handlers' own. */
  public client(): SageMakerClient {
    return new SageMakerClient({
      endpoint: this.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' },
      maxAttempts: 1,
    });
  }

  /** The next `times` calls of `operation` fail with `code` (for example ThrottlingException, HTTP 400). */
  public failNext(operation: string, code: string, status = 400, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.faults.push({ operation, code, status });
    }
  }

  /** Every call of `operation` whose request body contains `text` fails with `code`, until `clearFaults()`. */
  public failWhere(operation: string, text: string, code: string, status = 400): void {
    this.persistentFaults.push({ operation, text, code, status });
  }

  /** The next `times` calls of `operation` never get an answer. */
  public hangNext(operation: string, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.hangs.push(operation);
    }
  }

  /** Runs `hook` with the request before each call of `operation` (undefined removes it). */
  public onCall(operation: string, hook: ((input: any) => void | Promise<void>) | undefined): void {
    if (hook) {
      this.hooks.set(operation, hook);
    } else {
      this.hooks.delete(operation);
    }
  }

  /** Forgets every fault, hang and hook. */
  public clearFaults(): void {
    this.faults.length = 0;
    this.persistentFaults.length = 0;
    this.hangs.length = 0;
    this.hooks.clear();
  }

  /**
   * Adds `count` versions to `group` that the proxy holds itself, newer than those before; returns
   * their ARNs. `extra` gives each a stage (`ModelLifeCycle`) and customer metadata.
   */
  public addSyntheticVersions(group: string, count: number, status = 'Approved',
    extra: { lifeCycle?: SyntheticLifeCycle; customerMetadata?: Record<string, string> } = {}): string[] {
    const versions = this.synthetic.get(group) ?? [];
    this.synthetic.set(group, versions);
    const arns: string[] = [];
    for (let i = 0; i < count; i++) {
      const version = 100_000 + versions.length + 1;
      const arn = `arn:aws:sagemaker:${REGION}:${MOTO_ACCOUNT}:model-package/${group}/${version}`;
      versions.push({
        ModelPackageGroupName: group,
        ModelPackageVersion: version,
        ModelPackageArn: arn,
        CreationTime: 1_700_000_000 + version,
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: status,
        ...(extra.customerMetadata ? { CustomerMetadataProperties: extra.customerMetadata } : {}),
      });
      if (extra.lifeCycle) {
        this.lifeCycles.set(arn, extra.lifeCycle);
      }
      arns.push(arn);
    }
    return arns;
  }

  /** Whether a version (by ARN) was deleted through the proxy. */
  public isDeleted(arn: string): boolean {
    return this.deleted.has(arn);
  }

  /** Whether a group was deleted through the proxy. */
  public isGroupDeleted(name: string): boolean {
    return this.deletedGroups.has(name);
  }

  /** How many times `operation` was called. */
  public count(operation: string): number {
    return this.calls.filter((c) => c === operation).length;
  }

  public async stop(): Promise<void> {
    for (const res of this.hanging) {
      res.destroy();
    }
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.moto.stop();
  }

  private listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => {
      this.port = (this.server.address() as AddressInfo).port;
      resolve();
    }));
  }

  private async handle(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; body: string }> {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(/^SageMaker\./, '');
    this.calls.push(operation);
    const fault = this.faults.findIndex((f) => f.operation === operation);
    if (fault >= 0) {
      const [{ code, status }] = this.faults.splice(fault, 1);
      return { status, body: JSON.stringify({ __type: code, message: `Injected ${code}` }) };
    }
    const text = body.toString();
    const persistent = this.persistentFaults.find((f) => f.operation === operation && text.includes(f.text));
    if (persistent) {
      return { status: persistent.status, body: JSON.stringify({ __type: persistent.code, message: `Injected ${persistent.code}` }) };
    }
    const input = body.length > 0 ? JSON.parse(text) : {};
    await this.hooks.get(operation)?.(input);
    const synthetic = this.syntheticVersion(input.ModelPackageName ?? input.ModelPackageArn);
    switch (operation) {
      case 'DescribeModelPackageGroup':
        if (this.deletedGroups.has(input.ModelPackageGroupName)) {
          return { status: 400, body: JSON.stringify({ __type: 'ValidationException', message: `ModelPackageGroup ${input.ModelPackageGroupName} does not exist.` }) };
        }
        return this.forward(req, body);
      case 'DeleteModelPackageGroup': {
        const name = input.ModelPackageGroupName;
        if (this.deletedGroups.has(name)) {
          return { status: 400, body: JSON.stringify({ __type: 'ValidationException', message: `ModelPackageGroup ${name} does not exist.` }) };
        }
        const listed = await this.handle({ ...req, headers: { ...req.headers, 'x-amz-target': 'SageMaker.ListModelPackages' } } as any,
          Buffer.from(JSON.stringify({ ModelPackageGroupName: name, MaxResults: 1 })));
        if (JSON.parse(listed.body).ModelPackageSummaryList?.length > 0) {
          return { status: 400, body: JSON.stringify({ __type: 'ValidationException', message: `Model Package Group ${name} has model packages and cannot be deleted.` }) };
        }
        this.deletedGroups.add(name);
        return { status: 200, body: '{}' };
      }
      case 'DeleteModelPackage': {
        if (synthetic) {
          if (this.deleted.has(synthetic.ModelPackageArn)) {
            return notFound(synthetic.ModelPackageArn);
          }
          this.deleted.add(synthetic.ModelPackageArn);
          return { status: 200, body: '{}' };
        }
        const arn = await this.arnOf(req, input.ModelPackageName);
        if (!arn || this.deleted.has(arn)) {
          return notFound(input.ModelPackageName);
        }
        this.deleted.add(arn);
        return { status: 200, body: '{}' };
      }
      case 'DescribeModelPackage': {
        if (synthetic) {
          if (this.deleted.has(synthetic.ModelPackageArn)) {
            return notFound(synthetic.ModelPackageArn);
          }
          const lifeCycle = this.lifeCycles.get(synthetic.ModelPackageArn);
          return { status: 200, body: JSON.stringify({ ...synthetic, ...(lifeCycle ? { ModelLifeCycle: lifeCycle } : {}) }) };
        }
        const forwarded = await this.forward(req, body);
        const output = forwarded.status === 200 ? JSON.parse(forwarded.body) : undefined;
        if (output && this.deleted.has(output.ModelPackageArn)) {
          return notFound(input.ModelPackageName);
        }
        if (output && this.lifeCycles.has(output.ModelPackageArn)) {
          return { status: 200, body: JSON.stringify({ ...output, ModelLifeCycle: this.lifeCycles.get(output.ModelPackageArn) }) };
        }
        return forwarded;
      }
      case 'UpdateModelPackage': {
        if (synthetic) {
          if (this.deleted.has(synthetic.ModelPackageArn)) {
            return notFound(synthetic.ModelPackageArn);
          }
          synthetic.ModelApprovalStatus = input.ModelApprovalStatus ?? synthetic.ModelApprovalStatus;
          if (input.ModelLifeCycle) {
            this.lifeCycles.set(synthetic.ModelPackageArn, input.ModelLifeCycle);
          }
          return { status: 200, body: JSON.stringify({ ModelPackageArn: synthetic.ModelPackageArn }) };
        }
        const current = await this.describedByMoto(req, input.ModelPackageArn);
        const arn = current?.ModelPackageArn;
        if (!arn || this.deleted.has(arn)) {
          return notFound(input.ModelPackageArn);
        }
        // SageMaker leaves what an update does not name as it is; moto 5.2 clears the approval status,
        // its description and the customer metadata: send moto their current values.
        const kept = {
          ModelApprovalStatus: current.ModelApprovalStatus,
          ApprovalDescription: current.ApprovalDescription,
          CustomerMetadataProperties: current.CustomerMetadataProperties,
        };
        const forwarded = await this.forward(req, Buffer.from(JSON.stringify({ ...kept, ...input })));
        if (forwarded.status === 200 && input.ModelLifeCycle) {
          this.lifeCycles.set(arn, input.ModelLifeCycle);
        }
        return forwarded;
      }
      case 'ListModelPackages': {
        // Hide deleted versions: fetch everything from moto and page here, like SageMaker would.
        const { NextToken: token, MaxResults: max = 100, ...filters } = input;
        if (this.deletedGroups.has(filters.ModelPackageGroupName)) {
          return { status: 200, body: JSON.stringify({ ModelPackageSummaryList: [] }) };
        }
        const all: any[] = [];
        let next: string | undefined;
        do {
          const page = await this.forward(req, Buffer.from(JSON.stringify({ ...filters, MaxResults: 100, NextToken: next })));
          if (page.status !== 200) {
            return page;
          }
          const parsed = JSON.parse(page.body);
          all.push(...parsed.ModelPackageSummaryList.filter((s: any) => !this.deleted.has(s.ModelPackageArn)));
          next = parsed.NextToken;
        } while (next);
        all.push(...(this.synthetic.get(filters.ModelPackageGroupName) ?? []).filter((v) => !this.deleted.has(v.ModelPackageArn)
          && (filters.ModelApprovalStatus === undefined || v.ModelApprovalStatus === filters.ModelApprovalStatus)));
        if (filters.SortOrder === 'Descending') {
          // moto sorts its own versions; the synthetic ones are newer than those, and newest first too.
          const held = new Set((this.synthetic.get(filters.ModelPackageGroupName) ?? []).map((v) => v.ModelPackageArn));
          const own = all.filter((v) => !held.has(v.ModelPackageArn));
          const newest = all.filter((v) => held.has(v.ModelPackageArn)).reverse();
          all.splice(0, all.length, ...newest, ...own);
        }
        const start = token ? Number(token) : 0;
        const end = start + Number(max);
        return {
          status: 200,
          body: JSON.stringify({
            ModelPackageSummaryList: all.slice(start, end).map((v) => this.summaryOf(v)),
            NextToken: end < all.length ? String(end) : undefined,
          }),
        };
      }
      default:
        return this.forward(req, body);
    }
  }

  /** A version as ListModelPackages summarizes it: with its ModelLifeCycle (see `lifeCycleInSummaries`), without metadata. */
  private summaryOf(version: any): any {
    const { CustomerMetadataProperties: _metadata, ...summary } = version;
    const lifeCycle = this.lifeCycles.get(version.ModelPackageArn);
    return this.lifeCycleInSummaries && lifeCycle ? { ...summary, ModelLifeCycle: lifeCycle } : summary;
  }

  /** The synthetic version of that ARN, if it is one. */
  private syntheticVersion(arn: unknown): any {
    if (typeof arn !== 'string') {
      return undefined;
    }
    for (const versions of this.synthetic.values()) {
      const found = versions.find((v) => v.ModelPackageArn === arn);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  /** The ARN of a model package given by name or ARN, as moto knows it. */
  private async arnOf(req: http.IncomingMessage, nameOrArn: string): Promise<string | undefined> {
    return (await this.describedByMoto(req, nameOrArn))?.ModelPackageArn;
  }

  /** A model package given by name or ARN, as moto describes it (undefined when moto does not know it). */
  private async describedByMoto(req: http.IncomingMessage, nameOrArn: string): Promise<any> {
    const described = await this.forward({ ...req, headers: { ...req.headers, 'x-amz-target': 'SageMaker.DescribeModelPackage' } } as any,
      Buffer.from(JSON.stringify({ ModelPackageName: nameOrArn })));
    return described.status === 200 ? JSON.parse(described.body) : undefined;
  }

  private forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; body: string }> {
    const target = new URL(this.moto.endpoint);
    return new Promise((resolve, reject) => {
      const request = http.request({
        hostname: target.hostname,
        port: target.port,
        path: req.url,
        method: 'POST',
        headers: {
          'x-amz-target': req.headers['x-amz-target'],
          'content-type': 'application/x-amz-json-1.1',
          'authorization': req.headers.authorization,
          'x-amz-date': req.headers['x-amz-date'],
          'content-length': body.length,
        },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 500, body: Buffer.concat(chunks).toString() }));
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}

/** The stage of a synthetic version (SageMaker `ModelLifeCycle`). */
export interface SyntheticLifeCycle {
  readonly Stage: string;
  readonly StageStatus: string;
  readonly StageDescription?: string;
}

function notFound(name: string) {
  return { status: 400, body: JSON.stringify({ __type: 'ValidationException', message: `Model package ${name} not found` }) };
}
