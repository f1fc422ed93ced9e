import { Duration } from 'aws-cdk-lib';

/** A duration in seconds (undefined stays undefined); a fraction stays a fraction so that the checks report it. */
export function seconds(duration: Duration | undefined): number | undefined {
  return duration?.toSeconds({ integral: false });
}
