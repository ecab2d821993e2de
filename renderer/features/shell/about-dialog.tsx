/**
 * About OSS Browser: version, the Electron/Chromium it runs on, the operating system and where
 * the log file is. Runtime details help support but mean nothing to most users, so they live
 * here instead of the status bar. (The frame moves to renderer/ui's shared Dialog when it lands.)
 */
import { useEffect, useId, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app';
import './about-dialog.css';

const OS_NAMES: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** "macOS (arm64)", "Windows (x64)"; an unknown platform is shown as reported. */
export function osName(platform: string, arch: string): string {
  return `${OS_NAMES[platform] ?? platform} (${arch})`;
}

export function AboutDialog({ info, onClose }: { info: AppInfo; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const rows: Array<[string, string]> = [
    [t('about.version'), info.version],
    // Without Electron (the Chromium test bridge) there is no shell version to show.
    [t('about.electron'), info.versions.electron ?? t('about.noElectron')],
    ...(info.versions.chrome ? [[t('about.chromium'), info.versions.chrome] as [string, string]] : []),
    [t('about.os'), osName(info.platform, info.arch)],
    [t('about.logFile'), info.logFile],
  ];
  return (
    <div className="about-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="about-dialog"
        data-testid="about-dialog"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
          // The Close button is the only control: Tab stays on it.
          if (e.key === 'Tab') e.preventDefault();
        }}
      >
        <h2 id={titleId} className="about-dialog__title">
          {t('about.title', { product: info.productName })}
        </h2>
        <p className="about-dialog__lead">{t('about.lead')}</p>
        <dl className="about-dialog__facts">
          {rows.map(([label, value]) => (
            <div key={label} className="about-dialog__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="about-dialog__hint">{t('about.supportHint')}</p>
        <div className="about-dialog__footer">
          <button ref={close} type="button" onClick={onClose}>
            {t('about.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
