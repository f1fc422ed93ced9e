import { Names, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SAGEMAKER_NAME_MAX_LENGTH } from '../validate/values';

/*
 * Names: the physical names the library generates when none is given, the lower-case form SageMaker
 * writes names in inside some ARNs, and construct ids of children.
 */

/** How a generated name is made. */
export interface GeneratedNameOptions {
  /**
   * The longest name, the suffix included.
   *
   * @default 63 (SageMaker names)
   */
  readonly maxLength?: number;
  /**
   * The separator of the construct path's parts. Without one, the parts are run together and the
   * hyphens within them are kept (then trimmed from the ends, as SageMaker names must start and
   * end with a letter or digit); with one, every other character is dropped.
   *
   * @default - none
   */
  readonly separator?: string;
  /**
   * A suffix, appended after a hyphen (for example a fingerprint of the resource's definition).
   *
   * @default - none
   */
  readonly suffix?: string;
  /**
   * Whether the name is lower-cased (as SageMaker may write it in ARNs), the suffix excepted.
   *
   * @default false
   */
  readonly lowerCase?: boolean;
}

/** A unique name derived from the construct path of `scope`, at synth time, so that other environments can refer to it. */
export function generateName(scope: Construct, options: GeneratedNameOptions = {}): string {
  const suffix = options.suffix === undefined ? '' : `-${options.suffix}`;
  const maxLength = (options.maxLength ?? SAGEMAKER_NAME_MAX_LENGTH) - suffix.length;
  const name = options.separator === undefined
    ? Names.uniqueResourceName(scope, { maxLength, allowedSpecialCharacters: '-' }).replace(/^-+|-+$/g, '')
    : Names.uniqueResourceName(scope, { maxLength, separator: options.separator });
  return `${options.lowerCase ? name.toLowerCase() : name}${suffix}`;
}

/**
 * A literal name in lower case, as SageMaker writes names in the ARNs of models, endpoints and
 * endpoint configurations; a token as is (it cannot be lower-cased at synth time).
 */
export function lowerCaseLiteral<T extends string | undefined>(name: T): T {
  return name === undefined || Token.isUnresolved(name) ? name : name.toLowerCase() as T;
}

/** The first of `base`, `base2`, `base3`, ... that is not yet a child of `scope` (deterministic). */
export function freeChildId(scope: Construct, base: string): string {
  let id = base;
  for (let i = 2; scope.node.tryFindChild(id); i++) {
    id = `${base}${i}`;
  }
  return id;
}
