import { Resource, Stack, Token, aws_ram as ram } from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { accountRelation } from './private/refs/accounts';
import { displayValue } from './private/refs/display';
import { generateName } from './private/refs/names';
import { throwIfErrors } from './private/validate/error';
import { checkStructKeys } from './private/validate/struct-keys';
import { validatePattern, validateTemplateText } from './private/validate/values';

/** An AWS account ID (botocore `organizations` `AccountId`). */
const ACCOUNT_PATTERN = /^\d{12}$/;
/**
 * An organization's ARN (botocore `organizations` `OrganizationArn`, which names the `aws` partition only;
 * the other partitions are accepted as well).
 */
const ORGANIZATION_ARN_PATTERN = /^arn:aws(-[a-z]+)*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
/** An organizational unit's ARN (botocore `organizations` `OrganizationalUnitArn`, any partition). */
const ORGANIZATIONAL_UNIT_ARN_PATTERN = /^arn:aws(-[a-z]+)*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
/** An AWS RAM permission's ARN: AWS managed (`ram::aws:permission/...`) or customer managed. */
const PERMISSION_ARN_PATTERN = /^arn:aws(-[a-z]+)*:ram:[a-z0-9-]*:(aws|\d{12}):permission\/\S+$/;

/**
 * The AWS RAM managed permission that a resource share grants on its model package groups.
 */
export class ResourceSharePermission {
  /**
   * A permission by its ARN, for example a customer managed permission of your account
   * (`arn:aws:ram:<region>:<account>:permission/<name>`) or an AWS managed one
   * (`arn:aws:ram::aws:permission/<name>`).
   *
   * @param permissionArn the permission's ARN
   */
  public static fromPermissionArn(permissionArn: string): ResourceSharePermission {
    throwIfErrors('ResourceSharePermission.fromPermissionArn', validatePattern('permissionArn', permissionArn, PERMISSION_ARN_PATTERN,
      'the ARN of an AWS RAM permission, arn:<partition>:ram:<region or empty>:<account or aws>:permission/<name>'));
    return new ResourceSharePermission(permissionArn);
  }

  /**
   * The permission's ARN.
   */
  public readonly permissionArn: string;

  private constructor(permissionArn: string) {
    this.permissionArn = permissionArn;
  }
}

/**
 * Options of `group.shareWithRam()`: who the group is shared with through AWS RAM, and how.
 */
export interface ModelPackageGroupResourceShareOptions {
  /**
   * AWS account IDs (12 digits) to share with.
   *
   * @default - no accounts
   */
  readonly accounts?: string[];

  /**
   * ARNs of AWS Organizations organizations to share with,
   * `arn:aws:organizations::<management account>:organization/o-<id>`.
   *
   * @default - no organizations
   */
  readonly organizationArns?: string[];

  /**
   * ARNs of organizational units to share with,
   * `arn:aws:organizations::<management account>:ou/o-<id>/ou-<root>-<id>`.
   *
   * @default - no organizational units
   */
  readonly organizationalUnitArns?: string[];

  /**
   * Whether accounts outside your organization may be principals of the share. AWS RAM's own default
   * is `true`; the library's is `false`, so that a share stays within the organization unless you say
   * otherwise. The value only has a meaning when your account is in an organization.
   *
   * @see https://docs.aws.amazon.com/ram/latest/APIReference/API_CreateResourceShare.html
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;

  /**
   * The AWS RAM permission that the share grants on the groups (one permission per resource type).
   *
   * @default - no `PermissionArns`: AWS RAM attaches the default version of its default permission for
   * model package groups. The name and actions of that permission are not verified by this library
   * (the SageMaker Developer Guide does not name it); pass a permission to be sure what is granted.
   */
  readonly permission?: ResourceSharePermission;

  /**
   * The name of the resource share.
   *
   * @default - a name generated from the construct path
   */
  readonly resourceShareName?: string;
}

/**
 * Properties of a `ModelPackageGroupResourceShare`.
 */
export interface ModelPackageGroupResourceShareProps extends ModelPackageGroupResourceShareOptions {
  /**
   * The model package groups to share: groups of the share's own account (only the owner of a group can
   * share it). At least one: a `ModelPackageGroup`, an imported group or a `CfnModelPackageGroup`.
   */
  readonly modelPackageGroups: sagemakerRefs.IModelPackageGroupRef[];
}

