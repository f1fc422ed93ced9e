import { createHash } from 'crypto';

/**
 * Member names whose SageMaker API spelling is not the capitalized camelCase name that the L1
 * types use (CloudFormation spells them like the API).
 */
const API_NAMES: Record<string, string> = {
  SupportedResponseMimeTypes: 'SupportedResponseMIMETypes',
  MaxPayloadInMb: 'MaxPayloadInMB',
  VolumeSizeInGb: 'VolumeSizeInGB',
};

/** Maps whose keys are user data (environment variable names, hyperparameter names), not member names. */
const USER_KEYED_MAPS = new Set(['Environment', 'HyperParameters']);

/**
 * Converts a value rendered in the camelCase shape of the L1 types into the SageMaker API's
 * PascalCase shape (as CreateAlgorithm takes it), dropping undefined members.
 *
 * Tokens (strings, numbers, lists or `IResolvable` objects) are kept as they are.
 */
export function toSageMakerApi(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(toSageMakerApi);
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) {
      continue;
    }
    const capitalized = key.charAt(0).toUpperCase() + key.slice(1);
    const name = API_NAMES[capitalized] ?? capitalized;
    result[name] = USER_KEYED_MAPS.has(name) ? member : toSageMakerApi(member);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * JSON with object keys sorted at every level, so that equal values have equal text whatever the
 * order in which their members were written.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (isPlainObject(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

/** The first `length` hex digits of the SHA-256 of the value's canonical JSON. */
export function fingerprint(value: unknown, length = 8): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}
