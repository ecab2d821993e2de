/** Validates a role-session request and issues the temporary credentials every STS flavour returns. */
import type { PolicyDocument } from '../core/contract';
import { policySchema } from '../iam/iam-config';
import type { IdentityStore, RoleRef } from '../iam/identity-store';
import { StsError } from './sts-error';

/** What AssumeRole and AssumeRoleWithOIDC return (STS's JSON body minus RequestId). */
export interface AssumeRoleResult {
  AssumedRoleUser: { Arn: string; AssumedRoleId: string };
  Credentials: { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string };
}

/** The validated parameters every AssumeRole* action shares. */
export interface RoleSessionRequest {
  ref: RoleRef;
  sessionName: string;
  durationSeconds: number;
  policy: PolicyDocument | undefined;
}

const MIN_DURATION = 900;

/** Checks RoleArn, RoleSessionName, DurationSeconds (900..role maximum) and Policy as STS does. */
export function parseRoleSessionRequest(identities: IdentityStore, params: Map<string, string>): RoleSessionRequest {
  const arn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  if (!arn) throw new StsError(400, 'MissingRoleArn', 'RoleArn is mandatory for this action.');
  if (!sessionName) throw new StsError(400, 'MissingRoleSessionName', 'RoleSessionName is mandatory for this action.');
  if (!/^[\w.@-]{2,64}$/.test(sessionName)) throw new StsError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
  if (!/^acs:ram::\d+:role\/.+$/.test(arn)) throw new StsError(400, 'InvalidParameter.RoleArn', 'The parameter RoleArn is wrongly formed.');
  const ref = identities.findRole(arn);
  if (!ref) throw new StsError(404, 'EntityNotExist.Role', `The role not exists: ${arn}.`);
  const max = ref.role.maxSessionDuration;
  const raw = params.get('DurationSeconds') ?? '3600';
  const durationSeconds = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(durationSeconds >= MIN_DURATION && durationSeconds <= max)) {
    throw new StsError(400, 'InvalidParameter.DurationSeconds', `The Min/Max value of DurationSeconds is 15min/${max / 3600}hr.`);
  }
  return { ref, sessionName, durationSeconds, policy: parsePolicy(params.get('Policy')) };
}

/** Issues the session and shapes STS's answer. */
export function issueRoleSession(identities: IdentityStore, request: RoleSessionRequest, now: Date): AssumeRoleResult {
  const { ref, sessionName, durationSeconds, policy } = request;
  const session = identities.issueSession(ref, sessionName, durationSeconds, policy, now);
  return {
    AssumedRoleUser: { Arn: `${ref.arn}/${sessionName}`, AssumedRoleId: session.assumedRoleId },
    Credentials: {
      AccessKeyId: session.accessKeyId,
      AccessKeySecret: session.accessKeySecret,
      SecurityToken: session.securityToken,
      Expiration: isoSeconds(session.expiration),
    },
  };
}

function parsePolicy(text: string | undefined): PolicyDocument | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return policySchema.parse(JSON.parse(text));
  } catch {
    throw new StsError(400, 'InvalidParameter.PolicyGrammar', 'The parameter Policy has not passed grammar check.');
  }
}

/** `2024-01-02T03:04:05Z`, STS's Expiration format. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
