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
  it('shows message, hint, code, request ID and EC in an alert', () => {
    render(<ErrorPanel error={denied} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(denied.message);
    expect(screen.getByText(denied.message)).toBeTruthy();
    expect(screen.getByText(denied.hint)).toBeTruthy();
    expect(screen.getByTestId('error-code').textContent).toBe('AccessDenied');
    expect(screen.getByTestId('error-request-id').textContent).toBe(denied.requestId);
    expect(screen.getByTestId('error-ec').textContent).toBe(denied.ec);
  });

  it('leaves out request ID and EC rows when the error has none', () => {
    render(<ErrorPanel error={{ code: 'InvalidArgument', message: 'url: Only https links can be opened.' }} />);
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
});
