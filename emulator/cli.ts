/**
 * `npm run emulator -- [--port N] [--data DIR | --memory] [--config FILE] [--region R]… [--log]
 *   [--latency MS] [--bandwidth BYTES_PER_SEC] [--error-rate 0..1]`
 * Starts the OSS emulator, prints how to reach it, and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

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
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  if (!values.memory && !values.data) throw new Error('Give --data DIR (persistent) or --memory.');
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
  const lines = [
    'OSS emulator running',
    `  endpoint:         ${emulator.endpoint}   (region ${emulator.region}; use path style, ali-oss sldEnable: true)`,
    ...Object.entries(emulator.endpoints).map(([region, url]) => `  region endpoint:  ${region} ${url}`),
    `  STS endpoint:     ${emulator.stsEndpoint}`,
    `  credentials URI:  ${emulator.credentialsUriEndpoint}`,
    `  ECS metadata:     ${emulator.ecsMetadataEndpoint}`,
    `  admin token:      ${emulator.adminToken}   (header x-emulator-admin-token, routes under /__emulator/)`,
    `  storage:          ${values.memory ? 'memory' : values.data}`,
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
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
