import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog.tsx';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question; Escape or Cancel answers no. The safe choice has the focus. */
export function ConfirmDialog({ title, children, confirmLabel, danger = false, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog title={title} onEscape={onCancel}>
      <div>{children}</div>
      <div className="button-row">
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={danger ? 'button-danger' : 'button-primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
