import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { commands } from '../bindings';
import { signInProblem } from '../errors';
import { qk } from '../queryKeys';
import { toast } from '../toast';

type Fields = { baseUrl: string; email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

/** What is missing before anything is sent; the marketplace judges the rest. */
function validateSignIn(f: Fields): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.baseUrl.trim()) errors.baseUrl = 'Enter the marketplace address';
  if (!f.email.trim()) errors.email = 'Enter your email';
  else if (!f.email.includes('@')) errors.email = 'Enter an email address, like name@example.com';
  if (!f.password) errors.password = 'Enter your password';
  return errors;
}

function SignInModalImpl({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [fields, setFields] = useState<Fields>({ baseUrl: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const signIn = useMutation({
    mutationFn: (f: Fields) => commands.signIn(f.baseUrl.trim(), f.email.trim(), f.password),
    onSuccess: (s) => {
      client.setQueryData(qk.syncStatus, s);
      setFields((f) => ({ ...f, password: '' }));
      onClose();
      toast.success(`Signed in as ${s.email ?? fields.email}`, 'Bringing in your customers now; they appear as they arrive.');
    },
    // Shown in the form only (below), not as a toast as well.
  });
  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setFields((f) => ({ ...f, [k]: value }));
    setErrors((er) => ({ ...er, [k]: undefined }));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = validateSignIn(fields);
    setErrors(found);
    if (Object.keys(found).length === 0) signIn.mutate(fields);
    else signIn.reset();
  };
  const problem = signIn.error ? signInProblem(signIn.error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title="Connect your marketplace account" data-testid="sign-in-dialog">
      {/* noValidate: the browser's own bubbles are not shown in the app window; errors are ours. */}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Clientele reads your bookings and reviews from the marketplace. Your password is not stored: the app keeps only a session token, in your system keyring where available.
          </Text>
          <TextInput label="Marketplace address" placeholder="https://marketplace.example.com" withAsterisk value={fields.baseUrl} onChange={set('baseUrl')} error={errors.baseUrl} data-testid="sign-in-base-url" data-autofocus />
          <TextInput label="Email" type="email" withAsterisk value={fields.email} onChange={set('email')} error={errors.email} data-testid="sign-in-email" />
          <PasswordInput label="Password" withAsterisk value={fields.password} onChange={set('password')} error={errors.password} data-testid="sign-in-password" />
          {problem && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={problem.title} data-testid="sign-in-error" data-error-code={problem.code}>
              {problem.message}
            </Alert>
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
