/**
 * Sharing end to end, in Chromium against the emulator through main's real handlers and
 * client factory: links for three selected files (copy one and read it back from the
 * clipboard, fetch it, export the CSV through the scripted save dialog), then an access code
 * for "upload only" on a folder, imported as a new profile that lands in that folder and can
 * upload there through the app's own "Upload files…"; outside the folder the code opens nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import OSS from 'ali-oss';
import type { Page } from '@playwright/test';
import { decodeAccessCode } from '../shared/access-code';
import { expect, listed, row, test } from './fixtures/browse-env';

test.use({ realClients: true });

const BUCKET = 'share-e2e';

async function addAccountProfile(app: { invoke: (c: string, i: unknown) => Promise<unknown> }, emulator: { region: string; endpoints: Record<string, string>; accounts: Array<{ name: string; accessKeyId: string; accessKeySecret: string }> }): Promise<string> {
  const key = emulator.accounts.find((a) => a.name === 'sandbox')!;
  const added = (await app.invoke('profiles:add', {
    input: {
      name: 'Team account',
      credentials: { type: 'access-key', accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret },
      endpoint: { kind: 'custom', region: emulator.region, customRegionUrls: emulator.endpoints, pathStyle: true, allowInsecureHttp: true },
    },
    test: false,
  })) as { ok: boolean; value: { id: string } };
  expect(added.ok).toBe(true);
  return added.value.id;
}

/** axe on one dialog: no violations (labels, contrast, roles). */
async function expectAxeClean(page: Page, testId: string) {
  const result = await new AxeBuilder({ page }).include(`[data-testid="${testId}"]`).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openContextMenu(page: Page, name: string) {
  await row(page, name).click({ button: 'right' });
  return page.getByRole('menu');
}

test.describe('share', () => {
  test('links for three files: copy one, fetch it, export the CSV', async ({ app, oss, openAt }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await oss.createBucket(BUCKET);
    await oss.seed(BUCKET, [
      { key: 'reports/q1 report.txt', body: 'first quarter' },
      { key: 'reports/q2+plan.txt', body: 'second quarter' },
      { key: 'reports/中文 😀.txt', body: '第三季度' },
    ]);
    const profileId = await addAccountProfile(app, oss.emulator);
    await openAt(`oss://${BUCKET}/reports/`, profileId);
    await listed(page, 3);

    await row(page, 'q1 report.txt').click();
    await row(page, 'q2+plan.txt').click({ modifiers: ['Control'] });
    await row(page, '中文 😀.txt').click({ modifiers: ['Control'] });
    const menu = await openContextMenu(page, '中文 😀.txt');
    await menu.getByRole('menuitem', { name: 'Share 3 links…' }).click();

    const dialog = page.getByTestId('share-links-dialog');
    await dialog.getByLabel('Link works for').selectOption({ label: '1 day' });
    await dialog.getByRole('button', { name: 'Make 3 links' }).click();
    const links = dialog.getByTestId('share-link');
    await expect(links).toHaveCount(3);
    await expect(dialog.getByTestId('share-links-expiry')).toContainText('The links work until');

    // Copy the third link and read it back from the system clipboard.
    const third = links.nth(2);
    await third.getByRole('button', { name: 'Copy: 中文 😀.txt' }).click();
    await expect(third.getByRole('button', { name: 'Copy: 中文 😀.txt' })).toHaveText('Copied');
    const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(copied).toBe(await third.getByRole('textbox').inputValue());
    const res = await fetch(copied);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('第三季度');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '')).toBe('中文 😀.txt');

    // The QR code is an SVG drawn in the page (no data: URL, CSP untouched).
    await links.nth(0).getByRole('button', { name: 'QR code' }).click();
    await expect(links.nth(0).getByRole('img', { name: 'QR code for the link to q1 report.txt' })).toBeVisible();

    // Export: main asks where (scripted answer) and writes the file; the page never names a path.
    const csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'share-csv-')), 'links.csv');
    app.main!.host.answers.saveFiles.push(csvPath);
    await dialog.getByRole('button', { name: 'Save as CSV…' }).click();
    await expect(dialog.getByText('Saved.')).toBeVisible();
    const csv = fs.readFileSync(csvPath, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(csv[0]).toBe('key,url,expires_at');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['reports/q1 report.txt', 'reports/q2+plan.txt', 'reports/中文 😀.txt']);
    expect(csv[3]).toContain(copied);
    await page.screenshot({ path: test.info().outputPath('share-links.png') });
    await expectAxeClean(page, 'share-links-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The session history names the keys, never the URLs.
    await (await openContextMenu(page, 'q1 report.txt')).getByRole('menuitem', { name: 'Links made this session' }).click();
    const history = page.getByTestId('share-history-dialog');
    await expect(history.getByRole('listitem')).toHaveCount(3);
    expect(await history.textContent()).not.toContain('http');
  });

  test('an upload-only access code imports as a profile that lands in the folder and uploads there', async ({ app, oss, openAt }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await oss.createBucket(BUCKET);
    await oss.seed(BUCKET, [
      { key: 'incoming/readme.txt', body: 'drop files here' },
      { key: 'private/payroll.csv', body: 'secret' },
    ]);
    const profileId = await addAccountProfile(app, oss.emulator);
    await openAt(`oss://${BUCKET}/`, profileId);
    await listed(page, 2);

    const menu = await openContextMenu(page, 'incoming');
    await menu.getByRole('menuitem', { name: 'Give temporary access…' }).click();
    const dialog = page.getByTestId('share-grant-dialog');
    await expect(dialog.getByRole('heading', { name: `Temporary access to oss://${BUCKET}/incoming/` })).toBeVisible();
    await dialog.getByLabel('Upload only: list and upload files, but not download or delete').check();
    await dialog.getByLabel('Access lasts').selectOption({ label: '15 minutes' });
    await dialog.getByLabel('RAM role ARN').fill(oss.emulator.roles[0]!);
    await dialog.getByText('Advanced').click();
    await dialog.getByLabel('STS address').fill(oss.emulator.stsEndpoint);
    // The emulator's STS is not Alibaba Cloud's (nor this profile's own): the user trusts it in main's (scripted) dialog.
    app.main?.host.answers.hosts.push(true);
    await dialog.getByRole('button', { name: 'Create access code' }).click();
    const result = dialog.getByTestId('share-grant-result');
    await expect(result).toContainText('Anyone holding this code has this access until');
    await expect(result).toContainText(`List and upload files in oss://${BUCKET}/incoming/`);
    const code = await dialog.getByTestId('share-access-code').getByRole('textbox').inputValue();
    expect(code).toMatch(/^ossac1\./);
    await page.screenshot({ path: test.info().outputPath('share-grant.png') });
    await expectAxeClean(page, 'share-grant-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The recipient pastes the code into Add profile > Access code.
    await page.getByRole('navigation').getByRole('button', { name: 'Add profile' }).click();
    const add = page.getByRole('dialog', { name: 'Add profile' });
    await add.getByLabel('Profile name').fill('Agency drop');
    await add.getByLabel('Sign in with').selectOption({ label: 'Access code' });
    // An expired code from the official oss-browser (built as that app builds it) is refused in plain words, and nothing is added.
    const expired = Buffer.from(JSON.stringify({ id: 'STS.old', secret: 's', stoken: 't', expiration: '2020-01-01T00:00:00Z', region: 'oss-cn-hangzhou', osspath: `oss://${BUCKET}/incoming/`, privilege: 'all' })).toString('base64');
    await add.getByLabel('Access code', { exact: true }).fill(expired);
    await add.getByRole('button', { name: 'Test and save' }).click();
    await expect(add.getByRole('alert').filter({ hasText: 'expired at 2020-01-01T00:00:00Z' })).toBeVisible();
    await expect(page.getByRole('navigation').getByText('Agency drop')).toHaveCount(0);
    await add.getByLabel('Access code', { exact: true }).fill(code);
    // The code points at the emulator (plain HTTP, not Alibaba Cloud), whose address main's dialog already had the user
    // trust for the sharing profile: one confirmation per host, so neither the page nor main asks again.
    const codeHost = new URL(decodeAccessCode(code).endpoint!).host;
    const asks = () => app.main?.host.calls.filter((c) => c.kind === 'confirmHost' && c.request.host === codeHost).length;
    const before = asks();
    if (app.main) expect(before).toBeGreaterThan(0);
    await add.getByRole('button', { name: 'Test and save' }).click();
    await expect(add).toBeHidden();
    expect(asks()).toBe(before);
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue(`oss://${BUCKET}/incoming/`);
    await listed(page, 1);

    // The recipient uploads through the app: the native file dialog (scripted) returns a file.
    const local = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'share-upload-')), 'artwork.pdf');
    fs.writeFileSync(local, '%PDF-1.7');
    app.main!.host.answers.files.push([local]);
    await page.getByRole('toolbar', { name: 'Folder actions' }).getByRole('button', { name: 'Upload files…' }).click();
    await expect(page.getByTestId('transfer-panel').getByTestId('transfer-row')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await listed(page, 2);
    await expect(row(page, 'artwork.pdf')).toBeVisible();
    expect(String((await oss.client(BUCKET).get('incoming/artwork.pdf')).content)).toBe('%PDF-1.7');

    // The code opens nothing else: upload outside the folder, download, list elsewhere are refused.
    const c = decodeAccessCode(code);
    const holder = new OSS({ endpoint: oss.endpoint, region: c.region, bucket: BUCKET, sldEnable: true, authorizationV4: true, accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, stsToken: c.securityToken, refreshSTSTokenInterval: 300_000 } as unknown as OSS.Options);
    await expect(holder.put('private/planted.txt', Buffer.from('x'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(holder.get('incoming/readme.txt')).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(holder.list({ prefix: 'private/', 'max-keys': 10 }, {})).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
