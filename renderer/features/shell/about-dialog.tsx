/**
 * About OSS Browser: version, the Electron/Chromium it runs on, the operating system and where
 * the log file is. Runtime details help support but mean nothing to most users, so they live
 * here instead of the status bar.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import './about-dialog.css';

const OS_NAMES: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** "macOS (arm64)", "Windows (x64)"; an unknown platform is shown as reported. */
export function osName(platform: string, arch: string): string {
  return `${OS_NAMES[platform] ?? platform} (${arch})`;
}

export function AboutDialog({ info, onClose }: { info: AppInfo; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('about.version'), info.version],
    // Without Electron (the Chromium test bridge) there is no shell version to show.
    [t('about.electron'), info.versions.electron ?? t('about.noElectron')],
    ...(info.versions.chrome ? [[t('about.chromium'), info.versions.chrome] as [string, string]] : []),
    [t('about.os'), osName(info.platform, info.arch)],
    [t('about.logFile'), info.logFile],
  ];
  return (
    <Dialog
      title={t('about.title', { product: info.productName })}
      testId="about-dialog"
      onClose={onClose}
      footer={
        <Button tone="primary" data-autofocus onClick={onClose}>
          {t('about.close')}
        </Button>
      }
    >
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
    </Dialog>
  );
}
