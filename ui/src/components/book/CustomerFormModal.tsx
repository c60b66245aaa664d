import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { commands, type CustomerRow } from '../../bindings';
import { fieldOfError, validateCustomer, type CustomerErrors, type CustomerFields } from '../../book/customerRules';
import { toErrorPayload } from '../../errors';
import { toast } from '../../toast';
import { fullName } from './bookActionsContext';
import { CustomerFormFields } from './CustomerFormFields';

export type CustomerFormTarget = { mode: 'add' } | { mode: 'edit'; customer: CustomerRow };

type Props = { target: CustomerFormTarget | null; onClose: () => void; onAdded: (id: number) => void };

const FIELDS = ['first_name', 'last_name', 'email', 'phone', 'city', 'notes', 'tags'] as const;

/** Add a customer, or edit an own customer's profile (the same form, prefilled). */
export function CustomerFormModal({ target, onClose, onAdded }: Props) {
  const editing = target?.mode === 'edit' ? target.customer : null;
  return (
    <Modal opened={target !== null} onClose={onClose} title={editing ? `Edit ${fullName(editing)}` : 'Add customer'} size="lg" data-testid="customer-form">
      {target && <CustomerForm key={editing?.customer_id ?? 'new'} editing={editing} onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function initial(c: CustomerRow | null): CustomerFields {
  return { first_name: c?.first_name ?? '', last_name: c?.last_name ?? '', email: c?.email ?? '', phone: c?.phone ?? '', city: c?.city ?? '', notes: '', tags: [] };
}

function CustomerForm({ editing, onClose, onAdded }: { editing: CustomerRow | null; onClose: () => void; onAdded: (id: number) => void }) {
  const [values, setValues] = useState<CustomerFields>(() => initial(editing));
  const [touched, setTouched] = useState<Partial<Record<keyof CustomerFields, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  // The core's refusal, on the field it names, until that field changes.
  const [serverErrors, setServerErrors] = useState<CustomerErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: CustomerFields): Promise<CustomerRow> => {
      const opt = (s: string) => s.trim() || null;
      if (editing) {
        // Every field is sent: an emptied optional field is cleared.
        return commands.editCustomer(editing.customer_id, { first_name: v.first_name.trim(), last_name: v.last_name.trim(), email: v.email.trim(), phone: v.phone.trim(), city: v.city.trim() });
      }
      return commands.addCustomer({ first_name: v.first_name.trim(), last_name: opt(v.last_name), email: opt(v.email), phone: opt(v.phone), city: opt(v.city), notes: opt(v.notes), tags: v.tags });
    },
    onSuccess: (row) => {
      toast.success(editing ? `Saved ${fullName(row)}` : `Added ${fullName(row)}`);
      onClose();
      if (!editing) onAdded(row.customer_id);
    },
    onError: (err) => {
      const { field, message } = fieldOfError(err, FIELDS);
      if (field) setServerErrors({ [field]: message });
      else setFormError(toErrorPayload(err).message);
    },
  });
  const local = validateCustomer(values);
  const shown: CustomerErrors = {};
  for (const f of FIELDS) {
    const e = serverErrors[f] ?? ((submitted || touched[f]) && local[f]);
    if (e) shown[f] = e;
  }
  const submit = () => {
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(local).length === 0) save.mutate(values);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <CustomerFormFields
        values={values}
        errors={shown}
        profileOnly={editing !== null}
        onChange={(field, value) => {
          setValues((v) => ({ ...v, [field]: value }));
          setServerErrors((s) => (s[field] ? { ...s, [field]: undefined } : s));
        }}
        onBlur={(field) => setTouched((t) => ({ ...t, [field]: true }))}
      />
      {formError && (
        <Alert color="red" variant="light" mt="md" data-testid="customer-form-error">
          {formError}
        </Alert>
      )}
      <Group justify="space-between" mt="lg">
        <Text size="xs" c="dimmed">
          {editing ? 'Notes and tags are edited in the customer’s details.' : 'Only the first name is required.'}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="customer-save">
            {editing ? 'Save' : 'Add customer'}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
