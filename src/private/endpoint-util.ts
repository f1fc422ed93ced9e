import { Duration, Token } from 'aws-cdk-lib';

/** A duration in seconds (undefined stays undefined); a fraction stays a fraction so that the checks report it. */
export function seconds(duration: Duration | undefined): number | undefined {
  return duration?.toSeconds({ integral: false });
}

/** A literal name in lower case, as SageMaker writes it in endpoint and endpoint-config ARNs; a token as is. */
export function lowerCaseLiteral(name: string | undefined): string | undefined {
  return name === undefined || Token.isUnresolved(name) ? name : name.toLowerCase();
}
