// Likely duplicates, merge and unmerge in the mock (docs/rules.md §9), simplified: a merged
// card points at the kept one (`merged_into`); the kept card's flags, notes and tags before
// the merge are kept on a stack so unmerge restores them exactly.
import type { CustomerRow, DuplicateCards, DuplicateList } from '../bindings';
import type { MockBackend } from './backend';
import { emailKey, fold, invalid, phoneKey } from './rules';


/** Answers per state of the book (the rows array is rebuilt after every write). */
const cached = new WeakMap<CustomerRow[], DuplicateCards[]>();

/** Groups of non-archived cards sharing an email, a phone, or a full name and city (union–find). */
export function listDuplicates(b: MockBackend, limit: number): DuplicateList {
  const rows = b.rows();
  let groups = cached.get(rows);
  if (!groups) {
    groups = findGroups(b, rows);
    cached.set(rows, groups);
  }
  return {
    group_count: groups.length,
    customer_count: groups.reduce((n, g) => n + g.customers.length, 0),
    groups: groups.slice(0, limit),
  };
}

function findGroups(b: MockBackend, list: CustomerRow[]): DuplicateCards[] {
  const cards = b.customers.filter((c) => c.merged_into === null && !c.archived);
  const parent = cards.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstWith = new Map<string, number>();
  const reasons = new Map<number, string[]>();
  cards.forEach((c, i) => {
    const name = fold(`${c.first_name} ${c.last_name}`);
    const keys: [string, string][] = [];
    if (c.email.trim()) keys.push(['email', emailKey(c.email)]);
    if (c.phone && phoneKey(c.phone)) keys.push(['phone', phoneKey(c.phone)]);
    if (c.city?.trim() && name) keys.push(['name and city', `${name}, ${fold(c.city)}`]);
    for (const [what, key] of keys) {
      const j = firstWith.get(`${what}|${key}`);
      if (j === undefined) firstWith.set(`${what}|${key}`, i);
      else {
        parent[root(i)] = root(j);
        (reasons.get(i) ?? reasons.set(i, []).get(i)!).push(`same ${what} ${key}`);
      }
    }
  });
  const rows = new Map(list.map((r) => [r.customer_id, r]));
  const groups = new Map<number, number[]>();
  cards.forEach((_, i) => {
    const r = root(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      // Platform cards first (the one a merge keeps), then by id.
      const members = g.map((i) => cards[i]).sort((x, y) => Number(x.id < 0) - Number(y.id < 0) || Math.abs(x.id) - Math.abs(y.id));
      return { reasons: [...new Set(g.flatMap((i) => reasons.get(i) ?? []))], customers: members.map((c) => rows.get(c.id)!) };
    });
}

export function mergeCustomers(b: MockBackend, keepId: number, otherId: number): CustomerRow {
  if (keepId === otherId) throw invalid('other_id: a card cannot be merged into itself');
  let kept = b.card(keepId);
  let other = b.card(otherId);
  // With exactly one platform card, it is the one kept whatever the order.
  if (kept.id < 0 && other.id > 0) [kept, other] = [other, kept];
  b.merges.push({ kept: kept.id, other: other.id, before: { is_favorite: kept.is_favorite, is_blocked: kept.is_blocked, blocked_reason: kept.blocked_reason, notes: kept.notes, tags: [...kept.tags] } });
  if (other.notes.trim() && other.notes !== kept.notes) kept.notes = kept.notes.trim() ? `${kept.notes}\n\n${other.notes}` : other.notes;
  for (const t of other.tags) if (!kept.tags.some((k) => k.toLowerCase() === t.toLowerCase())) kept.tags.push(t);
  kept.is_favorite ||= other.is_favorite;
  if (other.is_blocked && !kept.is_blocked) [kept.is_blocked, kept.blocked_reason] = [true, other.blocked_reason];
  other.merged_into = kept.id;
  b.log(kept, 'Merged', `${other.first_name} ${other.last_name}`.trim());
  return b.row(kept.id);
}

/** Undoes the latest merge into `id` (or, given a merged card, its merge if it is the latest into that card). */
export function unmergeCustomer(b: MockBackend, id: number): CustomerRow {
  const c = b.find(id);
  const keptId = c.merged_into ?? id;
  let i = b.merges.length - 1;
  while (i >= 0 && b.merges[i].kept !== keptId) i--;
  if (i < 0) throw invalid(`customer ${id}: nothing was merged into this card`);
  const m = b.merges[i];
  if (c.merged_into !== null && m.other !== id) throw invalid(`customer ${id}: undo the later merge of customer ${m.other} into ${keptId} first`);
  b.merges.splice(i, 1);
  const kept = b.find(m.kept);
  const other = b.find(m.other);
  Object.assign(kept, m.before);
  other.merged_into = null;
  b.log(kept, 'Merge undone', `${other.first_name} ${other.last_name}`.trim());
  return b.row(other.id);
}
