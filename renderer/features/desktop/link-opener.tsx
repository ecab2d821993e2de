/**
 * Opens oss:// links the OS handed to the app. Main keeps them in a queue and says when one
 * waits; this overlay takes them one by one, opens each in the only profile that may reach
 * it or asks which profile to use, and tells main the page's language for its menu.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenLink } from '../../../shared/contract/desktop';
import { useShellCommands } from '../../app/shell-context';
import { call, on } from '../../lib/oss-api';
import { requestOpen } from '../../state/open-request';
import { selectBucket, selectProfile } from '../../state/selection-store';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { decideLink, linkAddress } from './link-choice';

type Prompt = { kind: 'choose'; link: OpenLink } | { kind: 'none'; link: OpenLink } | { kind: 'failed'; link: OpenLink; profile: string; message: string };

export function LinkOpener(): ReactElement | null {
  const { t, i18n } = useTranslation('desktop');
  const commands = useShellCommands();
  const [prompt, setPrompt] = useState<Prompt | null>(null);

  const openWith = useCallback((link: OpenLink, profile: { id: string; name: string }) => {
    setPrompt(null);
    call('profiles:open', { id: profile.id }).then(
      (opened) => {
        selectProfile(profile.id, opened.openAt ?? null);
        // The browser starts where a request says only when that bucket is the selected one.
        selectBucket(link.bucket);
        requestOpen(profile.id, { bucket: link.bucket, prefix: link.prefix }, link.focusName);
      },
      (error: unknown) => setPrompt({ kind: 'failed', link, profile: profile.name, message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  // Main's menu speaks the page's language.
  useEffect(() => {
    const sync = () => void call('desktop:set-language', { language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' }).catch(() => undefined);
    sync();
    i18n.on('languageChanged', sync);
    return () => i18n.off('languageChanged', sync);
  }, [i18n]);

  useEffect(() => {
    // One drain at a time; news of a link during a drain runs it once more, so a link queued
    // just after a take answered "none" is still picked up.
    let draining = false;
    let again = false;
    const drain = async () => {
      if (draining) {
        again = true;
        return;
      }
      draining = true;
      try {
        do {
          again = false;
          for (let link = await call('desktop:take-link'); link; link = await call('desktop:take-link')) {
            const decision = decideLink(link);
            if (decision.kind === 'open') openWith(link, { id: decision.profileId, name: decision.profileName });
            else setPrompt(decision.kind === 'choose' ? { kind: 'choose', link } : { kind: 'none', link });
          }
        } while (again);
      } catch {
        // Main logged it; a link that cannot be taken is not worth an error on screen.
      } finally {
        draining = false;
      }
    };
    void drain();
    return on('desktop:link-waiting', () => void drain());
  }, [openWith]);

  if (!prompt) return null;
  const address = linkAddress(prompt.link);
  const close = () => setPrompt(null);
  if (prompt.kind === 'choose') {
    return (
      <Dialog title={t('chooseTitle')} testId="link-profile-dialog" onClose={close} footer={<Button onClick={close}>{t('cancel')}</Button>}>
        <p>{t('chooseBody', { address })}</p>
        <ul className="link-opener__profiles">
          {prompt.link.candidates.map((c, i) => (
            <li key={c.id}>
              <Button tone={i === 0 ? 'primary' : 'default'} {...(i === 0 ? { 'data-autofocus': true } : {})} onClick={() => openWith(prompt.link, c)}>
                {c.name}
              </Button>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }
  if (prompt.kind === 'none') {
    const addProfile = commands.addProfile;
    return (
      <Dialog
        title={t('noneTitle')}
        testId="link-no-profile-dialog"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>{t('close')}</Button>
            {addProfile && (
              <Button tone="primary" data-autofocus onClick={() => { close(); addProfile(); }}>
                {t('addProfile')}
              </Button>
            )}
          </>
        }
      >
        <p>{t('noneBody', { address, bucket: prompt.link.bucket })}</p>
      </Dialog>
    );
  }
  return (
    <Dialog title={t('failedTitle')} testId="link-failed-dialog" onClose={close} footer={<Button tone="primary" data-autofocus onClick={close}>{t('close')}</Button>}>
      <p>{t('failedBody', { address, profile: prompt.profile, message: prompt.message })}</p>
    </Dialog>
  );
}
