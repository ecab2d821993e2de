import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage, initI18n } from '../i18n';
import { ErrorPanel, errorDetails } from './error-panel';

beforeAll(() => {
  initI18n('en');
});
afterEach(async () => {
  cleanup();
  await changeLanguage('en');
});

const denied = {
  code: 'AccessDenied',
  message: 'You have no right to access this object because of bucket acl.',
  requestId: '5C3D9175B6FC201293AD4890',
  ec: '0003-00000001',
  hint: 'This AccessKey is not allowed to do that.',
};

describe('ErrorPanel', () => {
  it('shows a plain message, the hint, and code, request ID and EC folded in the details', () => {
    render(<ErrorPanel error={denied} />);
    const alert = screen.getByRole('alert');
    expect(screen.getByTestId('error-message').textContent).toBe('You do not have permission to do this.');
    expect(alert.querySelector('details')?.textContent).toContain(denied.message);
    expect(screen.getByText(denied.hint)).toBeTruthy();
    expect(screen.getByTestId('error-code').textContent).toBe('AccessDenied');
    expect(screen.getByTestId('error-request-id').textContent).toBe(denied.requestId);
    expect(screen.getByTestId('error-ec').textContent).toBe(denied.ec);
  });

  it('never makes raw Node or zod text the headline: it goes to the details and the copy', () => {
    const offline = { code: 'NetworkError', message: 'getaddrinfo ENOTFOUND oss-cn-hangzhou.aliyuncs.com socketHandledRequests: 1' };
    render(<ErrorPanel error={offline} />);
    expect(screen.getByTestId('error-message').textContent).toBe('Could not reach Alibaba Cloud.');
    expect(screen.getByRole('alert').querySelector('.ui-error__hint')?.textContent).toContain('Check your internet connection or proxy settings');
    expect(screen.getByTestId('error-raw-message').textContent).toBe(offline.message);
    expect(screen.getByRole('alert').querySelector('details')?.open).toBe(false);
    cleanup();
    render(<ErrorPanel error={{ code: 'SignatureDoesNotMatch', message: 'Invalid signing region in Authorization header.' }} />);
    expect(screen.getByTestId('error-message').textContent).toMatch(/different region/);
    cleanup();
    render(<ErrorPanel error={{ code: 'InvalidArgument', message: 'Invalid argument for profiles:add: input.credentials.accessKeyId: Required.' }} />);
    expect(screen.getByTestId('error-message').textContent).toBe('Some of the information entered is not valid.');
  });

  it('shows extra actions such as Edit profile next to Try again', () => {
    const edit = vi.fn();
    render(<ErrorPanel error={denied} actions={<button onClick={edit}>Edit profile</button>} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit profile' }));
    expect(edit).toHaveBeenCalledOnce();
  });

  it('leaves out request ID and EC rows when the error has none', () => {
    render(<ErrorPanel error={{ code: 'NotImplemented', message: 'The sandbox does not support this yet.' }} />);
    expect(screen.queryByTestId('error-request-id')).toBeNull();
    expect(screen.queryByTestId('error-ec')).toBeNull();
    expect(screen.queryByText(/What to do/)).toBeNull();
  });

  it('shows the translated hint in Chinese', async () => {
    await changeLanguage('zh-CN');
    render(<ErrorPanel error={denied} />);
    expect(screen.getByText(/无权执行该操作/)).toBeTruthy();
    expect(screen.queryByText(denied.hint)).toBeNull();
    expect(screen.getByText('请求 ID')).toBeTruthy();
  });

  it('offers retry and dismiss when given handlers', () => {
    const onRetry = vi.fn();
    const onDismiss = vi.fn();
    render(<ErrorPanel error={denied} onRetry={onRetry} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('copies support details without the hint', () => {
    expect(errorDetails(denied)).toBe(
      'Code: AccessDenied\nMessage: You have no right to access this object because of bucket acl.\nRequest ID: 5C3D9175B6FC201293AD4890\nEC: 0003-00000001',
    );
  });

  it('shows the address a host refusal is about beside the translated sentence and hint, never inside them', async () => {
    const { REMOTE_HOST_HINTS } = await import('../../shared/remote-hosts');
    const host = 'capture.example:8443';
    const refusals = [
      { code: 'HostNotConfirmed', message: 'You did not trust this address, so OSS Browser did not contact it.', hint: REMOTE_HOST_HINTS.HostNotConfirmed, host },
      { code: 'ForbiddenHost', message: 'This is a link-local or cloud metadata address.', hint: REMOTE_HOST_HINTS.ForbiddenHost, host },
      { code: 'InsecureHttpNotAllowed', message: 'This OSS address uses plain HTTP.', hint: REMOTE_HOST_HINTS.InsecureHttpNotAllowed, host },
      { code: 'EndpointHostNotConfirmed', message: 'You did not trust it, so nothing was sent.', hint: 'x', host },
    ];
    for (const language of ['en', 'zh-CN'] as const) {
      await changeLanguage(language);
      for (const error of refusals) {
        render(<ErrorPanel error={error} />);
        const message = screen.getByTestId('error-message').textContent ?? '';
        const hint = screen.getByRole('alert').querySelector('.ui-error__hint')?.textContent ?? '';
        expect(screen.getByTestId('error-host').textContent, `${language} ${error.code}`).toMatch(new RegExp(`^(Address|地址): ${host}$`));
        expect([error.code, message.includes(host), hint.includes(host), hint.length > 20]).toEqual([error.code, false, false, true]);
        // Chinese throughout in zh-CN: no English sentence from main leaks into the headline or hint.
        if (language === 'zh-CN') expect([error.code, /[\u4e00-\u9fff]/.test(message), /[\u4e00-\u9fff]/.test(hint), /[a-z]{4,} [a-z]{4,}/i.test(message + hint)]).toEqual([error.code, true, true, false]);
        cleanup();
      }
    }
    expect(errorDetails(refusals[0]!)).toContain(`Address: ${host}`);
  });
});
