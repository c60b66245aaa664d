import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { commands, type BookingItem, type CustomerRow, type Visit } from '../../bindings';
import { fieldOfError } from '../../book/customerRules';
import { PAYMENT_STATUSES, todayLocal, validateVisit, VISIT_STATUSES, type VisitErrors, type VisitFields } from '../../book/visitRules';
import { toErrorPayload } from '../../errors';
import { formatDate, humanize } from '../../format';
import { useCurrency } from '../../hooks/useAppInfo';
import { toast } from '../../toast';
import { fullName } from './bookActionsContext';

/** A new visit for `customer`, or an edit of one of their own visits. */
export type VisitTarget = { customer: CustomerRow; visit?: BookingItem };

const FIELDS = ['service', 'date', 'time', 'amount', 'status', 'payment_status'] as const;
const STATUS_OPTIONS = VISIT_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
const PAYMENT_OPTIONS = PAYMENT_STATUSES.map((s) => ({ value: s, label: humanize(s) }));

export function VisitModal({ target, onClose }: { target: VisitTarget | null; onClose: () => void }) {
  const name = target ? fullName(target.customer) : '';
  return (
    <Modal opened={target !== null} onClose={onClose} title={target?.visit ? `Edit visit — ${name}` : `Record a visit — ${name}`} size="lg" data-testid="visit-form">
      {target && <VisitForm key={target.visit?.id ?? 'new'} target={target} onClose={onClose} />}
    </Modal>
  );
}

function initial(b: BookingItem | undefined): VisitFields {
  return b
    ? { service: b.service_title, date: b.booking_date, time: b.booking_time?.slice(0, 5) ?? '', amount: b.total_amount, status: b.status, payment_status: b.payment_status ?? '' }
    : { service: '', date: todayLocal(), time: '', amount: '', status: 'completed', payment_status: '' };
}

function VisitForm({ target, onClose }: { target: VisitTarget; onClose: () => void }) {
  const currency = useCurrency();
  const [v, setV] = useState<VisitFields>(() => initial(target.visit));
  const [touched, setTouched] = useState<Partial<Record<keyof VisitFields, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<VisitErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (f: VisitFields): Promise<Visit> => {
      const common = { service: f.service.trim(), date: f.date.trim(), amount: f.amount.trim(), status: f.status };
      // An edit sends "" to clear the time or the payment status.
      return target.visit
        ? commands.editVisit(target.visit.id, { ...common, time: f.time.trim(), payment_status: f.payment_status })
        : commands.addVisit(target.customer.customer_id, { ...common, time: f.time.trim() || null, payment_status: f.payment_status || null });
    },
    onSuccess: (visit) => {
      toast.success(target.visit ? 'Visit updated' : `Visit recorded for ${fullName(target.customer)}`, `${visit.service} on ${formatDate(visit.date)}`);
      onClose();
    },
    onError: (err) => {
      const { field, message } = fieldOfError(err, FIELDS);
      if (field) setServerErrors({ [field]: message });
      else setFormError(toErrorPayload(err).message);
    },
  });
  const local = validateVisit(v);
  const err = (f: keyof VisitFields) => serverErrors[f] ?? (((submitted || touched[f]) && local[f]) || undefined);
  const set = (f: keyof VisitFields, value: string) => {
    setV((x) => ({ ...x, [f]: value }));
    setServerErrors((s) => (s[f] ? { ...s, [f]: undefined } : s));
  };
  const field = (f: 'service' | 'date' | 'time' | 'amount') => ({
    value: v[f],
    error: err(f),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(f, e.currentTarget.value),
    onBlur: () => setTouched((t) => ({ ...t, [f]: true })),
    'data-testid': `visit-${f}`,
  });
  const submit = () => {
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(local).length === 0) save.mutate(v);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Service" required placeholder="e.g. Haircut & styling" data-autofocus autoComplete="off" {...field('service')} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Date" type="date" required {...field('date')} />
          <TextInput label="Time (optional)" type="time" {...field('time')} />
          <TextInput label="Amount" required inputMode="decimal" placeholder="0 if it was free" leftSection={currency} leftSectionWidth={48} {...field('amount')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <Select label="Status" data={STATUS_OPTIONS} value={v.status} onChange={(s) => s && set('status', s)} allowDeselect={false} error={err('status')} comboboxProps={{ withinPortal: true }} data-testid="visit-status" />
          <Select label="Payment" placeholder="Not recorded" data={PAYMENT_OPTIONS} value={v.payment_status || null} onChange={(s) => set('payment_status', s ?? '')} clearable error={err('payment_status')} comboboxProps={{ withinPortal: true }} data-testid="visit-payment" />
        </SimpleGrid>
        {formError && (
          <Alert color="red" variant="light" data-testid="visit-form-error">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="visit-save">
            {target.visit ? 'Save visit' : 'Record visit'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
