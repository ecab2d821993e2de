/**
 * Reading an object's ACL where it only matters as a detail: read-only users often lack
 * oss:GetObjectAcl, and that must not make the details pane fail (copies use
 * copy-properties.ts, which refuses rather than guess).
 */
import type OSS from 'ali-oss';
import type { ObjectAcl } from '../../../shared/object-types';
import { errorStatus } from './describe-error';

/** The object's ACL, or null when the user may not read it. */
export async function readAcl(client: OSS, key: string): Promise<ObjectAcl | null> {
  try {
    return (await client.getACL(key)).acl as ObjectAcl;
  } catch (error) {
    if (errorStatus(error) === 403) return null;
    throw error;
  }
}
