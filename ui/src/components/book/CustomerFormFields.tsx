import { SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { LIMITS } from '../../bindings';
import type { CustomerErrors, CustomerFields } from '../../book/customerRules';
import { useTags } from '../../hooks/useBookQueries';

type Props = {
  values: CustomerFields;
  errors: CustomerErrors;
  /** Edit of an existing profile: notes and tags are edited in the drawer instead. */
  profileOnly: boolean;
  onChange: <K extends keyof CustomerFields>(field: K, value: CustomerFields[K]) => void;
  onBlur: (field: keyof CustomerFields) => void;
};

export function CustomerFormFields({ values: v, errors: e, profileOnly, onChange, onBlur }: Props) {
  const tags = useTags().data ?? [];
  const text = (field: Exclude<keyof CustomerFields, 'tags'>) => ({
    value: v[field],
    error: e[field],
    onChange: (ev: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(field, ev.currentTarget.value),
    onBlur: () => onBlur(field),
    'data-testid': `customer-${field.replace('_', '-')}`,
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="First name" required data-autofocus autoComplete="off" {...text('first_name')} />
        <TextInput label="Last name" autoComplete="off" {...text('last_name')} />
        <TextInput label="Email" type="email" placeholder="sita@example.com" autoComplete="off" {...text('email')} />
        <TextInput label="Phone" type="tel" placeholder="+977 980-000-0000" autoComplete="off" {...text('phone')} />
      </SimpleGrid>
      <TextInput label="City" autoComplete="off" {...text('city')} />
      {!profileOnly && (
        <>
          <Textarea label="Notes" placeholder="Preferences, allergies, anything to remember" autosize minRows={2} maxRows={5} {...text('notes')} />
          <TagsInput
            label="Tags"
            description={`Up to ${LIMITS.tags} tags of at most ${LIMITS.tag_chars} characters; Enter or comma adds one`}
            placeholder="e.g. VIP, Walk-in"
            data={tags.map((t) => t.tag)}
            value={v.tags}
            onChange={(t) => onChange('tags', t)}
            onBlur={() => onBlur('tags')}
            error={e.tags}
            splitChars={[',', ';']}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="customer-tags"
          />
        </>
      )}
    </Stack>
  );
}
