import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { commands } from '../bindings';
import { toErrorPayload } from '../errors';
import { qk } from '../queryKeys';
import { toast } from '../toast';

function SignInModalImpl({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [baseUrl, setBaseUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => commands.signIn(baseUrl.trim(), email.trim(), password),
    onSuccess: (s) => {
      client.setQueryData(qk.syncStatus, s);
      setPassword('');
      onClose();
      toast.success(`Signed in as ${s.email ?? email}`, 'Press “Sync now” to bring in your customers.');
    },
    onError: (err) =>
      toast.error(toErrorPayload(err).code === 'unauthorized' ? 'Wrong email or password' : 'Could not sign in', err),
  });
  const error = signIn.error ? toErrorPayload(signIn.error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title="Connect your marketplace account" data-testid="sign-in-dialog">
      <form onSubmit={(e) => { e.preventDefault(); signIn.mutate(); }}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Clientele reads your bookings and reviews from the marketplace. Your password is not stored: the app keeps only a session token, in your system keyring where available.
          </Text>
          <TextInput label="Marketplace address" placeholder="https://commands.example.com" required value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} data-testid="sign-in-base-url" data-autofocus />
          <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-testid="sign-in-email" />
          <PasswordInput label="Password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="sign-in-password" />
          {error && (
            <Text size="sm" c="red" data-testid="sign-in-error" data-error-code={error.code}>
              {error.message}
            </Text>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
              Sign in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Memoised: it does not depend on the search, so typing must not re-render it. */
export const SignInModal = memo(SignInModalImpl);
