import { Construct, Dependable, IConstruct, IDependable } from 'constructs';

/**
 * Makes `dependent` wait for the policies of `role` (its children other than the role resource
 * itself, such as `DefaultPolicy`), but not for the role resource: the dependent refers to the role
 * by `Fn::GetAtt` already, and a `DependsOn` on it too is what cfn-lint reports as W3005. The
 * policies are looked up at synthesis, so statements added later count too (for an imported role:
 * the policies attached to it in this app).
 */
export function dependOnRolePolicies(dependent: Construct, role: IConstruct): void {
  const policies: IDependable = {};
  Dependable.implement(policies, {
    get dependencyRoots(): IConstruct[] {
      // An imported role has no role resource: its children are the policies attached to it here.
      const roleResource = role.node.defaultChild;
      return role.node.children.filter((c) => c !== roleResource);
    },
  });
  dependent.node.addDependency(policies);
}
