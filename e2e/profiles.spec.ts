/**
 * Profiles end to end: the built renderer, main's real handler table and the emulator.
 * Adds a profile of every user-enterable type through the form and sees its buckets; a
 * restricted RAM user opens at its start path; a wrong secret shows the plain hint; the
 * local sandbox starts from the welcome screen; an OIDC role signs in with a rotated token
 * file; deleting a profile deletes its bookmarks.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import type { Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { createStore } from '../emulator/store/index';
import { encodeAccessCode } from '../shared/access-code';
import { MemorySecretStore } from '../main/services/secrets/memory-secret-store';
import { ManualClock } from '../main/services/credentials/clock';
import { expect, test as base } from './support/fixtures';
import type { TestAppContext } from './support/test-app-context';
import type { HostConfirmation } from '../main/services/host/desktop-host';
import { isoToLocalInput } from '../renderer/features/profiles/expiry-time';

const ROLE = 'acs:ram::1000000000000001:role/sandbox-role';

const test = base.extend<{ emu: RunningEmulator; manualClock: boolean; mainClock: ManualClock | undefined }>({
  /** `test.use({ manualClock: true })`: main's credential layer runs on a ManualClock the spec moves (mainClock). */
  manualClock: [false, { option: true }],
  mainClock: async ({ manualClock }, use) => {
    // Whole seconds, so the picker's local value (to the second) round-trips exactly.
    await use(manualClock ? new ManualClock(Math.floor(Date.now() / 1000) * 1000) : undefined);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern here.
  emu: async ({}, use) => {
    const emu = await startEmulator({ memory: true, createStore });
    const key = emu.accounts.find((a) => a.name === 'sandbox')!;
    const opts = { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true };
    await new OSS(opts as OSS.Options).putBucket('e2e-photos');
    await new OSS({ ...opts, bucket: 'e2e-photos' } as OSS.Options).put('photos/holiday.txt', Buffer.from('sun'));
    await new OSS({ ...opts, bucket: 'e2e-photos' } as OSS.Options).put('private/secret.txt', Buffer.from('no'));
    await use(emu);
    await emu.close();
  },
  appContextOverrides: async ({ emu, mainClock }, use) => {
    void emu;
    await use({ secrets: new MemorySecretStore(), sandboxInMemory: true, env: {}, ...(mainClock ? { clock: mainClock } : {}) });
  },
  app: async ({ app }, use) => {
    await use(app);
    await app.main?.ctx.profiles.close();
  },
});

const acct = (emu: RunningEmulator, name = 'sandbox') => emu.accounts.find((a) => a.name === name)!;

async function openAddDialog(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Add profile' }).click();
  return page.getByRole('dialog', { name: 'Add profile' });
}

/** Points the form at the emulator: custom endpoint, one URL per region, path style, HTTP. */
async function fillEmulatorEndpoint(dialog: ReturnType<Page['getByRole']>, emu: RunningEmulator) {
  await dialog.getByText('Endpoint, proxy and timeouts').click();
  await dialog.getByLabel('Endpoint', { exact: true }).selectOption('custom');
  await dialog.getByLabel('Per-region URLs (optional)').fill(Object.entries(emu.endpoints).map(([r, u]) => `${r}=${u}`).join('\n'));
  await dialog.getByLabel('Path-style addressing (http://host/bucket/key)').check();
  await dialog.getByLabel('Allow insecure HTTP').check();
}

async function expectBuckets(page: Page, names: string[]) {
  const list = page.getByRole('list', { name: 'Buckets' });
  for (const n of names) await expect(list.getByRole('button', { name: new RegExp(n) })).toBeVisible();
}

/** What main's native "trust this address?" dialog was asked about `host` (sign-in and access-code hosts, or OSS endpoints). */
function askedAbout(main: TestAppContext, host: string, endpoint = false): HostConfirmation[] {
  return main.host.calls.flatMap((c) => (c.kind === 'confirmHost' && c.request.host === host && (c.request.purpose === 'oss-endpoint') === endpoint ? [c.request] : []));
}

