import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import type { ViewExportInput } from '../../../../shared/contract/lists.ts';
import { call } from '../../api.ts';
import { downloadBase64 } from '../download.ts';
import { failureMessage, FormMessage } from '../form.tsx';
import { useLocale } from '../../i18n.ts';

/** "Export this view": the rows the filters leave, in the order shown, with the columns shown, as XLSX or CSV. */
export function ExportView({ view }: { view: Omit<ViewExportInput, 'format'> }) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await call('export.view', { ...view, format } as ViewExportInput);
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (failure) {
      setMessage(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <MenuTrigger>
        <Button className="button" isDisabled={busy}>
          {t('lists.exportView')}
        </Button>
        <Popover className="menu-popover" placement="bottom end">
          <Menu className="menu" onAction={(key) => void run(key === 'csv' ? 'csv' : 'xlsx')}>
            <MenuItem id="xlsx" className="menu-item">
              {t('lists.exportXlsx')}
            </MenuItem>
            <MenuItem id="csv" className="menu-item">
              {t('lists.exportCsv')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <FormMessage message={message} />
    </>
  );
}
