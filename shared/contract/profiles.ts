/**
 * Profiles feature channels: manage profiles, test a connection before saving, import
 * credentials (environment, credential files, access codes), start the local sandbox and
 * follow temporary credentials (countdown, expiry prompt, refresh failures). Secrets travel
 * renderer -> main only inside ProfileInput; no reply carries one.
 */
import { z } from 'zod';
import {
  credentialInputSchema,
  endpointSchema,
  profileInputSchema,
  startPathSchema,
  type ConnectionTestResult,
  type CredentialType,
  type ProfileView,
  type SessionStatus,
  type StartPath,
} from '../profile-types';
import { evt, out, req, type EventTable, type RequestTable } from './define';

const id = z.string().min(1).max(200);

/** The profile list with the one to reopen at start. */
export interface ProfileList {
  profiles: ProfileView[];
  lastUsedId?: string;
}

/** What import-env found: variable names and the kind of credentials, never values. */
export interface EnvironmentImport {
  found: boolean;
  type?: CredentialType;
  variables: string[];
  maskedAccessKeyId?: string;
  profile?: ProfileView;
}

export interface FileImport {
  file: string;
  imported: ProfileView[];
  skipped: Array<{ section: string; reason: string }>;
}

/** Where a profile opens after it is chosen. */
export interface OpenedProfile {
  profile: ProfileView;
  openAt?: StartPath;
}

/** Changes to a saved profile; `credentials` replaces the stored ones only when given. */
const patchSchema = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  credentials: credentialInputSchema.optional(),
  endpoint: endpointSchema.optional(),
  startPath: startPathSchema.nullable().optional(),
  proxyPassword: z.string().max(1024).optional(),
});

export const requests = {
  'profiles:list': req(z.undefined(), out<ProfileList>()),
  /** Saves a profile; with `test: true` the connection is tested first and nothing is saved on failure. */
  'profiles:add': req(z.object({ input: profileInputSchema, test: z.boolean().default(true) }), out<ProfileView>()),
  /** Edits a profile; `credentials` replaces the stored ones only when given. */
  'profiles:update': req(patchSchema.extend({ id, test: z.boolean().default(false) }), out<ProfileView>()),
  'profiles:duplicate': req(z.object({ id, name: z.string().trim().min(1).max(80).optional() }), out<ProfileView>()),
  /** Deletes the profile and its keychain entry. */
  'profiles:delete': req(z.object({ id }), out<void>()),
  /**
   * Tests unsaved input, a saved profile by id, or a saved profile with unsaved edits
   * (`patch`): ListBuckets, or one list call at the start path.
   */
  'profiles:test': req(
    z.union([z.object({ input: profileInputSchema }), z.object({ id, patch: patchSchema }), z.object({ id, startPath: startPathSchema.optional() })]),
    out<ConnectionTestResult>(),
  ),
  /** Opens a profile (remembered for the next start) and says where to start browsing. */
  'profiles:open': req(z.object({ id }), out<OpenedProfile>()),
  /** Looks for credentials in the environment; `save` creates an environment profile. */
  'profiles:import-env': req(z.object({ save: z.boolean().default(false), name: z.string().trim().min(1).max(80).default('Environment') }), out<EnvironmentImport>()),
  /** Imports every usable section of ~/.alibabacloud/credentials or ~/.ossutilconfig. */
  'profiles:import-file': req(z.object({ source: z.enum(['alibabacloud', 'ossutil']) }), out<FileImport>()),
  /**
   * Imports an access code as an STS profile that opens at its bucket/prefix. A code whose
   * endpoint is not Alibaba Cloud's is imported only if the user trusts it in main's dialog.
   */
  'profiles:import-access-code': req(
    z.object({
      code: z.string().min(1).max(20_000),
      name: z.string().trim().min(1).max(80).optional(),
    }),
    out<ProfileView>(),
  ),
  /**
   * Opens a native file dialog in main for an OIDC token file; main remembers the path and
   * answers an opaque id and the file name (null when cancelled). The page never sees or
   * names the path.
   */
  'profiles:choose-token-file': req(z.undefined(), out<{ id: string; name: string } | null>()),
  /** Starts the local sandbox (emulator with sample buckets) and returns its profile. */
  'profiles:sandbox-start': req(z.undefined(), out<ProfileView>()),
  /** Expiry and refresh state of a profile's credentials, for the status bar. */
  'profiles:session-status': req(z.object({ id }), out<SessionStatus>()),
} satisfies RequestTable;

export interface CredentialEventPayload {
  profileId: string;
  expiresAt?: string;
}

export const events = {
  /** A pasted STS token has 10 minutes left: prompt (non-blocking) for a new one. */
  'credentials:expiring': evt<CredentialEventPayload>(),
  /** Temporary credentials expired: operations stop, transfers pause. */
  'credentials:expired': evt<CredentialEventPayload>(),
  /** New temporary credentials were fetched (countdown restarts). */
  'credentials:refreshed': evt<CredentialEventPayload>(),
  /** A refresh failed; it is retried with backoff at `retryAt`. */
  'credentials:refresh-failed': evt<CredentialEventPayload & { code: string; message: string; attempt: number; retryAt?: string }>(),
} satisfies EventTable;