/**
 * An AWS RAM resource share (`AWS::RAM::ResourceShare`) of model package groups with accounts,
 * organizations or organizational units.
 *
 * Sharing through AWS RAM makes the groups discoverable by the other accounts
 * (`ListModelPackageGroups` with `CrossAccountFilterOption=CrossAccount`), with the actions of the
 * share's permission. It is an alternative to granting in the group's resource policy (`grantRead`,
 * `shareWith`); AWS RAM manages the group's resource policy for the share, and how it combines with a
 * `ModelPackageGroupPolicy` that CloudFormation sets on the same group is not documented: use one or the
 * other for a group.
 *
 * With `allowExternalPrincipals: false` (the default), accounts outside your organization cannot
 * accept the share. Accounts in the organization get the share without an invitation only when sharing
 * with AWS Organizations is enabled in AWS RAM; otherwise they accept an invitation.
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-ram.html
 * @resource AWS::RAM::ResourceShare
 */
export class ModelPackageGroupResourceShare extends Resource {
  /**
   * The ARN of the resource share.
   *
   * @attribute
   */
  public readonly resourceShareArn: string;

  /**
   * The name of the resource share.
   *
   * @attribute
   */
  public readonly resourceShareName: string;

  constructor(scope: Construct, id: string, props: ModelPackageGroupResourceShareProps) {
    super(scope, id);
    const where = `ModelPackageGroupResourceShare ${this.node.path}`;
    checkStructKeys(where, 'ModelPackageGroupResourceShareProps', props);
    throwIfErrors(where, this.propErrors(props));

    const name = props.resourceShareName ?? generateName(this, { maxLength: 63, separator: '-' });
    const resource = new ram.CfnResourceShare(this, 'Resource', {
      name,
      resourceArns: props.modelPackageGroups.map((group) => group.modelPackageGroupRef.modelPackageGroupArn),
      principals: [
        ...new Set([...props.accounts ?? [], ...props.organizationArns ?? [], ...props.organizationalUnitArns ?? []]),
      ],
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
      permissionArns: props.permission ? [props.permission.permissionArn] : undefined,
    });
    this.resourceShareArn = resource.attrArn;
    this.resourceShareName = name;
  }

  private propErrors(props: ModelPackageGroupResourceShareProps): string[] {
    const errors: string[] = [];
    const groups = props.modelPackageGroups;
    if (!Token.isUnresolved(groups) && groups.length === 0) {
      errors.push('modelPackageGroups must name at least one model package group, got an empty list');
    }
    const stack = Stack.of(this);
    (Token.isUnresolved(groups) ? [] : groups).forEach((group, i) => {
      if (accountRelation(this, group.env.account, stack.account) === 'different') {
        errors.push(`modelPackageGroups[${i}] (${displayValue(this, group.modelPackageGroupRef.modelPackageGroupArn)}) is in account `
          + `${group.env.account}, but the resource share is in account ${stack.account}: only the account that owns a group can share it`);
      }
    });
    const lists: Array<[string, string[] | undefined, RegExp, string]> = [
      ['accounts', props.accounts, ACCOUNT_PATTERN, 'an AWS account ID of 12 digits'],
      ['organizationArns', props.organizationArns, ORGANIZATION_ARN_PATTERN,
        'an organization ARN, arn:<partition>:organizations::<12-digit account>:organization/o-<10-32 lowercase letters or digits>'],
      ['organizationalUnitArns', props.organizationalUnitArns, ORGANIZATIONAL_UNIT_ARN_PATTERN,
        'an organizational unit ARN, arn:<partition>:organizations::<12-digit account>:ou/o-<organization id>/ou-<root id>-<unit id>'],
    ];
    let principals = 0;
    for (const [property, values, pattern, allowed] of lists) {
      if (values === undefined || Token.isUnresolved(values)) {
        principals += values === undefined ? 0 : 1;
        continue;
      }
      principals += values.length;
      values.forEach((value, i) => errors.push(...validatePattern(`${property}[${i}]`, value, pattern, allowed)));
    }
    if (principals === 0) {
      errors.push('a resource share needs at least one principal: set accounts, organizationArns or organizationalUnitArns '
        + '(a share without principals shares the groups with no one)');
    }
    if (props.resourceShareName !== undefined && !Token.isUnresolved(props.resourceShareName)) {
      if (props.resourceShareName.length === 0) {
        errors.push('resourceShareName must not be empty');
      }
      errors.push(...validateTemplateText('resourceShareName', props.resourceShareName));
    }
    return errors;
  }
}
