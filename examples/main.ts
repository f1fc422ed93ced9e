/**
 * `npx projen demo`: synthesizes the example registry app into cdk.out/ and prints, per stack,
 * the resources it made and the cdk-nag AwsSolutions findings.
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildRegistryApp } from './registry-app';

const outdir = path.join(__dirname, '..', 'cdk.out');
const app = new App({ outdir });
buildRegistryApp(app);
const assembly = app.synth();

let nagErrors = 0;
for (const stack of assembly.stacks) {
  const resources: Record<string, { Type: string }> = stack.template.Resources ?? {};
  const env = `${stack.environment.account}/${stack.environment.region}`;
  console.log(`\n${stack.stackName} (${env}) -> ${path.relative(process.cwd(), path.join(outdir, stack.templateFile))}`);
  console.log(`  ${Object.keys(resources).length} resources:`);
  for (const [logicalId, resource] of Object.entries(resources)) {
    console.log(`    ${resource.Type.padEnd(36)} ${logicalId}`);
  }
  const findings = stack.messages.filter((m) => /AwsSolutions-/.test(String(m.entry.data)));
  const errors = findings.filter((m) => m.level === 'error');
  const warnings = findings.filter((m) => m.level === 'warning');
  nagErrors += errors.length;
  console.log(`  cdk-nag AwsSolutions: ${errors.length} errors, ${warnings.length} warnings, `
    + `${findings.length - errors.length - warnings.length} suppressed with a reason in the example`);
  for (const finding of findings) {
    console.log(`    [${finding.level}] ${finding.id}: ${String(finding.entry.data).split('\n')[0].slice(0, 160)}`);
  }
  for (const warning of stack.messages.filter((m) => m.level === 'warning' && !/AwsSolutions-/.test(String(m.entry.data)))) {
    console.log(`  warning ${warning.id}: ${String(warning.entry.data).split('\n')[0]}`);
  }
}
if (nagErrors > 0) {
  console.error(`\ncdk-nag reported ${nagErrors} errors`);
  process.exit(1);
}
