import { useState } from 'react';
import { MAX_ATTACHMENT_BYTES, type AttachmentEntity } from '../../../shared/contract/attachments.ts';
import { withParams } from '../../../shared/contract/result.ts';
import { formatNumber } from '../../../shared/format.ts';
import { call, downloadFile, useCall, useMutate } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { failureMessage, FormMessage } from './form.tsx';
import { FileButton, useConfirm } from './ConfirmDialog.tsx';

const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** The file as base64 without the data-URL prefix, read in the page (no path ever crosses). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read'));
    reader.readAsDataURL(file);
  });
}

export function humanSize(bytes: number, locale: string) {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, locale)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10, locale)} MB`;
}

/**
 * Opens an attached file the way this app can (desktop: the system's viewer, or its folder for a type that could run;
 * web: a download); what the user must know is said through `say`.
 */
export async function openAttachment(linkId: number, say: (message: string | null) => void) {
  say(null);
  try {
    const how = await call('attachments.open', { linkId });
    if (how.mode === 'download') await downloadFile(how.url, how.fileName);
    if (how.mode === 'revealed') {
      const key = how.extension ? 'attachments.revealed' : 'attachments.revealedNoExtension';
      say(withParams(key, { name: how.fileName, extension: how.extension }));
    }
  } catch (failure) {
    say(failureMessage(failure));
  }
}

/** The files attached to one record (agreement, visit, commitment, delivery), shared by every screen. */
export function Attachments({ entity, entityId, title }: { entity: AttachmentEntity; entityId: number; title?: string }) {
  const { t, locale } = useLocale();
  const list = useCall('attachments.list', { entity, entityId });
  const add = useMutate('attachments.add');
  const remove = useMutate('attachments.remove');
  const confirm = useConfirm();
  const [message, setMessage] = useState<string | null>(null);

  const upload = async (file: File | undefined) => {
    setMessage(null);
    if (!file) return;
    // Said here, before reading a large file into memory and sending it.
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setMessage(withParams('attachmentsErrors.too_large', { max: MAX_MB }));
      return;
    }
    try {
      const contentBase64 = await readBase64(file).catch(() => {
        throw new Error('attachmentsErrors.read_failed');
      });
      await add.mutateAsync({ entity, entityId, fileName: file.name, contentBase64 });
    } catch (failure) {
      setMessage(failure instanceof Error && failure.message === 'attachmentsErrors.read_failed' ? failure.message : failureMessage(failure));
    }
  };

  const open = (linkId: number) => openAttachment(linkId, setMessage);

  const unlink = async (linkId: number, name: string) => {
    if (!(await confirm({ title: t('attachments.confirmRemove', { name }), action: t('confirm.removeFile'), destructive: true }))) return;
    setMessage(null);
    try {
      await remove.mutateAsync({ linkId });
    } catch (failure) {
      setMessage(failureMessage(failure));
    }
  };

  const rows = list.data ?? [];
  const inputId = `attach-${entity}-${entityId}`;
  return (
    <section className="attachments" data-testid={`attachments-${entity}-${entityId}`}>
      <h2>{title ?? t('attachments.title')}</h2>
      <FormMessage message={message} />
      {rows.length === 0 && list.isSuccess ? <p className="muted">{t('attachments.none')}</p> : null}
      <ul className="attachment-list">
        {rows.map((a) => (
          <li key={a.linkId} className={a.missing ? 'missing' : undefined}>
            <span className="file-name">{a.fileName}</span>
            <span className="muted"> · {humanSize(a.size, locale)}</span>
            {a.missing ? <span className="badge missing-badge">{t('attachments.missing')}</span> : null}
            <span className="row-actions">
              <button type="button" disabled={a.missing} onClick={() => void open(a.linkId)}>
                {window.twinning ? t('attachments.open') : t('attachments.download')}
              </button>
              <button type="button" onClick={() => void unlink(a.linkId, a.fileName)}>
                {t('attachments.remove')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="inline attach-input">
        <FileButton
          id={inputId}
          label={add.isPending ? t('attachments.uploading') : t('attachments.add')}
          isDisabled={add.isPending}
          onFile={(file) => void upload(file)}
        />
        <span className="muted">{t('attachments.limit', { max: MAX_MB })}</span>
      </div>
    </section>
  );
}
