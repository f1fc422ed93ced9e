import { aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { aws_kms as kmsRefs } from 'aws-cdk-lib/interfaces';
import { AlgorithmValidationSpecification } from '../../algorithm-validation-specification';
import { ValidationSpecification } from '../../validation-specification';

/** Grants `grantee` the use of `key` (when given), through the key's grants helper. */
export function grantKey(key: kmsRefs.IKeyRef | undefined, grantee: iam.IGrantable, use: 'encrypt' | 'encryptDecrypt' | 'decrypt'): void {
  if (!key) {
    return;
  }
  const grants = kms.KeyGrants.fromKey(key);
  if (use === 'encrypt') {
    grants.encrypt(grantee);
  } else if (use === 'decrypt') {
    grants.decrypt(grantee);
  } else {
    grants.encryptDecrypt(grantee);
  }
}

/** Grants the validation role of a model package the KMS keys of its transform job (once the specification is checked). */
export function grantValidationKeys(spec: ValidationSpecification): void {
  grantKey(spec.profile.transformJob.output.encryptionKey, spec.role, 'encrypt');
  grantKey(spec.profile.transformJob.resources.volumeEncryptionKey, spec.role, 'encryptDecrypt');
}

/** Grants the validation role of an algorithm the KMS keys of its jobs (once the specification is checked). */
export function grantAlgorithmValidationKeys(spec: AlgorithmValidationSpecification): void {
  const profile = spec.profile;
  grantKey(profile.trainingJob.output.encryptionKey, spec.role, 'encryptDecrypt');
  grantKey(profile.trainingJob.resources.volumeEncryptionKey, spec.role, 'encryptDecrypt');
  if (profile.transformJob) {
    grantKey(profile.transformJob.output.encryptionKey, spec.role, 'encrypt');
    grantKey(profile.transformJob.resources.volumeEncryptionKey, spec.role, 'encryptDecrypt');
  }
}
