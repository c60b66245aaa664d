import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../bindings';
import { callsOf, mockCommands, renderBook, row } from '../../test/renderBook';
import { TagEditor } from './TagEditor';

const twenty = Array.from({ length: LIMITS.tags }, (_, i) => `t${i + 1}`);

function setup(tags: string[]) {
  const calls = mockCommands({ list_tags: [], edit_relation: ({ edit }) => row({ tags: (edit as { value: string[] }).value }) });
  renderBook(<TagEditor customer={row({ tags })} />);
  const input = screen.getByRole('combobox', { name: 'Tags', hidden: true });
  const add = (tag: string) => {
    // Mantine takes a change as typing only while the field has focus (not autofill).
    act(() => input.focus());
    fireEvent.change(input, { target: { value: tag } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  return { calls, add };
}

describe('Tag editor', () => {
  afterEach(() => clearMocks());

  it('saves a new tag through editRelation with the whole list', async () => {
    const { calls, add } = setup(['VIP']);
    add('Walk-in');
    await waitFor(() => expect(callsOf(calls, 'edit_relation')).toEqual([{ customerId: 101, edit: { field: 'tags', value: ['VIP', 'Walk-in'] } }]));
  });

  it(`refuses a ${LIMITS.tags + 1}st tag with the reason, sending nothing`, async () => {
    const { calls, add } = setup(twenty);
    add('one-more');
    expect(await screen.findByText(`At most ${LIMITS.tags} tags (now ${LIMITS.tags + 1})`)).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(callsOf(calls, 'edit_relation')).toEqual([]);
  });

  it(`refuses a tag over ${LIMITS.tag_chars} characters with the reason, sending nothing`, async () => {
    const { calls, add } = setup(['VIP']);
    add('x'.repeat(LIMITS.tag_chars + 1));
    expect(await screen.findByText(`longer than ${LIMITS.tag_chars} characters`, { exact: false })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(callsOf(calls, 'edit_relation')).toEqual([]);
  });
});
