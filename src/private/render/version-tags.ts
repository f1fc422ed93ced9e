import { Annotations, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The id of the warning, for `Annotations.of(scope).acknowledgeWarning(...)`. */
export const VERSION_TAGS_REMOVED = 'cdk-sagemaker-registry:versionTagsRemoved';

/** The versions of one group whose tags were removed, reported together. */
interface GroupReport {
  readonly versions: { readonly construct: IConstruct; readonly resource: sagemaker.CfnModelPackage }[];
}

const reports = new WeakMap<IConstruct, GroupReport>();

/**
 * Reports, once per group at synthesis, the versions of `group` whose tags (from `Tags.of(...)` or the
 * L1) were removed because SageMaker rejects tags on versions. The report is a warning that names how
 * many versions it concerns; it is an info message instead when the group carries every removed tag
 * with the same value (nothing is lost then). One `Annotations.of(scope).acknowledgeWarning(
 * 'cdk-sagemaker-registry:versionTagsRemoved')` at the app, a stack, the group or a version silences it.
 */
export function reportRemovedVersionTags(group: IConstruct, version: IConstruct, resource: sagemaker.CfnModelPackage): void {
  let report = reports.get(group);
  if (!report) {
    const created: GroupReport = { versions: [] };
    report = created;
    reports.set(group, created);
    group.node.addValidation({ validate: () => { emit(group, created); return []; } });
  }
  report.versions.push({ construct: version, resource });
}

function emit(group: IConstruct, report: GroupReport): void {
  const groupSilenced = isAcknowledged(group, VERSION_TAGS_REMOVED);
  const tagged = report.versions.filter((v) => v.resource.tags.hasTags());
  const concerned = tagged.filter((v) => !groupSilenced && !isAcknowledged(v.construct, VERSION_TAGS_REMOVED));
  if (concerned.length === 0) {
    return;
  }
  const removed = new Map<string, string>();
  for (const version of concerned) {
    for (const [key, value] of Object.entries(version.resource.tags.tagValues())) {
      removed.set(key, value);
    }
  }
  const groupTags = groupTagValues(group);
  const covered = groupTags !== undefined && [...removed].every(([key, value]) => groupTags[key] === value);
  const count = concerned.length === 1 ? '1 version' : `${concerned.length} versions`;
  const shown = concerned.slice(0, 3).map((v) => v.construct.node.path).join(', ') + (concerned.length > 3 ? ', ...' : '');
  const keys = [...removed.keys()].sort().join(', ');
  const intro = `Tags ${keys} were not applied to ${count} of model package group ${group.node.path} (${shown}): `
    + 'SageMaker rejects tags on versions ("Tags are not supported in Model Package versions")';
  const target = group.node.defaultChild ?? group;
  if (covered) {
    Annotations.of(target).addInfoV2(VERSION_TAGS_REMOVED, `${intro}. The group carries these tags, so nothing is lost.`);
  } else {
    Annotations.of(target).addWarningV2(VERSION_TAGS_REMOVED, `${intro}; tag the group instead, which versions belong to. `
      + `Silence this once with Annotations.of(scope).acknowledgeWarning('${VERSION_TAGS_REMOVED}') at the app, a stack or the group.`);
  }
}

/** The tags of an owned group's L1, or undefined for an imported group. */
function groupTagValues(group: IConstruct): Record<string, string> | undefined {
  const resource = group.node.defaultChild;
  return resource instanceof sagemaker.CfnModelPackageGroup ? resource.tags.tagValues() : undefined;
}

/**
 * Whether `id` is acknowledged at `scope` or any scope around it, the app included.
 *
 * aws-cdk-lib's own check (used by `addWarningV2`) looks at the enclosing scopes but neither at the app
 * nor at the construct itself, so an acknowledgement at the app only removes warnings that exist when it
 * is made, and this warning is made later, at synthesis. So the acknowledgements are read here from the
 * app-wide record that `Annotations.acknowledgeWarning` keeps (a well-known global symbol); should a
 * future aws-cdk-lib keep them elsewhere, this finds none and the standard behaviour applies.
 */
function isAcknowledged(scope: IConstruct, id: string): boolean {
  const record = (scope.node.root as unknown as Record<symbol, { acks?: unknown } | undefined>)[Symbol.for('@aws-cdk/core.Acknowledgements')];
  const acks = record?.acks;
  if (!(acks instanceof Map)) {
    return false;
  }
  return scope.node.scopes.some((s) => {
    const ids: unknown = acks.get(s.node.path);
    return ids instanceof Set && ids.has(id);
  });
}
