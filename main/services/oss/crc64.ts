/**
 * CRC-64/ECMA-182 as OSS reports it in `x-oss-hash-crc64ecma` (the XZ variant: reflected
 * polynomial 0xC96C5795D7870F42, init and xorout all ones). Streaming hashing uses
 * hash-wasm (about 1 GB/s); combining is ours so multipart completion and appends never
 * re-read bodies.
 */
import { createCRC64, type IHasher } from 'hash-wasm';

const POLY = 0xc96c5795d7870f42n;
const TOP = 1n << 63n;
const MASK = (1n << 64n) - 1n;

/** A fresh streaming CRC-64 hasher (digest is hex). */
export async function createCrc64Hasher(): Promise<IHasher> {
  const hasher = await createCRC64();
  hasher.init();
  return hasher;
}

/** CRC-64 of a whole buffer as the decimal string OSS sends. */
export async function crc64Of(data: Uint8Array | string): Promise<string> {
  const hasher = await createCrc64Hasher();
  hasher.update(data);
  return hexToDecimal(hasher.digest('hex'));
}

/** hash-wasm digests are hex; OSS headers carry the unsigned decimal. */
export function hexToDecimal(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}

/** Multiplies a and b modulo the polynomial, in reflected bit order (zlib's multmodp). */
function multModP(a: bigint, b: bigint): bigint {
  let m = TOP;
  let p = 0n;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1n)) === 0n) break;
    }
    m >>= 1n;
    b = b & 1n ? (b >> 1n) ^ POLY : b >> 1n;
  }
  return p;
}

/** X2N[k] = x^(2^k) mod P, so x^(8n) needs only log2(n) multiplications. */
const X2N: bigint[] = (() => {
  const table: bigint[] = [];
  let p = TOP >> 1n; // x^1
  for (let k = 0; k < 64; k++) {
    table.push(p);
    p = multModP(p, p);
  }
  return table;
})();

function x2nModP(n: bigint, k: number): bigint {
  let p = TOP; // x^0
  while (n > 0n) {
    if (n & 1n) p = multModP(X2N[k & 63] as bigint, p);
    n >>= 1n;
    k++;
  }
  return p;
}

/**
 * CRC of A||B from crc(A), crc(B) and len(B) — decimal strings in and out, as stored in
 * metadata. An empty B leaves crc(A) unchanged.
 */
export function crc64Combine(crcA: string, crcB: string, lengthB: number): string {
  if (lengthB === 0) return crcA;
  const a = BigInt(crcA);
  const b = BigInt(crcB);
  return ((multModP(x2nModP(BigInt(lengthB), 3), a) ^ b) & MASK).toString(10);
}

/** CRC-64 of the empty string. */
export const CRC64_EMPTY = '0';
