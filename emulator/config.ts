/** Loads the identity config (accounts, RAM users, roles) from an object, a JSON file or the bundled sandbox config, validated. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { iamConfigSchema, type IamConfig } from './iam/iam-config';
import sandbox from './sandbox-config.json';

/** Input shape of an emulator identity config (defaults filled in by the schema). */
export type IamConfigInput = z.input<typeof iamConfigSchema>;

/**
 * The default sandbox identities: account `sandbox` with a demo AccessKey, RAM user
 * `photos-reader` (may list and read only `<bucket>/photos/*`), roles `sandbox-role`
 * (full OSS access, 12 h sessions) and `sandbox-readonly`, and a second account
 * `other-account` for cross-account checks. The keys work only against this emulator.
 */
export const SANDBOX_CONFIG: IamConfig = iamConfigSchema.parse(sandbox);

/** Validates a config object, or reads and validates a JSON file. */
export async function loadIamConfig(source: IamConfigInput | string | undefined): Promise<IamConfig> {
  if (source === undefined) return SANDBOX_CONFIG;
  const value: unknown = typeof source === 'string' ? JSON.parse(await readFile(source, 'utf8')) : source;
  const parsed = iamConfigSchema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid emulator config: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
