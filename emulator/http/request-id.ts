/** Request IDs shaped like OSS's, so logs and error hints look as they would against the cloud. */
import { randomBytes } from 'node:crypto';

/** A request id shaped like OSS's: 24 upper-case hex characters. */
export function newRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}
