import { notifications } from '@mantine/notifications';
import { toErrorPayload } from './errors';

// data-testid goes through a spread so the e2e tests can find toasts by kind.
const tid = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

export const toast = {
  success(title: string, message?: string) {
    notifications.show({ title, message: message ?? '', color: 'teal', ...tid('toast-success') });
  },
  info(title: string, message?: string) {
    notifications.show({ title, message: message ?? '', color: 'gray', ...tid('toast-info') });
  },
  error(title: string, err: unknown) {
    const { message, code } = toErrorPayload(err);
    notifications.show({
      title,
      message,
      color: 'red',
      autoClose: 8000,
      ...tid('toast-error'),
      ...{ 'data-error-code': code },
    });
  },
};
