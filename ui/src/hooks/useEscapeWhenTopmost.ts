import { useEffect, useRef } from 'react';

/**
 * Esc closes the drawer only when nothing is open above it. Mantine's modals and drawers each
 * close on any Esc (a window listener), so a visit or notes dialog opened from the drawer would
 * take the drawer with it. During the key event the dialog above is still in the page, so
 * "another dialog, menu or list is visible" means the Esc is theirs.
 */
export function useEscapeWhenTopmost(opened: boolean, onClose: () => void): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    if (!opened) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented) return;
      const visible = [...document.querySelectorAll('[role="dialog"], [role="listbox"], [role="menu"]')].filter((el) => el.getClientRects().length > 0);
      if (visible.length <= 1) close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened]);
}
