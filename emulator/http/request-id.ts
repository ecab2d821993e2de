import { randomBytes } from 'node:crypto';

/** A request id shaped like OSS's: 24 upper-case hex characters. */
export function newRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}
