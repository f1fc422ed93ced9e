import { Construct } from 'constructs';

/** The first of `base`, `base2`, `base3`, ... that is not yet a child of `scope` (deterministic). */
export function freeChildId(scope: Construct, base: string): string {
  let id = base;
  for (let i = 2; scope.node.tryFindChild(id); i++) {
    id = `${base}${i}`;
  }
  return id;
}
