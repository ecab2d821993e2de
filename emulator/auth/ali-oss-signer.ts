/** ali-oss's own signing functions, typed: the reference the emulator's verifier must agree with byte for byte. */
import { createRequire } from 'node:module';

/**
 * ali-oss's own signing functions (lib/common/signUtils.js), typed. Tests use them as the
 * reference the emulator must agree with byte for byte; raw-HTTP tests and the benchmark
 * use them to sign requests ali-oss has no method for.
 */
export interface AliSignUtils {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: Record<string, string> | string[] }, expires?: string): string;
  computeSignature(secret: string, canonical: string): string;
  authorization(accessKeyId: string, secret: string, canonical: string): string;
  authorizationV4(
    accessKeyId: string,
    secret: string,
    region: string,
    method: string,
    request: { headers: Record<string, string>; queries?: Record<string, string | null> },
    bucket?: string,
    object?: string,
    additionalHeaders?: string[],
  ): string;
  getCanonicalRequest(method: string, request: { headers: Record<string, string>; queries?: Record<string, string | null> }, bucket?: string, object?: string, additionalHeaders?: string[]): string;
  getStringToSign(region: string, date: string, canonicalRequest: string): string;
  getSignatureV4(secret: string, date: string, region: string, stringToSign: string): string;
}

const load = createRequire(__filename);

/** The signUtils module of the installed ali-oss. */
export const aliSignUtils = load('ali-oss/lib/common/signUtils.js') as AliSignUtils;

/** `20240102T030405Z` */
export function isoBasic(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