/**
 * A host that is not Alibaba Cloud's is confirmed once, in main's native dialog naming it: the
 * page asks nothing of its own (script in the page could answer that). The dialog is scripted
 * here: call this before the click that makes main ask, and the user answers "Trust" the first
 * time main asks about this sign-in or access-code host. The emulator's OSS endpoint hosts are
 * trusted for every spec by e2e/support/test-app-context.ts.
 */
function willTrust(main: TestAppContext | undefined, host: string): void {
  if (main && askedAbout(main, host).length === 0) main.host.answers.hosts.push(true);
}

/** After the click: main's dialog named `host`, and the page showed no confirmation of its own. */
async function expectOneConfirmation(main: TestAppContext | undefined, dialog: ReturnType<Page['getByRole']>, host: string, endpoint = false): Promise<void> {
  if (main) expect(askedAbout(main, host, endpoint).length).toBeGreaterThan(0);
  await expect(dialog.getByRole('button', { name: /^Trust/ })).toHaveCount(0);
}

/** The emulator's endpoint as main's dialog names it (its first region's host). */
const emulatorHost = (emu: RunningEmulator) => new URL(emu.endpoint).host;

test.describe('profiles', () => {
  test('adds a profile of every user-enterable type and sees its buckets', async ({ app, emu }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const key = acct(emu);
    const sts = await new OSS.STS({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: emu.stsEndpoint } as OSS.STSOptions).assumeRole(ROLE, undefined, 3600, 'e2e', { timeout: 10_000, ctx: undefined });
    const c = sts.credentials as unknown as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string };

    const side = new URL(emu.stsEndpoint).host;
    const forms: Array<{ type: string; fill: (d: ReturnType<Page['getByRole']>) => Promise<void>; confirms?: string }> = [
      {
        type: 'AccessKey (RAM user)',
        fill: async (d) => {
          await d.getByLabel('AccessKey ID').fill(key.accessKeyId);
          await d.getByLabel('AccessKey secret').fill(key.accessKeySecret);
        },
      },
      {
        type: 'STS token',
        fill: async (d) => {
          await d.getByLabel('AccessKey ID').fill(c.AccessKeyId);
          await d.getByLabel('AccessKey secret').fill(c.AccessKeySecret);
          await d.getByLabel('Security token').fill(c.SecurityToken);
          await d.getByLabel('Expires at (optional)').fill(isoToLocalInput(c.Expiration));
        },
      },
      {
        type: 'RAM role (AssumeRole)',
        fill: async (d) => {
          await d.getByLabel('AccessKey ID').fill(key.accessKeyId);
          await d.getByLabel('AccessKey secret').fill(key.accessKeySecret);
          await d.getByLabel('Role ARN').fill(ROLE);
          await d.getByLabel('Session duration (seconds)').fill('900');
          await d.getByLabel('STS endpoint (optional)').fill(emu.stsEndpoint);
        },
        confirms: side,
      },
      { type: 'Credentials URI', fill: (d) => d.getByLabel('Credentials URI', { exact: true }).fill(emu.credentialsUriEndpoint), confirms: side },
      { type: 'ECS instance RAM role', fill: (d) => d.getByLabel('Metadata service address (optional)').fill(emu.ecsMetadataEndpoint), confirms: side },
    ];

    for (const form of forms) {
      const dialog = await openAddDialog(page);
      await dialog.getByLabel('Profile name').fill(form.type);
      await dialog.getByLabel('Sign in with').selectOption({ label: form.type });
      await form.fill(dialog);
      await fillEmulatorEndpoint(dialog, emu);
      // A sign-in host that is not Alibaba Cloud's is trusted once, in main's dialog naming it.
      if (form.confirms) willTrust(app.main, form.confirms);
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByTestId('profile-test-result')).toContainText('e2e-photos');
      // The emulator's endpoint is not Alibaba Cloud's either: main's dialog named it too.
      await expectOneConfirmation(app.main, dialog, emulatorHost(emu), true);
      if (form.confirms) await expectOneConfirmation(app.main, dialog, form.confirms);
      await dialog.getByRole('button', { name: 'Test and save' }).click();
      await expect(dialog).toBeHidden();
      const item = page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: new RegExp(form.type.replace(/[()]/g, '.')) }).first();
      await expect(item).toHaveAttribute('aria-current', 'true');
      await expectBuckets(page, ['e2e-photos']);
    }

    // The access code: one pasted string, opens straight at its folder.
    const code = encodeAccessCode({ v: 1, accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken, expiration: c.Expiration, bucket: 'e2e-photos', prefix: 'photos/', region: emu.region, endpoint: emu.endpoint, actions: ['list', 'read'] });
    const dialog = await openAddDialog(page);
    await dialog.getByLabel('Sign in with').selectOption({ label: 'Access code' });
    await dialog.getByLabel('Access code', { exact: true }).fill(code);
    // The code points at the emulator's plain-HTTP endpoint, which main's dialog already named for the profiles above:
    // trusted once, it is not asked about again, in the page or in main.
    const codeHost = new URL(emu.endpoint).host;
    const asked = app.main?.host.calls.length ?? 0;
    await dialog.getByRole('button', { name: 'Test and save' }).click();
    await expect(dialog).toBeHidden();
    if (app.main) {
      expect(askedAbout(app.main, codeHost, true).length).toBeGreaterThan(0);
      expect(app.main.host.calls.slice(asked).filter((c) => c.kind === 'confirmHost')).toEqual([]);
      // The STS host was asked about once for the three forms that use it, in the page's language, and every scripted answer was used.
      expect(askedAbout(app.main, side)).toEqual([{ host: side, insecure: true, purpose: 'sign-in', language: 'en' }]);
      expect(app.main.host.answers.hosts).toEqual([]);
    }
    await expect(page.getByText('holiday.txt')).toBeVisible();

    // The countdown of the STS-based profile shows in the status bar; no secret reached the page.
    await expect(page.getByTestId('credentials-status')).toContainText('Credentials expire in');
    const html = await page.content();
    for (const secret of [key.accessKeySecret, c.AccessKeySecret, c.SecurityToken]) expect(html).not.toContain(secret);
    const list = await app.invoke('profiles:list');
    expect(JSON.stringify(list)).not.toContain(key.accessKeySecret);
    expect((list as { value: { profiles: unknown[] } }).value.profiles).toHaveLength(6);
  });

  test('a restricted RAM user opens at its start path', async ({ app, emu }) => {
    const { page } = app;
    const reader = acct(emu, 'photos-reader');
    const dialog = await openAddDialog(page);
    await dialog.getByLabel('Profile name').fill('Photos only');
    await dialog.getByLabel('AccessKey ID').fill(reader.accessKeyId);
    await dialog.getByLabel('AccessKey secret').fill(reader.accessKeySecret);
    await dialog.getByLabel('Start at path (optional)').fill('oss://e2e-photos/photos/');
    await fillEmulatorEndpoint(dialog, emu);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByTestId('profile-test-result')).toContainText('oss://e2e-photos/photos/ can be listed');
    await dialog.getByRole('button', { name: 'Test and save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('holiday.txt')).toBeVisible();
    await expect(page.getByText('secret.txt')).toHaveCount(0);
  });

  test('the form explains each wrong field beside it, focuses the first, and shows the test result in view', async ({ app, emu }) => {
    const { page } = app;
    const dialog = await openAddDialog(page);
    await dialog.getByLabel('Profile name').fill('Checked');
    await dialog.getByLabel('AccessKey ID').fill('LTAI has spaces');
    await dialog.getByLabel('Start at path (optional)').fill('oss://Not_A_Bucket/');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByTestId('field-error-accessKeyId')).toHaveText(/only letters, digits/);
    await expect(dialog.getByTestId('field-error-accessKeySecret')).toHaveText('Fill in this field.');
    await expect(dialog.getByTestId('field-error-startPath')).toHaveText(/oss:\/\/bucket\/folder\//);
    await expect(dialog.getByTestId('form-problems')).toHaveText('3 fields need attention.');
    await expect(dialog.getByLabel('AccessKey ID')).toBeFocused();
    await expect(dialog.getByLabel('AccessKey ID')).toHaveAttribute('aria-invalid', 'true');
    // Nothing reached main, and no contract path or raw zod text is on screen.
    await expect(dialog).not.toContainText('Invalid argument');
    await expect(dialog).not.toContainText('input.credentials');

    // Fixing a field clears its complaint; a correct form is tested and the result is in view.
    await dialog.getByLabel('AccessKey ID').fill(acct(emu).accessKeyId);
    await expect(dialog.getByTestId('field-error-accessKeyId')).toHaveCount(0);
    await dialog.getByLabel('AccessKey secret').fill(acct(emu).accessKeySecret);
    await dialog.getByLabel('Start at path (optional)').fill('');
    await fillEmulatorEndpoint(dialog, emu);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByTestId('profile-test-result')).toBeInViewport();
    await expect(dialog.getByTestId('form-problems')).toHaveCount(0);
  });

  test('a wrong secret shows what to do', async ({ app, emu }) => {
    const { page } = app;
    const dialog = await openAddDialog(page);
    await dialog.getByLabel('Profile name').fill('Typo');
    await dialog.getByLabel('AccessKey ID').fill(acct(emu).accessKeyId);
    await dialog.getByLabel('AccessKey secret').fill('not-the-right-secret');
    await fillEmulatorEndpoint(dialog, emu);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert.getByTestId('error-code')).toHaveText('SignatureDoesNotMatch');
    await expect(alert).toContainText('What to do');
    await expect(alert).toContainText(/secret/i);
    // Saving is refused too: nothing is stored.
    await dialog.getByRole('button', { name: 'Test and save' }).click();
    await expect(alert.getByTestId('error-code')).toHaveText('SignatureDoesNotMatch');
    expect((await app.invoke('profiles:list')) as unknown).toMatchObject({ ok: true, value: { profiles: [] } });
  });

  test('an edit is tested before it is saved: a wrong new secret keeps the old profile working', async ({ app, emu }) => {
    const { page } = app;
    const key = acct(emu);
    const endpoint = { kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } };
    const added = await app.invoke('profiles:add', { input: { name: 'Work', credentials: { type: 'access-key', accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret }, endpoint } });
    expect(added.ok).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Edit Work' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit profile' });
    await expect(dialog.getByLabel('AccessKey secret')).toHaveCount(0);
    await dialog.getByLabel('Change the credentials').check();
    await dialog.getByLabel('AccessKey ID').fill(key.accessKeyId);
    await dialog.getByLabel('AccessKey secret').fill('a-wrong-secret');
    await dialog.getByRole('button', { name: 'Test and save' }).click();
    await expect(dialog.getByRole('alert').getByTestId('error-code')).toHaveText('SignatureDoesNotMatch');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: /^Work/ }).click();
    await expectBuckets(page, ['e2e-photos']);
  });

  test.describe('with main\'s clock and the page\'s clock moved by hand', () => {
    test.use({ manualClock: true });

    test('a pasted STS token counts down and prompts for a new one 10 minutes before it ends', async ({ app, emu, mainClock }) => {
      test.skip(!app.main || !mainClock, 'the bridged main process is needed to move its clock');
      const { page } = app;
      const key = acct(emu);
      const sts = await new OSS.STS({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: emu.stsEndpoint } as OSS.STSOptions).assumeRole(ROLE, undefined, 3600, 'e2e', { timeout: 10_000, ctx: undefined });
      const c = sts.credentials as unknown as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
      // Both clocks stand at T0 however slowly the form is filled: the token ends 10 minutes and 4 seconds later.
      const t0 = mainClock!.now();
      await page.clock.setFixedTime(t0);
      const expiration = new Date(t0 + 10 * 60_000 + 4000).toISOString();
      const events: string[] = [];
      app.main!.hub.connect((event) => events.push(event));
      const dialog = await openAddDialog(page);
      await dialog.getByLabel('Profile name').fill('Short token');
      await dialog.getByLabel('Sign in with').selectOption({ label: 'STS token' });
      await dialog.getByLabel('AccessKey ID').fill(c.AccessKeyId);
      await dialog.getByLabel('AccessKey secret').fill(c.AccessKeySecret);
      await dialog.getByLabel('Security token').fill(c.SecurityToken);
      // A date-time picker in local time, showing the time left.
      await dialog.getByLabel('Expires at (optional)').fill(isoToLocalInput(expiration));
      await expect(dialog.getByTestId('expiry-left')).toHaveText('Expires in 10 minutes.');
      await fillEmulatorEndpoint(dialog, emu);
      await dialog.getByRole('button', { name: 'Test and save' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('credentials-status')).toHaveText('Credentials expire in 10m 04s');
      const prompt = page.getByRole('status').filter({ hasText: 'The STS token of Short token expires in 10 minutes.' });
      // One millisecond before the 10-minute mark main has not prompted; at the mark it has.
      await mainClock!.advance(3999);
      expect(events).not.toContain('credentials:expiring');
      await expect(prompt).toBeHidden();
      await page.clock.setFixedTime(t0 + 4000);
      await mainClock!.advance(1);
      expect(events).toContain('credentials:expiring');
      await expect(prompt).toBeVisible();
      await expect(page.getByTestId('credentials-status')).toHaveText('Credentials expire in 10m 00s');
      await prompt.getByRole('button', { name: 'Paste a new token' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit profile' })).toBeVisible();
    });
  });

  test('"Try the local sandbox" starts the emulator in the app and shows its sample buckets', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try the local sandbox' }).click();
    await expectBuckets(page, ['sandbox-photos', 'sandbox-docs']);
    await expect(page.getByRole('list', { name: 'Profiles' })).toContainText('Local sandbox');
  });

  test('an OIDC role profile (ACK RRSA) signs in with the token file; an expired token shows its hint', async ({ app, emu }) => {
    const { page } = app;
    const jwt = (validSeconds: number) => {
      const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const claims = { iss: 'https://oidc.emulator.local', aud: 'sts.aliyuncs.com', sub: 'system:serviceaccount:ns:app', exp: Math.floor(Date.now() / 1000) + validSeconds };
      return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
    };
    const tokenDir = await mkdtemp(join(tmpdir(), 'e2e-oidc-'));
    const tokenFile = join(tokenDir, 'token');
    await writeFile(tokenFile, jwt(-60));
    const dialog = await openAddDialog(page);
    await dialog.getByLabel('Profile name').fill('Pod');
    await dialog.getByLabel('Sign in with').selectOption({ label: 'OIDC role (ACK RRSA)' });
    await dialog.getByLabel('Role ARN').fill(ROLE);
    await dialog.getByLabel('OIDC provider ARN').fill('acs:ram::1000000000000001:oidc-provider/sandbox-oidc');
    // The token file is chosen in main's native dialog; the page sees only its name.
    app.main!.host.answers.files.push([tokenFile]);
    await dialog.getByRole('button', { name: 'Choose token file…' }).click();
    await expect(dialog.getByTestId('token-file-status')).toHaveText('Chosen: token');
    await dialog.getByLabel('STS endpoint (optional)').fill(emu.stsEndpoint);
    await fillEmulatorEndpoint(dialog, emu);
    willTrust(app.main, new URL(emu.stsEndpoint).host);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert.getByTestId('error-code')).toHaveText('AuthenticationFail.OIDCToken.Expired');
    await expect(alert).toContainText('The cluster rotates it');
    // The cluster has rotated the token: the same form now signs in.
    await writeFile(tokenFile, jwt(600));
    await dialog.getByRole('button', { name: 'Test and save' }).click();
    await expect(dialog).toBeHidden();
    await expectBuckets(page, ['e2e-photos']);
    await rm(tokenDir, { recursive: true, force: true });
  });

  test('deleting a profile deletes its bookmarks and keeps the other profiles\'', async ({ app, emu }) => {
    const { page } = app;
    const key = acct(emu);
    const endpoint = { kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } };
    const credentials = { type: 'access-key', accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
    const ids: string[] = [];
    for (const name of ['Old', 'Other']) {
      const added = (await app.invoke('profiles:add', { input: { name, credentials, endpoint } })) as { ok: boolean; value: { id: string } };
      ids.push(added.value.id);
      await app.invoke('bookmarks:add', { profileId: added.value.id, bucket: 'e2e-photos', prefix: 'photos/' });
    }
    await page.reload();
    await page.getByRole('button', { name: 'Delete Old' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete profile Old?' });
    await expect(confirm).toContainText('its bookmarks are deleted');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: /^Old/ })).toHaveCount(0);
    await expect.poll(async () => ((await app.invoke('bookmarks:list', { profileId: ids[0] })) as { value: unknown[] }).value).toEqual([]);
    expect(((await app.invoke('bookmarks:list', { profileId: ids[1] })) as { value: unknown[] }).value).toHaveLength(1);
  });
});
