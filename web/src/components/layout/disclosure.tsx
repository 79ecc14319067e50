import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * A button that shows and hides a panel (menus, the notification popover). Closes on Escape (focus
 * returns to the button), on a click outside, and when focus leaves it.
 */
export function Disclosure({
  label,
  buttonContent,
  buttonClassName,
  panelClassName,
  children,
}: {
  label: string;
  buttonContent: ReactNode;
  buttonClassName?: string;
  panelClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div
      className="disclosure"
      ref={root}
      onBlur={(event) => {
        if (open && root.current && event.relatedTarget && !root.current.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        onClick={() => setOpen((v) => !v)}
      >
        {buttonContent}
      </button>
      <div id={id} className={panelClassName} hidden={!open}>
        {open ? children(() => setOpen(false)) : null}
      </div>
    </div>
  );
}
