/** The CLI as a user runs it: prints endpoints and demo keys, serves ali-oss, stops on SIGTERM, keeps data in --data. */
import OSS from 'ali-oss';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_BUCKETS } from './sandbox-seed';

const root = resolve(__dirname, '..');
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

interface Started {
  child: ChildProcess;
  output: string[];
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
}

async function startCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    output.push(line);
    if (line.includes('role:')) break;
  }
  const text = output.join('\n');
  const endpoint = /endpoint:\s+(http:\/\/localhost:\d+)/.exec(text)?.[1];
  const key = /account\s+sandbox: AccessKeyId=(\S+) AccessKeySecret=(\S+)/.exec(text);
  if (!endpoint || !key) throw new Error(`unexpected CLI output:\n${text}`);
  return { child, output, endpoint, accessKeyId: key[1]!, accessKeySecret: key[2]! };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    child.once('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
}

const client = (s: Started) =>
  new OSS({ accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret, endpoint: s.endpoint, region: 'oss-cn-hangzhou', sldEnable: true, authorizationV4: true, bucket: 'cli-bucket' } as OSS.Options);

describe('npm run emulator', () => {
  it('prints what a user needs, serves ali-oss, and keeps --data across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    dirs.push(dir);
    const first = await startCli(['--port', '0', '--data', dir]);
    const text = first.output.join('\n');
    for (const expected of ['region endpoint:  oss-cn-hangzhou', 'region endpoint:  oss-cn-shanghai', 'STS endpoint:', 'credentials URI:', 'admin token:', 'RAM user photos-reader']) {
      expect(text).toContain(expected);
    }
    await client(first).putBucket('cli-bucket');
    await client(first).put('kept.txt', Buffer.from('kept'));
    // Chunked, so of unknown size: MD5 runs on the hash worker, here under tsx as users run it.
    const big = Buffer.alloc(9 * 1024 * 1024, 7);
    const streamed = await client(first).putStream('streamed.bin', Readable.from([big.subarray(0, 1 << 20), big.subarray(1 << 20)]));
    expect((streamed.res.headers as Record<string, string>).etag).toBe(`"${createHash('md5').update(big).digest('hex').toUpperCase()}"`);
    expect(await stop(first.child)).toBe(0);

    const second = await startCli(['--port', '0', '--data', dir]);
    try {
      expect((await client(second).get('kept.txt')).content.toString()).toBe('kept');
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  });

  it('applies fault flags from the command line', async () => {
    const started = await startCli(['--port', '0', '--memory', '--error-rate', '1']);
    try {
      const res = await fetch(`${started.endpoint}/`);
      expect(res.status).toBe(503);
      expect(res.headers.get('x-oss-ec')).toBeTruthy();
    } finally {
      expect(await stop(started.child)).toBe(0);
    }
  });

  it('refuses to start without --data or --memory', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(stderr).toContain('--data DIR');
  });

  it('prints its options for --help (and points at them for an unknown flag)', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
        child.once('exit', (code) => done({ code, out, err }));
      });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--data DIR', '--memory', '--port N', '--region R', '--config FILE', '--seed', '--admin-token', '--log', '--latency', '--bandwidth', '--error-rate', '--help']) {
      expect(help.out).toContain(flag);
    }
    const unknown = await run(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--help');
  });

  it('--seed loads the sandbox sample buckets, so the printed RAM user has something to read', async () => {
    const started = await startCli(['--port', '0', '--memory', '--seed']);
    try {
      const text = started.output.join('\n');
      expect(text).toContain('sample buckets:   created sandbox-photos, sandbox-docs');
      const reader = /RAM user photos-reader: AccessKeyId=(\S+) AccessKeySecret=(\S+)/.exec(text)!;
      const photos = new OSS({ accessKeyId: reader[1]!, accessKeySecret: reader[2]!, endpoint: started.endpoint, region: 'oss-cn-hangzhou', sldEnable: true, authorizationV4: true, bucket: 'sandbox-photos' } as OSS.Options);
      expect((await photos.get('photos/README.txt')).content.toString()).toContain('photos-reader');
      await expect(photos.get('private/salaries.csv')).rejects.toMatchObject({ code: 'AccessDenied' });
      const docs = SAMPLE_BUCKETS.find((b) => b.name === 'sandbox-docs')!;
      const shanghai = /region endpoint:\s+oss-cn-shanghai (http:\/\/localhost:\d+)/.exec(text)![1]!;
      const owner = new OSS({ accessKeyId: started.accessKeyId, accessKeySecret: started.accessKeySecret, endpoint: shanghai, region: 'oss-cn-shanghai', sldEnable: true, authorizationV4: true, bucket: docs.name } as OSS.Options);
      expect((await owner.get('文档/说明.txt')).content.toString()).toBe(docs.objects['文档/说明.txt']);
    } finally {
      expect(await stop(started.child)).toBe(0);
    }
  });
});
