/**
 * Checks the add/edit form with the same zod schema main applies at the IPC boundary, before
 * anything is sent, and turns each problem into a message key for the form field it belongs
 * to. The schema's own texts are English and name contract paths
 * ("input.credentials.accessKeyId: Required."): the user sees a translated sentence next to
 * the field instead, and main's InvalidArgument stays a last resort.
 */
import type { z } from 'zod';
import { profileInputSchema } from '../../../shared/profile-types';
import { ROLE_SESSION_SECONDS } from '../../../shared/defaults';
import { inputFromForm, startPathInvalid, type FormState } from './profile-form-model';

/** Field → the i18n key (profiles:invalid.*) of its problem. */
export type FieldErrors = Partial<Record<keyof FormState, string>>;

/** Where a schema path lands in the form. */
const FIELD_OF: Record<string, keyof FormState> = {
  name: 'name',
  'credentials.accessKeyId': 'accessKeyId',
  'credentials.accessKeySecret': 'accessKeySecret',
  'credentials.securityToken': 'securityToken',
  'credentials.expiration': 'expiration',
  'credentials.roleArn': 'roleArn',
  'credentials.sessionName': 'sessionName',
  'credentials.policy': 'policy',
  'credentials.durationSeconds': 'durationSeconds',
  'credentials.stsEndpoint': 'stsEndpoint',
  'credentials.credentialsUri': 'credentialsUri',
  'credentials.roleName': 'roleName',
  'credentials.metadataUrl': 'metadataUrl',
  'credentials.oidcProviderArn': 'oidcProviderArn',
  'endpoint.region': 'region',
  'endpoint.customUrl': 'customUrl',
  'endpoint.customRegionUrls': 'customRegionUrls',
  'endpoint.cnames': 'cnames',
  'endpoint.allowInsecureHttp': 'allowInsecureHttp',
  'endpoint.proxy.url': 'proxyUrl',
  'endpoint.proxy.username': 'proxyUsername',
  startPath: 'startPath',
};

/** Fields whose format has its own explanation (profiles:invalid.<field>). */
const OWN_FORMAT = new Set<keyof FormState>(['accessKeyId', 'roleArn', 'sessionName', 'region', 'expiration', 'durationSeconds', 'allowInsecureHttp', 'startPath', 'customUrl', 'proxyUrl']);

function fieldOf(path: PropertyKey[]): keyof FormState | undefined {
  // Record entries (per-region URLs, CNAMEs) are reported on their whole text field.
  for (let n = path.length; n > 0; n--) {
    const f = FIELD_OF[path.slice(0, n).map(String).join('.')];
    if (f) return f;
  }
  return undefined;
}

function keyFor(field: keyof FormState, issue: z.core.$ZodIssue): string {
  const missing = (issue.code === 'too_small' && issue.origin === 'string') || issue.code === 'invalid_type';
  if (missing && field !== 'durationSeconds') return 'invalid.required';
  if (OWN_FORMAT.has(field)) return `invalid.${field}`;
  if (issue.code === 'too_big') return 'invalid.tooLong';
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'invalid.url';
  return 'invalid.format';
}

/** Problems per field (first problem wins); empty when the form can be sent. */
export function validateForm(f: FormState, editing: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (f.type === 'access-code') {
    if (!editing && !f.accessCode.trim()) errors.accessCode = 'invalid.required';
    return errors;
  }
  if (startPathInvalid(f)) errors.startPath = 'invalid.startPath';
  const duration = Number(f.durationSeconds);
  if ((f.type === 'ram-role' || f.type === 'oidc-role') && (!Number.isInteger(duration) || duration < ROLE_SESSION_SECONDS.min || duration > ROLE_SESSION_SECONDS.max)) {
    errors.durationSeconds = 'invalid.durationSeconds';
  }
  const parsed = profileInputSchema.safeParse(inputFromForm(f));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      // Kept credentials (an edit without "Change the credentials") are not sent: not checked.
      if (!field || errors[field] || (editing && !f.changeCredentials && issue.path[0] === 'credentials')) continue;
      errors[field] = keyFor(field, issue);
    }
  }
  return errors;
}

/** Fields inside the form's closed "Advanced" section (it opens when one is wrong). */
export const ADVANCED_FIELDS: ReadonlyArray<keyof FormState> = ['customUrl', 'customRegionUrls', 'cnames', 'allowInsecureHttp', 'proxyUrl', 'proxyUsername'];
