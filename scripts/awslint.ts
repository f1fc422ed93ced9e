/**
 * `npx projen awslint`: the AWS Construct Library's own linter (`awslint`, npm) over this library's
 * `.jsii` assembly. Any error fails the build.
 *
 * awslint's command line cannot load aws-cdk-lib >= 2.262.0 (its assembly uses the jsii feature
 * "intersection-types", which awslint's loader does not enable), so this runs awslint's rules
 * through its library API with that feature enabled. Exclusions come from awslint.json (reasons in
 * the README's "Contributing" section).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES_LINTER, DiagnosticLevel, RuleFilterSet } from 'awslint/lib';
import { TypeSystem } from 'jsii-reflect';

async function main(): Promise<number> {
  const root = path.join(__dirname, '..');
  if (!fs.existsSync(path.join(root, '.jsii'))) {
    console.error('awslint: .jsii is missing: run `npx projen compile` first');
    return 1;
  }
  const config = JSON.parse(fs.readFileSync(path.join(root, 'awslint.json'), 'utf-8')) as { exclude?: string[] };
  const system = new TypeSystem();
  await system.load(root, { validate: false, supportedFeatures: ['intersection-types'] });
  const assembly = system.roots[0];

  const diagnostics = ALL_RULES_LINTER.eval(assembly, {
    includeRules: new RuleFilterSet(['*']),
    excludeRules: new RuleFilterSet(config.exclude ?? []),
  } as any);
  const count = (level: DiagnosticLevel) => diagnostics.filter((d) => d.level === level).length;
  for (const d of diagnostics.filter((x) => x.level >= DiagnosticLevel.Warning).sort((a, b) => b.level - a.level)) {
    console.log(`${DiagnosticLevel[d.level].toLowerCase()}: [awslint:${d.rule.code}:${d.scope}] ${d.message}`);
  }
  const rules = ALL_RULES_LINTER.rules.map((r) => r.code);
  console.log(`awslint: ${rules.length} rules over ${assembly.allTypes.length} types of ${assembly.name}: `
    + `${count(DiagnosticLevel.Error)} errors, ${count(DiagnosticLevel.Warning)} warnings, `
    + `${count(DiagnosticLevel.Skipped)} checks skipped in scopes excluded by awslint.json`);
  if (process.argv.includes('--list-rules')) {
    console.log(`rules: ${rules.join(', ')}`);
  }
  return count(DiagnosticLevel.Error) > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
