import { RemovalPolicy, aws_iam as iam } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { OTHER_ACCOUNT } from '../constants';
import {
  approvalStatus,
  description,
  removalPolicy,
  sageMakerName,
  withWildness,
} from './arbitraries';
import { CaseContext, GenStr, propertyTest } from './harness';
import {
  ContainerImage,
  IModelPackageGroup,
  ModelApprovalStatus,
  ModelPackageGroup,
} from '../../src';

interface GrantSpec {
  readonly kind: 'read' | 'register' | 'approve' | 'describe' | 'everything';
  readonly account: 'same' | 'other';
}

interface VersionSpec {
  readonly approvalStatus?: string;
  readonly approvalDescription?: GenStr;
  readonly description?: GenStr;
}

interface GroupSpec {
  readonly imported?: GenStr;
  readonly name?: GenStr;
  readonly description?: GenStr;
  readonly removal: { readonly policy?: string; readonly autoDelete?: boolean };
  readonly grants: GrantSpec[];
  readonly versions: VersionSpec[];
}

const spec: fc.Arbitrary<GroupSpec> = withWildness((g) => fc.record({
  imported: g.opt(sageMakerName(g), 6),
  name: g.opt(sageMakerName(g), 3),
  description: g.opt(description(g), 2),
  removal: g.opt(removalPolicy(g), 2).chain((policy) => fc.record({
    policy: fc.constant(policy),
    // Auto-deleting versions needs RemovalPolicy.DESTROY.
    autoDelete: policy === 'destroy' ? g.opt(fc.boolean(), 2) : g.pick(fc.constant(undefined), fc.boolean()),
  })),
  grants: fc.array(fc.record({
    kind: g.pick(fc.constantFrom('read', 'register', 'approve', 'describe'), fc.constant('everything')),
    account: fc.constantFrom('same', 'other'),
  }), { maxLength: 3 }),
  versions: fc.array(fc.record({
    approvalStatus: g.opt(approvalStatus(g), 3),
    approvalDescription: g.opt(description(g), 3),
    description: g.opt(description(g), 3),
  }), { maxLength: 2 }),
}), [0, 0, 10, 20, 40]);

function build(ctx: CaseContext, s: GroupSpec): void {
  const { stack } = ctx;
  let group: IModelPackageGroup;
  if (s.imported !== undefined) {
    group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', ctx.str('modelPackageGroupName', s.imported));
  } else {
    const policy = s.removal.policy as RemovalPolicy | undefined;
    ctx.mark(['removalPolicy', 'autoDeleteModelPackages'], policy ?? 'RemovalPolicy.RETAIN');
    group = new ModelPackageGroup(stack, 'Group', {
      modelPackageGroupName: ctx.optStr('modelPackageGroupName', s.name),
      description: ctx.optStr('description', s.description),
      removalPolicy: policy,
      autoDeleteModelPackages: s.removal.autoDelete,
    });
  }
  s.grants.forEach((grant) => {
    const grantee = grant.account === 'same'
      ? (stack.node.tryFindChild('Grantee') as iam.Role | undefined) ?? new iam.Role(stack, 'Grantee', { assumedBy: new iam.AccountRootPrincipal() })
      : new iam.AccountPrincipal(OTHER_ACCOUNT);
    switch (grant.kind) {
      case 'read': group.grantRead(grantee); break;
      case 'register': group.grantRegister(grantee); break;
      case 'approve': group.grantApprove(grantee); break;
      case 'describe': group.grant(grantee, 'sagemaker:DescribeModelPackageGroup'); break;
      default:
        ctx.mark(['Action "*"', 'actions'], '["*"]');
        group.grant(grantee, '*');
    }
  });
  // An imported group alone defines nothing: register a version in it.
  const versions = s.imported !== undefined && s.versions.length === 0 ? [{}] : s.versions;
  versions.forEach((v: VersionSpec, i) => {
    ctx.mark('approvalStatus', v.approvalStatus ?? 'undefined');
    group.addModelPackage(`Version${i}`, {
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromRegistry(`763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-${i}`) }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
      approvalStatus: v.approvalStatus as ModelApprovalStatus | undefined,
      approvalDescription: ctx.optStr('approvalDescription', v.approvalDescription),
      description: ctx.optStr('description', v.description),
    });
  });
}

propertyTest('ModelPackageGroup', spec, build);
