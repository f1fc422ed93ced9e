/**
 * The benchmark scenario (see scenario.ts) written with this library.
 */
import { App, Stack, aws_iam as iam } from 'aws-cdk-lib';
import {
  ARTIFACT_BUCKET,
  ENDPOINT_INSTANCE_COUNT,
  ENDPOINT_INSTANCE_TYPE,
  ENV,
  IMAGE,
  REGISTRY_ROLE_PRINCIPAL,
  VARIANT_NAME,
  VERSIONS_PER_GROUP,
  approvalStatus,
  groupId,
  groupName,
  modelDataKey,
  plan,
  versionId,
} from './scenario';
import type * as Lib from '../../lib';

/** Adds the stacks of the scenario for `n` versions to `app`, using the library module `lib`. */
export function buildL2(app: App, n: number, lib: typeof Lib): void {
  for (const stackPlan of plan(n)) {
    const stack = new Stack(app, stackPlan.stackName, { env: ENV });
    const registryRole = new iam.Role(stack, 'RegistryRole', {
      assumedBy: new iam.ServicePrincipal(REGISTRY_ROLE_PRINCIPAL),
    });
    for (const g of stackPlan.groups) {
      const group = new lib.ModelPackageGroup(stack, groupId(g), { modelPackageGroupName: groupName(g) });
      group.grantRead(registryRole);
      group.grantRegister(registryRole);
      group.onApprovalStatusChange('OnApproved', { statuses: [lib.ModelApprovalStatus.APPROVED] });

      let newest: Lib.ModelPackage | undefined;
      for (let v = 0; v < VERSIONS_PER_GROUP; v++) {
        newest = group.addModelPackage(versionId(v), {
          inferenceSpecification: {
            containers: [{
              image: lib.ContainerImage.fromRegistry(IMAGE),
              modelData: lib.ModelData.fromS3Url(`s3://${ARTIFACT_BUCKET}/${modelDataKey(g, v)}`),
            }],
            supportedContentTypes: ['text/csv'],
            supportedResponseMimeTypes: ['text/csv'],
            supportedRealtimeInferenceInstanceTypes: [lib.InstanceType.M5_LARGE],
            supportedTransformInstanceTypes: [lib.InstanceType.M5_LARGE],
          },
          approvalStatus: approvalStatus(v) as Lib.ModelApprovalStatus,
        });
      }
      const model = new lib.Model(stack, `${groupId(g)}Model`, { containers: [{ modelPackage: newest! }] });
      const endpointConfig = new lib.EndpointConfig(stack, `${groupId(g)}EndpointConfig`, {
        instanceProductionVariants: [{
          variantName: VARIANT_NAME,
          model,
          instanceType: lib.InstanceType.of(ENDPOINT_INSTANCE_TYPE),
          initialInstanceCount: ENDPOINT_INSTANCE_COUNT,
        }],
      });
      new lib.Endpoint(stack, `${groupId(g)}Endpoint`, { endpointConfig });
    }
  }
}
