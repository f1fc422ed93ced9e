import { aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { aws_kms as kmsRefs } from 'aws-cdk-lib/interfaces';

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
