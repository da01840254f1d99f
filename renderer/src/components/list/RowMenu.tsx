import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useLocale } from '../../i18n.ts';

export type RowAction = { id: string; label: string; danger?: boolean; run: () => void };

/** A row's actions behind one button (React Aria Menu: arrow keys, Escape, focus back to the button). */
export function RowMenu({ name, actions }: { name: string; actions: RowAction[] }) {
  const { t } = useLocale();
  return (
    <MenuTrigger>
      <Button className="row-menu-button" aria-label={t('lists.actionsFor', { name })}>
        <span aria-hidden="true">⋯</span>
      </Button>
      <Popover className="menu-popover" placement="bottom end">
        <Menu className="menu" onAction={(key) => actions.find((a) => a.id === key)?.run()}>
          {actions.map((a) => (
            <MenuItem key={a.id} id={a.id} className={`menu-item${a.danger ? ' danger' : ''}`}>
              {a.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
