/**
 * Types and helpers shared by the custom-resource handlers of this library, which run under the
 * `custom_resources.Provider` framework of aws-cdk-lib (an `onEvent` and an `isComplete` function).
 *
 * Handler code runs in Lambda (Node.js 20 or later, with the AWS SDK v3 of the runtime) and is
 * bundled by esbuild: it must not import aws-cdk-lib or anything from `src/` outside `handlers/`.
 */

/** A CloudFormation custom resource request, as the provider framework passes it to `onEvent`. */
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

/** What `onEvent` returns. */
export interface OnEventResponse {
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, any>;
  readonly NoEcho?: boolean;
}

/** What `isComplete` gets: the request plus the `onEvent` response. */
export interface IsCompleteEvent extends CustomResourceEvent {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, any>;
}

/** What `isComplete` returns. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly Data?: Record<string, any>;
}

/** Which members of a request hold booleans and numbers (CloudFormation sends them as strings). */
export interface CoercionRules {
  /** Members whose values are booleans. */
  readonly booleans: ReadonlySet<string>;
  /** Members whose values are numbers. */
  readonly numbers: ReadonlySet<string>;
  /** Maps whose keys are user data: their values are kept as strings. */
  readonly opaque: ReadonlySet<string>;
}

/**
 * Turns the properties of a custom resource back into an API request: the members named in
 * `rules` get their boolean and number values back; everything else stays as it is.
 */
export function coerceProperties(value: unknown, rules: CoercionRules, member?: string): any {
  if (Array.isArray(value)) {
    return value.map((v) => coerceProperties(v, rules, member));
  }
  if (typeof value === 'object' && value !== null) {
    if (member !== undefined && rules.opaque.has(member)) {
      return value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerceProperties(v, rules, k)]));
  }
  if (typeof value === 'string' && member !== undefined) {
    if (rules.booleans.has(member)) {
      if (value !== 'true' && value !== 'false') {
        throw new Error(`${member} must be true or false, got '${value}'`);
      }
      return value === 'true';
    }
    if (rules.numbers.has(member)) {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) {
        throw new Error(`${member} must be a number, got '${value}'`);
      }
      return number;
    }
  }
  return value;
}

/** The resource properties without the provider's own (`ServiceToken`). */
export function withoutServiceToken(properties: Record<string, any> | undefined): Record<string, any> {
  const { ServiceToken: _serviceToken, ...rest } = properties ?? {};
  return rest;
}
