/** OSS's x-oss-traffic-limit: which operations honour it, its valid range, and pacing the body both ways. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OssError } from '../core/contract';
import { throttleRequest, throttleResponse } from './stream-faults';

const MIN_BITS = 819_200;
const MAX_BITS = 838_860_800;

/** The operations OSS throttles with `x-oss-traffic-limit`; every other operation ignores it. */
export const TRAFFIC_LIMITED_OPERATIONS: ReadonlySet<string> = new Set([
  'PutObject', 'AppendObject', 'GetObject', 'UploadPart', 'UploadPartCopy', 'CopyObject', 'PostObject',
]);

/**
 * OSS single-connection bandwidth throttling: `x-oss-traffic-limit` (bit/s, 819200..838860800)
 * as a header or, in presigned URLs, a query parameter. The body is then paced both ways.
 */
export function applyTrafficLimit(req: IncomingMessage, res: ServerResponse, query: Map<string, string>): void {
  const header = req.headers['x-oss-traffic-limit'];
  const raw = typeof header === 'string' ? header : query.get('x-oss-traffic-limit');
  if (raw === undefined) return;
  const bits = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(bits >= MIN_BITS && bits <= MAX_BITS)) {
    throw new OssError(400, 'InvalidArgument', `x-oss-traffic-limit must be between ${MIN_BITS} and ${MAX_BITS} bit/s.`, '0017-00000801', {
      ArgumentName: 'x-oss-traffic-limit',
      ArgumentValue: raw,
    });
  }
  throttleRequest(req, bits / 8);
  throttleResponse(res, bits / 8);
}
