import { Annotations, CfnDeletionPolicy, IAspect, Stack, Token, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { throwIfErrors } from './private/validate/error';
import { checkStructKeys } from './private/validate/struct-keys';

/**
 * A rule of `RegistryRules`: a governance policy for model registries that a review would flag.
 */
export enum RegistryRule {
  /**
   * A version must not be registered as `Approved` by the stack: approval is a decision made after
   * registration (by a reviewer, or a pipeline step), not a property of the deployment that registers it.
   */
  NO_APPROVAL_AT_REGISTRATION = 'NoApprovalAtRegistration',

  /** Every version carries a model card (`modelCard`), its documentation for governance. */
  MODEL_CARD = 'ModelCard',

  /** Every version carries model-quality metrics (`modelMetrics.modelQuality`). */
  MODEL_QUALITY_METRICS = 'ModelQualityMetrics',

  /** Every model package group is retained when its stack is deleted (its versions are the model's history). */
  GROUPS_RETAINED = 'GroupsRetained',

  /**
   * A group's resource policy gives write actions (register, update, delete, tag) only to the accounts
   * in `RegistryRulesProps.writeAccounts`.
   */
  CROSS_ACCOUNT_WRITE = 'CrossAccountWrite',
}

/**
 * Properties of `RegistryRules`.
 */
export interface RegistryRulesProps {
  /**
   * The accounts that group resource policies may give write actions to (rule
   * `RegistryRule.CROSS_ACCOUNT_WRITE`).
   *
   * @default - none: no other account may be given write actions
   */
  readonly writeAccounts?: string[];

  /**
   * Whether a violation is an error (synthesis fails) or a warning.
   *
   * @default true
   */
  readonly failOnViolation?: boolean;
}

/** The metadata type of a suppression. */
const SUPPRESSION = 'cdk-sagemaker-registry:registryRuleSuppression';
/** The shortest reason a suppression takes. */
const MIN_REASON_LENGTH = 10;
/** SageMaker actions on a group's versions or policy that change the registry. */
const WRITE_ACTION = /^sagemaker:(Create|Update|Delete|Put|Add|Batch(?!Describe))[A-Za-z]*$|^sagemaker:\*$|^\*$/;

/**
 * Registry rules as an aspect, in the way of cdk-nag: `Aspects.of(app).add(new RegistryRules())` checks every
 * model package group and version of the app at synthesis and reports each violation on the construct,
 * with the rule's id (`cdk-sagemaker-registry:RegistryRule.<Rule>`). A rule is turned off for a construct and
 * everything in it with `RegistryRules.suppress(scope, rule, reason)`.
 */
export class RegistryRules implements IAspect {
  /**
   * Turns `rule` off for `scope` and every construct in it, for a stated reason (at least 10 characters).
   */
  public static suppress(scope: IConstruct, rule: RegistryRule, reason: string): void {
    throwIfErrors('RegistryRules.suppress', [
      ...(Object.values(RegistryRule).includes(rule) ? [] : [`rule must be one of ${Object.values(RegistryRule).join(', ')}, got '${rule}'`]),
      ...(Token.isUnresolved(reason) || reason.trim().length < MIN_REASON_LENGTH
        ? [`reason must say why ${rule} does not apply to ${scope.node.path} (at least ${MIN_REASON_LENGTH} characters), got '${reason}'`]
        : []),
    ]);
    scope.node.addMetadata(SUPPRESSION, { rule, reason });
  }

  private readonly writeAccounts: ReadonlySet<string>;
  private readonly failOnViolation: boolean;

  constructor(props: RegistryRulesProps = {}) {
    checkStructKeys('RegistryRules', 'RegistryRulesProps', props);
    const bad = (props.writeAccounts ?? []).filter((a) => !Token.isUnresolved(a) && !/^\d{12}$/.test(a));
    throwIfErrors('RegistryRules', bad.length > 0 ? [`writeAccounts must be 12-digit AWS account ids, got ${bad.map((a) => `'${a}'`).join(', ')}`] : []);
    this.writeAccounts = new Set(props.writeAccounts ?? []);
    this.failOnViolation = props.failOnViolation ?? true;
  }

  public visit(node: IConstruct): void {
    if (node instanceof sagemaker.CfnModelPackage && node.modelPackageGroupName !== undefined) {
      this.visitVersion(node);
    } else if (node instanceof sagemaker.CfnModelPackageGroup) {
      this.visitGroup(node);
    }
  }

  private visitVersion(version: sagemaker.CfnModelPackage): void {
    if (version.modelApprovalStatus === 'Approved') {
      this.report(version, RegistryRule.NO_APPROVAL_AT_REGISTRATION, 'the version is registered as Approved; '
        + 'register it as PendingManualApproval and approve it after review (ModelPackageApproval, or the approver\'s own step)');
    }
    if (version.modelCard === undefined) {
      this.report(version, RegistryRule.MODEL_CARD, 'the version has no model card; give modelCard');
    }
    const metrics = Stack.of(version).resolve(version.modelMetrics);
    if (metrics?.ModelQuality === undefined && metrics?.modelQuality === undefined) {
      this.report(version, RegistryRule.MODEL_QUALITY_METRICS, 'the version has no model-quality metrics; give modelMetrics.modelQuality');
    }
  }

  private visitGroup(group: sagemaker.CfnModelPackageGroup): void {
    if (group.cfnOptions.deletionPolicy !== CfnDeletionPolicy.RETAIN) {
      this.report(group, RegistryRule.GROUPS_RETAINED, `the group's DeletionPolicy is ${group.cfnOptions.deletionPolicy ?? 'Delete (the default)'}; `
        + 'keep the default removal policy (RETAIN), or suppress the rule for groups that hold no history');
    }
    const policy = Stack.of(group).resolve(group.modelPackageGroupPolicy);
    const outsiders = new Set<string>();
    for (const statement of [policy?.Statement ?? []].flat()) {
      const actions: string[] = [statement.Action ?? []].flat();
      if (statement.Effect !== 'Allow' || !actions.some((a) => WRITE_ACTION.test(a))) {
        continue;
      }
      const principals = JSON.stringify(statement.Principal ?? {});
      const accounts = principals.match(/\d{12}/g) ?? [];
      if (accounts.length === 0 && principals.includes('*')) {
        outsiders.add('* (anyone)');
      }
      accounts.filter((a) => !this.writeAccounts.has(a)).forEach((a) => outsiders.add(a));
    }
    if (outsiders.size > 0) {
      this.report(group, RegistryRule.CROSS_ACCOUNT_WRITE, `the group's resource policy gives write actions to ${[...outsiders].sort().join(', ')}, `
        + `which ${outsiders.size === 1 ? 'is' : 'are'} not in writeAccounts (${[...this.writeAccounts].join(', ') || 'none'})`);
    }
  }

  private report(resource: IConstruct, rule: RegistryRule, problem: string): void {
    if (isSuppressed(resource, rule)) {
      return;
    }
    const owner = resource.node.scope ?? resource;
    const message = `[RegistryRule.${rule}] ${owner.node.path}: ${problem}. `
      + `To accept it, RegistryRules.suppress(scope, RegistryRule.${ruleKey(rule)}, 'why')`;
    if (this.failOnViolation) {
      Annotations.of(resource).addError(message);
    } else {
      Annotations.of(resource).addWarningV2(`cdk-sagemaker-registry:RegistryRule.${rule}`, message);
    }
  }
}

function ruleKey(rule: RegistryRule): string {
  return Object.entries(RegistryRule).find(([, value]) => value === rule)![0];
}

function isSuppressed(resource: IConstruct, rule: RegistryRule): boolean {
  return resource.node.scopes.some((scope) => scope.node.metadata.some((entry) =>
    entry.type === SUPPRESSION && (entry.data as { rule?: string }).rule === rule));
}
