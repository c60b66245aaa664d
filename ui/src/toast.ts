import { notifications, notificationsStore, type NotificationData } from '@mantine/notifications';
import { describeError } from './errors';

// data-testid goes through a spread so the e2e tests can find toasts by kind.
const tid = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

/**
 * Shows the toast, or replaces the one already up with the same id: a repeated error or
 * message never stacks a second copy (Root also limits how many are on screen).
 */
function upsert(n: NotificationData & { id: string }) {
  const { notifications: shown, queue } = notificationsStore.getState();
  if ([...shown, ...queue].some((x) => x.id === n.id)) notifications.update(n);
  else notifications.show(n);
}

export const toast = {
  success(title: string, message?: string) {
    upsert({ id: `success:${title}`, title, message: message ?? '', color: 'teal', ...tid('toast-success') });
  },
  info(title: string, message?: string) {
    upsert({ id: `info:${title}`, title, message: message ?? '', color: 'gray', ...tid('toast-info') });
  },
  /**
   * An error toast. The title comes from the error code (errors.ts ERROR_TEXT), one toast per
   * code at a time; `context` says what failed ("Could not update Sita Sharma.") and starts
   * the message.
   */
  error(context: string, err: unknown) {
    const p = describeError(err);
    upsert({
      id: `error:${p.code}`,
      title: p.title,
      message: [context, p.message].filter(Boolean).join(' '),
      color: 'red',
      autoClose: 8000,
      ...tid('toast-error'),
      ...{ 'data-error-code': p.code },
    });
  },
};
