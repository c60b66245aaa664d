import { TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import { LIMITS, type CustomerRow } from '../../bindings';
import { tagsError } from '../../book/customerRules';
import { useTags } from '../../hooks/useBookQueries';
import { useRelationEdit } from '../../hooks/useRelationEdit';

/**
 * The customer's tags, saved on every change through editRelation (optimistic, rolled back if
 * the core refuses). A change over the limits is not sent: it stays in the field with the reason.
 */
export function TagEditor({ customer: c }: { customer: CustomerRow }) {
  const suggestions = useTags().data ?? [];
  const edit = useRelationEdit();
  // Only a refused draft is kept here; otherwise the field shows the saved tags.
  const [draft, setDraft] = useState<string[] | null>(null);
  const value = draft ?? c.tags;
  const error = draft ? tagsError(draft) : null;
  const onChange = (tags: string[]) => {
    if (tagsError(tags)) return setDraft(tags);
    setDraft(null);
    if (tags.join('\u0000') !== c.tags.join('\u0000')) edit.mutate({ customer: c, edit: { field: 'tags', value: tags } });
  };
  return (
    <div>
      <Text fw={600} mb={6}>
        Tags
      </Text>
      <TagsInput
        aria-label="Tags"
        placeholder={value.length ? '' : 'Add a tag: VIP, Walk-in, Kids… (Enter or comma)'}
        data={suggestions.map((t) => t.tag)}
        value={value}
        onChange={onChange}
        splitChars={[',', ';']}
        error={error}
        description={error ? undefined : `Up to ${LIMITS.tags} tags, each at most ${LIMITS.tag_chars} characters; saved as you type`}
        comboboxProps={{ withinPortal: true }}
        data-testid="detail-tags"
      />
    </div>
  );
}
