import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { SignInModal } from './SignInModal';

function renderModal() {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    if (cmd === 'sign_in') throw { code: 'unauthorized', message: 'sign-in refused: No active account found with the given credentials' };
    return null;
  });
  render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={new QueryClient()}>
        <SignInModal opened onClose={() => {}} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
  return { calls, type, submit: () => fireEvent.click(screen.getByTestId('sign-in-submit')) };
}

describe('SignInModal', () => {
  afterEach(() => clearMocks());

  it('says what is missing when the empty form is sent, and sends nothing', async () => {
    const { calls, submit, type } = renderModal();
    submit();
    expect(await screen.findByText('Enter the marketplace address')).toBeInTheDocument();
    expect(screen.getByText('Enter your email')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(calls).toEqual([]);
    // Typing in a field clears its error only.
    type('sign-in-email', 'sita@example.com');
    expect(screen.queryByText('Enter your email')).not.toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('shows a refused sign-in in the form only, not as a toast too', async () => {
    const { calls, submit, type } = renderModal();
    type('sign-in-base-url', 'https://marketplace.example.com');
    type('sign-in-email', 'sita@example.com');
    type('sign-in-password', 'nope');
    submit();
    const error = await screen.findByTestId('sign-in-error');
    expect(error).toHaveTextContent('Wrong email or password');
    expect(error).toHaveAttribute('data-error-code', 'unauthorized');
    expect(calls).toEqual(['sign_in']);
    expect(screen.queryByTestId('toast-error')).not.toBeInTheDocument();
  });
});
