/** STS GetCallerIdentity: who a key belongs to, as STS describes it. */
import type { Principal } from '../core/contract';
import type { IdentityStore } from '../iam/identity-store';

/** STS GetCallerIdentity's answer (minus RequestId). */
export interface CallerIdentity {
  AccountId: string;
  UserId: string;
  PrincipalId: string;
  Arn: string;
  IdentityType: 'Account' | 'RAMUser' | 'AssumedRoleUser';
  RoleId?: string;
}

/** Who signed the STS call, in STS's terms (`…:root`, `…:user/<name>`, `…:assumed-role/<role>/<session>`). */
export function callerIdentity(caller: Principal, identities: IdentityStore): CallerIdentity {
  if (caller.kind === 'account') {
    return { AccountId: caller.accountId, UserId: caller.accountId, PrincipalId: caller.accountId, Arn: `acs:ram::${caller.accountId}:root`, IdentityType: 'Account' };
  }
  if (caller.kind === 'ram-user') {
    const id = `2${caller.accessKeyId.replace(/\D/g, '').padEnd(15, '0').slice(0, 15)}`;
    return { AccountId: caller.accountId, UserId: id, PrincipalId: id, Arn: `acs:ram::${caller.accountId}:user/${caller.name}`, IdentityType: 'RAMUser' };
  }
  const session = identities.sessionOf(caller.accessKeyId);
  const [roleName = '', sessionName = ''] = caller.name.split('/');
  const roleId = session?.assumedRoleId.split(':')[0] ?? '';
  return {
    AccountId: caller.accountId,
    UserId: session?.assumedRoleId ?? caller.name,
    PrincipalId: session?.assumedRoleId ?? caller.name,
    Arn: `acs:ram::${caller.accountId}:assumed-role/${roleName}/${sessionName}`,
    IdentityType: 'AssumedRoleUser',
    RoleId: roleId,
  };
}
