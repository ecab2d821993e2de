/**
 * `npm run emulator -- --help` lists the options. Starts the OSS emulator, optionally loads
 * the in-app sandbox's sample buckets (`--seed`), prints how to reach it, and runs until
 * SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';
import { SAMPLE_BUCKETS, seedSampleBuckets } from './sandbox-seed';

const USAGE = `Usage: npm run emulator -- (--data DIR | --memory) [options]

A local server that speaks the Alibaba Cloud OSS protocol (for tests and the offline sandbox).

Storage (one is required):
  --data DIR             keep buckets and objects in DIR (survives restarts)
  --memory               keep everything in memory

Options:
  --port N               first port (0 = free ports; regions use N, N+1, ...; STS comes after) [0]
  --region R             serve region R on its own port; repeat for more
                         [oss-cn-hangzhou, oss-cn-shanghai]
  --config FILE          accounts, RAM users and roles as JSON [emulator/sandbox-config.json]
  --seed                 create the sandbox's sample buckets and files (${SAMPLE_BUCKETS.map((b) => b.name).join(', ')})
                         when missing, so the demo RAM user has something to read
  --admin-token T        token for the admin API under /__emulator/ [random]
  --log                  print one line per request (no query strings)
  --latency MS           add MS milliseconds to every response
  --bandwidth B          cap each body at B bytes per second, both directions
  --error-rate P         fail a share P (0..1) of requests with 500/503
  -h, --help             print this help and exit
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      memory: { type: 'boolean', default: false },
      config: { type: 'string' },
      region: { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      log: { type: 'boolean', default: false },
      latency: { type: 'string' },
      bandwidth: { type: 'string' },
      'error-rate': { type: 'string' },
      seed: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  if (!values.memory && !values.data) throw new Error('Give --data DIR (persistent) or --memory. See --help.');
  const emulator = await startEmulator({
    port,
    memory: values.memory,
    dataDir: values.memory ? undefined : values.data,
    config: values.config,
    regions: values.region,
    adminToken: values['admin-token'],
    faults: {
      latencyMs: numberFlag('--latency', values.latency),
      bandwidthBytesPerSec: numberFlag('--bandwidth', values.bandwidth),
      errorRate: numberFlag('--error-rate', values['error-rate']),
    },
    log: values.log ? (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`) : undefined,
  });
  const seeded = values.seed ? await seedSampleBuckets(emulator) : [];
  const lines = [
    'OSS emulator running',
    `  endpoint:         ${emulator.endpoint}   (region ${emulator.region}; use path style, ali-oss sldEnable: true)`,
    ...Object.entries(emulator.endpoints).map(([region, url]) => `  region endpoint:  ${region} ${url}`),
    `  STS endpoint:     ${emulator.stsEndpoint}`,
    `  credentials URI:  ${emulator.credentialsUriEndpoint}`,
    `  ECS metadata:     ${emulator.ecsMetadataEndpoint}`,
    `  admin token:      ${emulator.adminToken}   (header x-emulator-admin-token, routes under /__emulator/)`,
    `  storage:          ${values.memory ? 'memory' : values.data}`,
    ...(values.seed ? [`  sample buckets:   ${seeded.length > 0 ? `created ${seeded.join(', ')}` : 'already there'}`] : []),
    ...emulator.accounts.map((k) => `  ${k.kind === 'account' ? 'account ' : 'RAM user'} ${k.name}: AccessKeyId=${k.accessKeyId} AccessKeySecret=${k.accessKeySecret}`),
    ...emulator.roles.map((arn) => `  role:             ${arn}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${value}`);
  return n;
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  // parseArgs names the bad flag; point at the list of good ones.
  const hint = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? ' (npm run emulator -- --help lists the options)' : '';
  process.stderr.write(`emulator: ${message}${hint}\n`);
  process.exit(2);
});
