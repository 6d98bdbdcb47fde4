import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  className?: string;
  /** Escape pressed: the dialog stays open unless this closes it. */
  onEscape: () => void;
  children: ReactNode;
}

/** A native modal dialog (focus trapped, backdrop, Escape handled by the caller). */
export function ModalDialog({ title, className = '', onEscape, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal-dialog ${className}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onEscape();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
