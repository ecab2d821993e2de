/** Shows messages main pushes on 'app:notice' in a polite live region (kept by the notice store from the page's start). */
import { IconButton } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { captureNotices, dismissNotice, noticeStore } from '../../state/notice-store';

export function Notices() {
  const { t } = useTranslation();
  const notices = noticeStore.use((s) => s.notices);
  // The entry starts capturing before the first render; this covers a shell mounted on its own (tests).
  useEffect(() => captureNotices(), []);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.message}</span>
          <IconButton icon={<Icon name="close" />} label={t('notice.dismiss')} tooltipSide="above" onClick={() => dismissNotice(n.id)} />
        </div>
      ))}
    </div>
  );
}
