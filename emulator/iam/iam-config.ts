/** The schema of accounts, RAM users, roles and policies the emulator knows. */
import { z } from 'zod';

const accessKey = z.object({ id: z.string().min(1), secret: z.string().min(1) });

const statement = z.object({
  Effect: z.enum(['Allow', 'Deny']),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.union([z.string(), z.array(z.string())]),
  Condition: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))).optional(),
});

/** A RAM policy document. */
export const policySchema = z.object({ Version: z.string().optional(), Statement: z.array(statement) });

const user = z.object({
  name: z.string().min(1),
  accessKeys: z.array(accessKey).default([]),
  policies: z.array(policySchema).default([]),
});

const role = z.object({
  name: z.string().min(1),
  /** Longest session in seconds (RAM allows 3600..43200). */
  maxSessionDuration: z.number().int().min(900).max(43200).default(3600),
  policies: z.array(policySchema).default([]),
  /** Accounts whose identities may assume the role (default: the owning account only). */
  trustedAccounts: z.array(z.string()).optional(),
  /** OIDC providers (names in the same account) whose tokens may assume the role (AssumeRoleWithOIDC). */
  trustedOidcProviders: z.array(z.string()).default([]),
});

const oidcProvider = z.object({
  name: z.string().min(1),
  /** Expected `iss` claim. */
  issuer: z.string().min(1),
  /** Accepted `aud` claims (client ids). */
  audiences: z.array(z.string()).min(1),
});

const account = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  accessKeys: z.array(accessKey).default([]),
  users: z.array(user).default([]),
  roles: z.array(role).default([]),
  oidcProviders: z.array(oidcProvider).default([]),
});

/** The emulator's identities: accounts with AccessKeys, RAM users, roles, and side-endpoint roles. */
export const iamConfigSchema = z.object({
  accounts: z.array(account).min(1),
  /** Role ARN served by the credentials-URI endpoint, with its session lifetime. */
  credentialsUri: z.object({ roleArn: z.string(), durationSeconds: z.number().int().min(1).default(900) }).optional(),
  /** Role ARN served by the ECS metadata endpoint. */
  ecsRole: z.object({ roleArn: z.string(), durationSeconds: z.number().int().min(1).default(3600) }).optional(),
});

/** Parsed config and its parts. */
export type IamConfig = z.infer<typeof iamConfigSchema>;
export type AccountConfig = IamConfig['accounts'][number];
export type RoleConfig = AccountConfig['roles'][number];
export type UserConfig = AccountConfig['users'][number];
export type OidcProviderConfig = AccountConfig['oidcProviders'][number];
