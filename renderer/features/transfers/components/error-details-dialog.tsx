/** Why a transfer failed, in full: the shared error panel (hint, code, request ID, EC) and Retry. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorPanel } from '../../../ui/error-panel';
import { errorText, itemName } from '../model/row-text';
import { command, transferList, transfersStore } from '../transfers-state';

export function ErrorDetailsDialog(): ReactElement | null {
  const { t } = useTranslation('transfers');
  const id = transfersStore.use((s) => s.detailsId);
  transfersStore.use((s) => s.version);
  const item = id ? transferList.get(id) : undefined;
  if (!item?.error) return null;
  const close = () => transfersStore.set({ detailsId: null });
  // Our own codes get our wording (in the UI language); the panel keeps code, request ID and EC.
  const own = t(`error.${item.error.code}.message`, { defaultValue: '' });
  const error = own ? { ...item.error, message: own, hint: errorText(item.error, t).hint } : item.error;
  return (
    <Dialog
      title={t('details.title', { name: itemName(item) })}
      onClose={close}
      testId="transfer-error-details"
      footer={
        <Button tone="primary" onClick={close} data-autofocus>
          {t('details.close')}
        </Button>
      }
    >
      <ErrorPanel
        error={error}
        compact
        {...(item.state === 'failed'
          ? {
              onRetry: () => {
                close();
                void command('transfers:retry', { ids: [item.id] });
              },
            }
          : {})}
      />
    </Dialog>
  );
}
