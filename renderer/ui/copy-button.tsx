/** "Copy details": puts support text on the clipboard and says so (for screen readers too). */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

export function CopyButton({ text, small }: { text: () => string; small?: boolean }): ReactElement {
  const { t } = useTranslation('ui');
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text()).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Button small={small} onClick={copy} aria-live="polite">
      {copied ? t('copied') : t('copyDetails')}
    </Button>
  );
}
