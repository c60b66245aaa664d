import { useEffect, useRef } from 'react';

const KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Enter']);

function listKeysApply(e: KeyboardEvent): boolean {
  if (!KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return false;
  // Mantine keeps some popovers mounted but hidden; only visible ones own the keys.
  const popups = document.querySelectorAll('[role="dialog"], [role="listbox"], [role="menu"]');
  if ([...popups].some((p) => p.getClientRects().length > 0)) return false;
  const el = document.activeElement;
  const tag = el?.tagName ?? '';
  // Typing in the search box, or Enter on a focused button, keeps its own meaning.
  if (['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(tag) || (el as HTMLElement | null)?.isContentEditable) return false;
  return !(el instanceof HTMLElement && ['button', 'radio', 'tab'].includes(el.getAttribute('role') ?? ''));
}

type Args = { count: number; selected: number; paused: boolean; onMove: (to: number) => void; onEnter: () => void };

/**
 * Arrow keys, Page Up/Down, Home/End and Enter work page-wide (not only when the list has the
 * focus), unless the user is typing or a dialog is open. The latest handler is read through a
 * ref, so the window listener registers once.
 */
export function useListKeys({ count, selected, paused, onMove, onEnter }: Args) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (paused || count === 0 || e.defaultPrevented || !listKeysApply(e)) return;
    const move = (to: number) => {
      e.preventDefault();
      onMove(Math.max(0, Math.min(count - 1, to)));
    };
    if (e.key === 'ArrowDown') move(selected + 1);
    else if (e.key === 'ArrowUp') move(selected - 1);
    else if (e.key === 'PageDown') move(selected + 10);
    else if (e.key === 'PageUp') move(selected - 10);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === 'Enter') onEnter();
  };
  const handler = useRef(onKeyDown);
  useEffect(() => {
    handler.current = onKeyDown;
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => handler.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);
}
