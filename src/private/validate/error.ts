/**
 * The error path of the validation layer: every synth-time failure of the library is one
 * `ValidationError` that lists all problems found (docs/validation.md, "Error path").
 */

/** One problem of a synth-time validation failure. */
export interface ValidationProblem {
  /**
   * The rule's code: the property path the problem names, with list positions generalized
   * (`inferenceSpecification.containers[].frameworkVersion`), stable across apps and runs.
   */
  readonly code: string;
  /** The problem as the error lists it: the property, the received value and the allowed values. */
  readonly message: string;
}

/**
 * The error of every synth-time failure (constructs, their methods and the static factories; see
 * docs/validation.md, "Error path"): its message lists every problem under `Invalid <what>:`, and it
 * carries the construct path and each problem with its rule's code for callers that read errors
 * programmatically. `what` is the construct kind and path (`ModelPackage Stack/Package`), an addition
 * to one (`containers[1] of Model Stack/Model`) or a factory (`ModelData.fromS3Url`); each problem
 * starts with the property or parameter it is about, which `ruleCode()` makes its code.
 */
export class ValidationError extends Error {
  /** The path of the construct that failed, when `what` names one (`Stack/Package`). */
  public readonly constructPath?: string;
  /** The problems, in the order of the message. */
  public readonly problems: ValidationProblem[];

  constructor(what: string, errors: string[]) {
    super(`Invalid ${what}:\n  - ${errors.join('\n  - ')}`);
    this.name = 'ValidationError';
    this.constructPath = /(?:^| )([^ ]*\/[^ ]*)$/.exec(what)?.[1];
    this.problems = errors.map((message) => ({ code: ruleCode(message), message }));
  }
}

/** The code of the rule a problem message states: its leading property path, positions generalized. */
export function ruleCode(message: string): string {
  const property = /^[^ ]+/.exec(message)?.[0] ?? message;
  return property.replace(/\[\d+\]/g, '[]').replace(/:$/, '');
}

/**
 * Throws one `ValidationError` listing every problem, introduced by `what` (for example the
 * construct kind and path), when there are any.
 */
export function throwIfErrors(what: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new ValidationError(what, errors);
  }
}
