import { useState } from 'react';
import type { ReportAssetKind } from '../../../../shared/contract/reports.ts';
import { useCall, useMutate } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { FileButton } from '../../components/ConfirmDialog.tsx';

/** Reads a chosen file as base64 (without the data: prefix) for the contract's JSON. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ReportAssetsPanel() {
  const { t } = useLocale();
  const assets = useCall('reports.assets', {});
  const setAsset = useMutate('reports.setAsset');
  const removeAsset = useMutate('reports.removeAsset');
  const [message, setMessage] = useState<string | null>(null);

  const choose = (kind: ReportAssetKind) => async (file: File) => {
    setMessage(null);
    try {
      await setAsset.mutateAsync({ kind, fileName: file.name, base64: await readBase64(file) });
      setMessage('reports.screen.assetSaved');
    } catch (failure) {
      setMessage(failureMessage(failure));
    }
  };
  const remove = async (kind: ReportAssetKind) => {
    setMessage(null);
    try {
      await removeAsset.mutateAsync({ kind });
    } catch (failure) {
      setMessage(failureMessage(failure));
    }
  };

  const logo = assets.data?.logo;
  const style = assets.data?.houseStyle;
  return (
    <section className="panel report-assets">
      <h2>{t('reports.screen.assets')}</h2>
      <FormMessage message={message === 'reports.screen.assetSaved' ? null : message} />
      {message === 'reports.screen.assetSaved' ? <p role="status">{t(message)}</p> : null}
      <div className="asset-row">
        <span className="label" id="report-logo-label">
          {t('reports.screen.logo')}
        </span>
        <span className="asset-name" id="logo-name" data-testid="logo-name">
          {logo ? `${logo.fileName} (${logo.width}×${logo.height})` : t('reports.screen.noLogo')}
        </span>
        <FileButton
          id="report-logo"
          label={t('files.choose')}
          accept={['image/png', 'image/jpeg']}
          describedBy="report-logo-label logo-name"
          onFile={(file) => void choose('logo')(file)}
        />
        {logo ? (
          <button type="button" onClick={() => void remove('logo')}>
            {t('reports.screen.remove')}
          </button>
        ) : null}
      </div>
      <div className="asset-row">
        <span className="label" id="report-house-style-label">
          {t('reports.screen.houseStyle')}
        </span>
        <span className="asset-name" id="house-style-name" data-testid="house-style-name">
          {style ? style.fileName : t('reports.screen.noHouseStyle')}
        </span>
        <FileButton
          id="report-house-style"
          label={t('files.choose')}
          accept={['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']}
          describedBy="report-house-style-label house-style-name"
          onFile={(file) => void choose('houseStyle')(file)}
        />
        {style ? (
          <button type="button" onClick={() => void remove('houseStyle')}>
            {t('reports.screen.remove')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
