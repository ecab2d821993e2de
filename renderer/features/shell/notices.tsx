/** Shows messages main pushes on 'app:notice' in a polite live region. */
import { IconButton } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/ipc-contract';
import { on } from '../../lib/oss-api';

type Notice = EventPayload<'app:notice'> & { id: number };

export function Notices() {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    let next = 0;
    return on('app:notice', (notice) => setNotices((list) => [...list.slice(-4), { ...notice, id: ++next }]));
  }, []);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.message}</span>
          <IconButton icon={<Icon name="close" />} label={t('notice.dismiss')} tooltipSide="above" onClick={() => setNotices((l) => l.filter((x) => x.id !== n.id))} />
        </div>
      ))}
    </div>
  );
}
