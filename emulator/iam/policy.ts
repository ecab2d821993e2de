/** RAM policy evaluation (Action/Resource wildcards, conditions, explicit Deny wins, intersection for STS sessions). */
import type { PolicyDocument } from '../core/contract';

/** Outcome of evaluating policies for one request: explicit deny wins over allow. */
export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** The request as RAM sees it. Condition keys are matched case-insensitively. */
export interface AccessRequest {
  action: string;
  resource: string;
  conditions: Record<string, string | undefined>;
}

/** Evaluates one set of policies (a user's, a role's or an inline session policy). */
export function evaluatePolicies(policies: PolicyDocument[], request: AccessRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of policy.Statement ?? []) {
      if (!matchesAny(statement.Action, request.action, true)) continue;
      if (!matchesAny(statement.Resource, request.resource, false)) continue;
      if (!conditionsHold(statement.Condition, request.conditions)) continue;
      if (statement.Effect === 'Deny') return 'explicit-deny';
      if (statement.Effect === 'Allow') allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/**
 * Evaluates an intersection of policy sets (an STS session: role policy ∩ inline policy):
 * an explicit deny anywhere denies; every set must allow. No sets means full access
 * (an account's own AccessKey).
 */
export function evaluatePolicySets(sets: PolicyDocument[][], request: AccessRequest): Decision {
  let decision: Decision = 'allow';
  for (const set of sets) {
    const d = evaluatePolicies(set, request);
    if (d === 'explicit-deny') return d;
    if (d === 'implicit-deny') decision = d;
  }
  return decision;
}

function matchesAny(patterns: string | string[], value: string, ignoreCase: boolean): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return list.some((p) => wildcardMatch(p, value, ignoreCase));
}

/** `*` matches any run of characters, `?` exactly one; everything else literally. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function conditionsHold(
  condition: Record<string, Record<string, string | string[]>> | undefined,
  context: Record<string, string | undefined>,
): boolean {
  if (!condition) return true;
  const lowered = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [operator, clauses] of Object.entries(condition)) {
    for (const [key, expected] of Object.entries(clauses)) {
      const values = Array.isArray(expected) ? expected : [expected];
      const actual = lowered.get(key.toLowerCase());
      if (!operatorHolds(operator, values, actual)) return false;
    }
  }
  return true;
}

function operatorHolds(operator: string, values: string[], actual: string | undefined): boolean {
  switch (operator) {
    case 'StringEquals':
      return actual !== undefined && values.includes(actual);
    case 'StringNotEquals':
      return actual === undefined || !values.includes(actual);
    case 'StringLike':
      return actual !== undefined && values.some((v) => wildcardMatch(v, actual));
    case 'StringNotLike':
      return actual === undefined || !values.some((v) => wildcardMatch(v, actual));
    default:
      // An operator this emulator does not know never holds: fail closed, as a typo would on RAM.
      return false;
  }
}
