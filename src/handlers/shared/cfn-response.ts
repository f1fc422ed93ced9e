/**
 * The CloudFormation custom-resource response protocol, for handlers that are the service token
 * themselves (no provider framework in between): the handler's result, or its error, is PUT to the
 * pre-signed `ResponseURL` of the request.
 */
import * as https from 'https';
import { URL } from 'url';
import { CustomResourceEvent, OnEventResponse } from './custom-resource';

/** A request as CloudFormation sends it to a Lambda service token. */
export interface CloudFormationRequest extends CustomResourceEvent {
  readonly ResponseURL: string;
}

/** How a response is sent; replaceable in tests. */
export type ResponseSender = (url: string, body: string) => Promise<void>;

/** The longest failure reason sent: CloudFormation truncates long responses (4 KB in all). */
const MAX_REASON_LENGTH = 2000;

/**
 * Wraps `handle` as a Lambda handler that answers CloudFormation: SUCCESS with the physical id and
 * data it returns, or FAILED with the error's message as the reason.
 */
export function cloudFormationHandler(
  handle: (event: CustomResourceEvent) => Promise<OnEventResponse>,
  send: ResponseSender = putResponse,
  log: (message: string) => void = (message) => console.log(message),
): (event: CloudFormationRequest) => Promise<void> {
  return async (event) => {
    log(`${event.RequestType} ${event.LogicalResourceId} (${event.PhysicalResourceId ?? 'new'})`);
    let body: Record<string, unknown>;
    try {
      const result = await handle(event);
      body = {
        Status: 'SUCCESS',
        PhysicalResourceId: result.PhysicalResourceId ?? event.PhysicalResourceId ?? event.LogicalResourceId,
        Data: result.Data,
      };
    } catch (error: any) {
      const reason = String(error?.message ?? error);
      log(`FAILED: ${reason}`);
      body = {
        Status: 'FAILED',
        Reason: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}...` : reason,
        // A failed Create still needs an id; CloudFormation then deletes it on rollback.
        PhysicalResourceId: event.PhysicalResourceId ?? `${event.LogicalResourceId}-not-created`,
      };
    }
    await send(event.ResponseURL, JSON.stringify({
      ...body,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    }));
  };
}

/** PUTs the response to the pre-signed S3 URL, retrying a few times on network errors. */
async function putResponse(url: string, body: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await put(url, body);
      return;
    } catch (error) {
      if (attempt >= 5) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

function put(url: string, body: string): Promise<void> {
  const parsed = new URL(url);
  return new Promise((resolve, reject) => {
    const request = https.request({
      hostname: parsed.hostname,
      path: `${parsed.pathname}${parsed.search}`,
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode && response.statusCode < 300
        ? resolve()
        : reject(new Error(`response upload failed with HTTP ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}
