import { Token } from 'aws-cdk-lib';
import { throwIfErrors } from './error';
import { STRUCTS } from './struct-keys.generated';

/** How a property holds another struct: one of it, a list of them, or a map of names to them. */
export type StructShape = 'one' | 'list' | 'map';

/** A struct's property names, and the properties that hold other structs of the library. */
export interface StructSchema {
  readonly keys: readonly string[];
  readonly nested?: Readonly<Record<string, readonly [string, StructShape]>>;
}

/** Every struct of the library, by name (generated from src/ by scripts/struct-keys.ts). */
export type StructTable = Readonly<Record<string, StructSchema>>;

/** The most problems reported for one struct argument (the rest are counted). */
const MAX_REPORTED = 10;

/**
 * The keys of `value`, a `struct` found at `path` (empty for the argument itself), that the struct does not have, with those of the
 * structs it holds, as error messages (empty when every key is known).
 *
 * jsii hands dicts from Python (and maps from other languages) to the library as they are, so a dict
 * with Python names (`model_data`) or a misspelled key would otherwise be dropped without a word. Only
 * plain objects are checked: class instances (constructs, `ContainerImage`, ...) and tokens are left alone.
 */
export function unknownKeyErrors(struct: string, value: unknown, path = '', table: StructTable = STRUCTS): string[] {
  const errors: string[] = [];
  visit(struct, value, path, table, errors);
  if (errors.length > MAX_REPORTED) {
    const more = errors.length - MAX_REPORTED;
    return [...errors.slice(0, MAX_REPORTED), `... and ${more} more unknown ${more === 1 ? 'key' : 'keys'}`];
  }
  return errors;
}

/**
 * Throws one error listing every unknown key of `value`, a `struct` given to `where`. Call it before
 * any other validation: with keys in the wrong form, the other checks would report confusing errors.
 *
 * @param where the construct or method that received it, for example `Model Stack/Model`
 * @param path where `value` is within the argument (empty for the argument itself)
 */
export function checkStructKeys(where: string, struct: string, value: unknown, path = ''): void {
  throwIfErrors(where, unknownKeyErrors(struct, value, path));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Token.isUnresolved(value)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function visit(struct: string, value: unknown, path: string, table: StructTable, errors: string[]): void {
  const schema = table[struct];
  if (!schema || !isPlainObject(value)) {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (!schema.keys.includes(key)) {
      if (child !== undefined) {
        errors.push(unknownKeyMessage(struct, key, path, schema.keys));
      }
      continue;
    }
    const nested = schema.nested?.[key];
    if (!nested || child === undefined || child === null) {
      continue;
    }
    const [childStruct, shape] = nested;
    if (shape === 'one') {
      visit(childStruct, child, join(path, key), table, errors);
    } else if (shape === 'list' && Array.isArray(child)) {
      child.forEach((element, index) => visit(childStruct, element, `${join(path, key)}[${index}]`, table, errors));
    } else if (shape === 'map' && isPlainObject(child)) {
      for (const [name, element] of Object.entries(child)) {
        visit(childStruct, element, join(join(path, key), name), table, errors);
      }
    }
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function unknownKeyMessage(struct: string, key: string, path: string, keys: readonly string[]): string {
  const suggestion = suggest(key, keys);
  let message = `${path === '' ? '' : `${path}: `}'${key}' is not a property of ${struct}`;
  if (suggestion !== undefined) {
    message += `; did you mean '${suggestion}'?`;
  } else {
    message += ` (its properties are ${keys.map((k) => `'${k}'`).join(', ')})`;
  }
  if (key.includes('_')) {
    message += ` In Python, use the struct class, registry.${struct}(${snakeCase(suggestion ?? key)}=...), `
      + 'or camelCase keys in dicts: jsii passes dict keys to the library as they are.';
  }
  return message;
}

/** The known key that `key` most likely meant: its camelCase form, a different letter case, or a near miss. */
function suggest(key: string, keys: readonly string[]): string | undefined {
  const camel = key.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  const folded = (s: string) => s.replace(/_/g, '').toLowerCase();
  const exact = keys.find((k) => k === camel) ?? keys.find((k) => folded(k) === folded(key));
  if (exact !== undefined) {
    return exact;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of keys) {
    const distance = editDistance(folded(key), folded(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
