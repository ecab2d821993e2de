/**
 * `npx tsx bench/preview-server-bench.ts` — what the loopback preview server costs: one
 * large object (128 MiB; BENCH_SIZE_MB to change) read straight from the emulator with
 * ali-oss and read through the preview server, and the median time of 64 KiB Range reads
 * (what a video player sends when seeking) both ways. Last line: one JSON object.
 */
import { randomBytes } from 'node:crypto';
import OSS from 'ali-oss';
import { startEmulator } from '../emulator/index';
import type { ClientProvider } from '../main/services/oss/client-provider';
import { PreviewServer } from '../main/services/preview/preview-server';
import { printJsonLine } from './lib/json-line';
import { mibPerSec, round, timed } from './lib/timing';

const SIZE = Number(process.env.BENCH_SIZE_MB ?? 128) * 1024 * 1024;
const RANGES = 50;
const RANGE_BYTES = 64 * 1024;
const BUCKET = 'bench-preview';
const KEY = 'media/large.bin';

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const emu = await startEmulator({ memory: true, port: 0 });
  const acct = emu.accounts.find((a) => a.name === 'sandbox')!;
  const client = new OSS({ accessKeyId: acct.accessKeyId, accessKeySecret: acct.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true } as OSS.Options);
  await client.putBucket(BUCKET);
  client.useBucket(BUCKET);
  await client.put(KEY, randomBytes(SIZE));
  const clients: ClientProvider = { forService: async () => client, forBucket: async () => client, isolatedForBucket: async () => client };
  const server = new PreviewServer(clients);
  try {
    const { url } = await server.link({ profileId: 'bench', bucket: BUCKET, key: KEY, contentType: 'video/mp4' });
    const direct = await timed(async () => drain((await client.getStream(KEY)).stream as AsyncIterable<Uint8Array>));
    const proxied = await timed(async () => drain((await fetch(url)).body as unknown as AsyncIterable<Uint8Array>));
    if (direct.value !== SIZE || proxied.value !== SIZE) throw new Error('short read');

    const offsets = Array.from({ length: RANGES }, (_, i) => Math.floor(((i * 7919) % RANGES) * ((SIZE - RANGE_BYTES) / RANGES)));
    const directRange: number[] = [];
    const proxiedRange: number[] = [];
    for (const at of offsets) {
      const range = `bytes=${at}-${at + RANGE_BYTES - 1}`;
      directRange.push((await timed(async () => drain((await client.getStream(KEY, { headers: { Range: range } })).stream as AsyncIterable<Uint8Array>))).ms);
      proxiedRange.push((await timed(async () => drain((await fetch(url, { headers: { Range: range } })).body as unknown as AsyncIterable<Uint8Array>))).ms);
    }
    const summary = {
      bench: 'preview-server',
      sizeMiB: SIZE / 1024 / 1024,
      directMiBps: round(mibPerSec(SIZE, direct.ms)),
      previewServerMiBps: round(mibPerSec(SIZE, proxied.ms)),
      rangeDirectMedianMs: round(median(directRange)),
      rangePreviewServerMedianMs: round(median(proxiedRange)),
    };
    console.log(`whole object: direct ${summary.directMiBps} MiB/s, through the preview server ${summary.previewServerMiBps} MiB/s`);
    console.log(`64 KiB range (median of ${RANGES}): direct ${summary.rangeDirectMedianMs} ms, through the preview server ${summary.rangePreviewServerMedianMs} ms`);
    printJsonLine(summary);
  } finally {
    await server.close();
    await emu.close();
  }
}

void main();
