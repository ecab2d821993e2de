/**
 * Previews one object: images in a viewer, text and code decoded by main (encoding shown,
 * size capped), audio/video/PDF through a short-lived presigned URL. Left/Right step
 * through the previewable files of the folder.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { PreviewUrl, TextPreview } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../ui/error-panel';
import { call } from '../../../lib/oss-api';
import { humanSize, previewKindOf } from '../format';
import { extensionOf } from '../model/listing-columns';
import { asAppError } from '../../../ui/app-error';
import { Dialog } from '../../../ui/dialog';
import { currentFileOpener, previewActions } from '../extension-points';
import './preview-dialog.css';

/** Text previews read at most this much; the dialog says when a file was cut. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;

export interface PreviewDialogProps {
  profileId: string;
  bucket: string;
  objectKey: string;
  onClose(): void;
  /** Moves to the previous/next previewable file, when there is one. */
  onStep?(delta: 1 | -1): void;
}

type Loaded = { kind: 'url'; url: PreviewUrl } | { kind: 'text'; text: TextPreview } | { kind: 'tooLarge' };

export function PreviewDialog(p: PreviewDialogProps): ReactElement {
  const { t } = useTranslation('browse');
  const kind = previewKindOf(extensionOf(p.objectKey));
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null);
  const [error, setError] = useState<{ key: string; error: AppError } | null>(null);
  const [forceOriginal, setForceOriginal] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const base = { profileId: p.profileId, bucket: p.bucket, key: p.objectKey };
    const original = (): Promise<Loaded> => call('objects:preview-url', { ...base, expiresSeconds: 900 }).then((url) => ({ kind: 'url', url }));
    let load: Promise<Loaded>;
    if (kind === 'text' || kind === 'none') load = call('objects:read-text', { ...base, maxBytes: TEXT_PREVIEW_BYTES }).then((text) => ({ kind: 'text', text }));
    else if (kind === 'image' && forceOriginal !== p.objectKey)
      // Resized by OSS where the endpoint can; else the original under main's size cap.
      load = call('objects:thumbnail-url', { ...base, size: 1024 }).then((u) => (u ? { kind: 'url', url: u } : { kind: 'tooLarge' }));
    else load = original();
    load.then(
      (value) => live && setLoaded({ key: p.objectKey, value }),
      (e) => live && setError({ key: p.objectKey, error: asAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [p.profileId, p.bucket, p.objectKey, kind, forceOriginal]);

  const current = loaded?.key === p.objectKey ? loaded.value : null;
  const err = error?.key === p.objectKey ? error.error : null;
  const name = p.objectKey.slice(p.objectKey.lastIndexOf('/', p.objectKey.length - 2) + 1);
  const actions = previewActions({ profileId: p.profileId, bucket: p.bucket, key: p.objectKey });
  const binary = current?.kind === 'text' && !!current.text.binary;
  let body: ReactElement;
  if (err) body = <ErrorPanel error={err} compact />;
  else if (!current) body = <p className="browse-muted">{t('details.loading')}</p>;
  else if (current.kind === 'tooLarge')
    body = (
      <div className="browse-preview__too-large" data-testid="preview-too-large">
        <p>{t('preview.tooLarge')}</p>
        <button type="button" className="ui-button" onClick={() => setForceOriginal(p.objectKey)}>
          {t('preview.loadOriginal')}
        </button>
      </div>
    );
  else if (current.kind === 'text' && current.text.binary) {
    // Not text after all (a renamed .docx, an image named .txt): no garbled characters.
    const opener = currentFileOpener();
    body = (
      <div className="browse-preview__none" data-testid="preview-binary">
        <p className="browse-preview__none-title">{t('preview.binary')}</p>
        <p className="browse-muted">{actions.length > 0 || opener ? t('preview.binaryHint') : t('preview.binaryNoActions')}</p>
        <div className="browse-preview__none-actions">
          {actions.map((a) => (
            <button key={a.id} type="button" className="ui-button" onClick={a.run}>
              {a.label}
            </button>
          ))}
          {opener && (
            <button type="button" className="ui-button" onClick={() => opener({ profileId: p.profileId, bucket: p.bucket }, p.objectKey)}>
              {t('preview.openInApp')}
            </button>
          )}
        </div>
      </div>
    );
  } else if (current.kind === 'text') {
    const tx = current.text;
    body = (
      <>
        <p className="browse-muted" data-testid="preview-text-info">
          {t('preview.encoding', { encoding: tx.encoding })} · {humanSize(tx.size)}
          {tx.truncated ? ` · ${t('preview.truncated', { size: humanSize(TEXT_PREVIEW_BYTES) })}` : ''}
        </p>
        <pre className="browse-preview__text" data-testid="preview-text" tabIndex={0}>
          {tx.text}
        </pre>
      </>
    );
  } else {
    const url = current.url.url;
    if (kind === 'image') body = <img className="browse-preview__image" src={url} alt={name} data-testid="preview-image" />;
    else if (kind === 'audio') body = <audio className="browse-preview__media" src={url} controls data-testid="preview-audio" />;
    else if (kind === 'video') body = <video className="browse-preview__media" src={url} controls data-testid="preview-video" />;
    // No sandbox attribute: Chromium's PDF viewer does not run in a sandboxed frame. The frame is
    // cross-origin (main's loopback preview server), so it cannot reach the app either way.
    else body = <iframe className="browse-preview__pdf" src={url} title={name} data-testid="preview-pdf" />;
  }
  return (
    <Dialog
      title={t('preview.title', { name })}
      onClose={p.onClose}
      wide
      testId="preview-dialog"
      footer={
        <>
          {p.onStep && (
            <>
              <button type="button" className="ui-button" onClick={() => p.onStep?.(-1)}>
                {t('preview.previous')}
              </button>
              <button type="button" className="ui-button" onClick={() => p.onStep?.(1)}>
                {t('preview.next')}
              </button>
            </>
          )}
          {/* A binary file shows its actions next to the explanation instead. */}
          {!binary && actions.map((a) => (
            <button key={a.id} type="button" className="ui-button" onClick={a.run}>
              {a.label}
            </button>
          ))}
          <button type="button" className="ui-button ui-button--primary" onClick={p.onClose} data-autofocus>
            {t('action.close')}
          </button>
        </>
      }
    >
      <div
        className="browse-preview"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') p.onStep?.(1);
          if (e.key === 'ArrowLeft') p.onStep?.(-1);
        }}
      >
        {body}
      </div>
    </Dialog>
  );
}
