/**
 * Main's "trust this address?" dialog is the one confirmation of a new host (the page asks
 * nothing of its own), so it must speak the app's UI language, not the OS locale: the page's
 * desktop:set-language reaches the dialog through the composition root, for the profiles and
 * the share features alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/errors';
import { createAppContext, type AppContext } from '../app-context';
import { dispatch } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/handlers';
import type { HandlerTable } from '../ipc/handler-types';
import { ScriptedDesktopHost, type HostConfirmation } from '../services/host/desktop-host';
import { hostConfirmationText } from '../services/host/host-confirmation-text';
import { createMemoryLogger } from '../services/log/logger';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';

const host = new ScriptedDesktopHost();
const log = createMemoryLogger();
let ctx: AppContext;
let table: HandlerTable;
let userDataDir: string;

const call = (channel: string, input?: unknown) => dispatch(table, channel, input, { log }) as Promise<IpcResult<unknown>>;
/** A RAM-role profile whose STS endpoint is not Alibaba Cloud's: main asks before contacting it (the user cancels). */
const testWithStsAt = (sts: string) =>
  call('profiles:test', {
    input: { name: 'x', credentials: { type: 'ram-role', accessKeyId: 'LTAI5tExampleKey01', accessKeySecret: 'secret-value-0123456789', roleArn: 'acs:ram::1:role/x', stsEndpoint: `https://${sts}/` } },
  });
const lastAsked = (): HostConfirmation => {
  const last = host.calls.filter((c) => c.kind === 'confirmHost').at(-1);
  if (last?.kind !== 'confirmHost') throw new Error('main did not ask');
  return last.request;
};

beforeAll(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'trust-language-'));
  ctx = createAppContext({ userDataDir, log, emit: () => undefined, openExternal: async () => undefined, secrets: new MemorySecretStore(), sandboxInMemory: true, env: {}, host });
  table = createHandlerTable(ctx);
});

afterAll(async () => {
  ctx?.profiles.dispose();
  await ctx?.previewServer.close();
  await rm(userDataDir, { recursive: true, force: true });
});

describe("main's trust dialog speaks the app's language", () => {
  it('follows the OS locale until the page says its language, then the page language, both ways', async () => {
    expect(await testWithStsAt('sts.one.example')).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed', host: 'sts.one.example' } });
    expect(lastAsked()).toEqual({ host: 'sts.one.example', insecure: false, purpose: 'sign-in' });
    // A Chinese UI on an English OS: the dialog is in Chinese.
    expect(hostConfirmationText(lastAsked(), 'en-US').title).toBe('Trust this address?');
    expect(await call('desktop:set-language', { language: 'zh-CN' })).toMatchObject({ ok: true });
    await testWithStsAt('sts.two.example');
    expect(lastAsked()).toEqual({ host: 'sts.two.example', insecure: false, purpose: 'sign-in', language: 'zh-CN' });
    expect(hostConfirmationText(lastAsked(), 'en-US')).toMatchObject({ title: '信任此地址？', trust: '信任 sts.two.example', cancel: '取消' });
    // Switched back to English on a Chinese OS: English.
    await call('desktop:set-language', { language: 'en' });
    await testWithStsAt('sts.three.example');
    expect(hostConfirmationText(lastAsked(), 'zh-CN')).toMatchObject({ title: 'Trust this address?', trust: 'Trust sts.three.example' });
  });

  it('holds for the host every feature is given (the share feature\'s STS dialog too); other host calls pass through unchanged', async () => {
    await call('desktop:set-language', { language: 'zh-CN' });
    expect(await ctx.host.confirmHost({ host: 'sts.share.example', insecure: true, purpose: 'sign-in' })).toBe(false);
    expect(lastAsked()).toMatchObject({ host: 'sts.share.example', language: 'zh-CN' });
    host.answers.folders.push('/tmp/chosen');
    expect(await ctx.host.chooseFolder({})).toBe('/tmp/chosen');
    host.focused = false;
    expect(ctx.host.isFocused()).toBe(false);
  });
});
