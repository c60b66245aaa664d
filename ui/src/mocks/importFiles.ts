// The client-list import in the mock (docs/rules.md §8), simplified: a browser has no files,
// so the "picked" file is one of a few sample CSVs built from the sample book (?import=errors
// (default) | clean | broken | cancel). Header mapping, matching by email then phone key, and
// all-or-nothing unless skip-invalid follow the core.
import type { Column, ImportPreview, ImportReport, PreviewRow, RowAction } from '../bindings';
import type { MockBackend } from './backend';
import type { MockCustomer } from './data';
import { addCustomer } from './book';
import { emailKey, invalid, phoneDigits, phoneKey, validEmail } from './rules';

const HEADERS: [NonNullable<Column['field']>, string[]][] = [
  ['name', ['name', 'fullname', 'customername', 'clientname']],
  ['first_name', ['firstname', 'first', 'givenname']],
  ['last_name', ['lastname', 'last', 'surname', 'familyname']],
  ['email', ['email', 'emailaddress']],
  ['phone', ['phone', 'mobile', 'phonenumber', 'cell', 'contact']],
  ['city', ['city', 'town', 'location']],
  ['notes', ['notes', 'note', 'comments']],
  ['tags', ['tags', 'labels', 'groups']],
];
const fieldOf = (h: string): Column['field'] => HEADERS.find(([, names]) => names.includes(h.toLowerCase().replace(/[\s_-]/g, '')))?.[0] ?? null;

const NEW_ROWS = [
  ['Sunita Rai', 'sunita.rai@example.com', '+977 980-111-2233', 'Pokhara', 'VIP; Bridal', '1990-04-02'],
  ['Deepak Khadka', '', '9812345678', 'Kathmandu', 'Walk-in', ''],
  ['Anita Gurung', 'anita.g@example.com', '', 'Lalitpur', '', ''],
  ['Ramesh Shahi', 'ramesh.shahi@example.com', '(01) 552-3344', '', 'Corporate', '1985-11-30'],
  ['Kabita Magar', '', '+977 9841 556677', 'Bhaktapur', 'Kids', ''],
  ['Prakash Basnet', 'p.basnet@example.com', '9803322110', 'Chitwan', '', ''],
  ['Sarita Lama', 'sarita.lama@example.com', '', 'Kathmandu', 'Referral', ''],
  ['Bimal Oli', '', '9860011223', 'Dharan', '', ''],
  ['Nirmala KC', 'nirmala.kc@example.com', '9818877665', 'Pokhara', 'VIP', ''],
  ['Suresh Thapa', 'suresh.t@example.com', '', '', '', ''],
];

/** The sample files, built from the book so two rows match customers it has. */
function sampleFile(b: MockBackend, kind: string): { name: string; text: string } {
  const [p1, p2] = b.customers.filter((c) => c.id > 0 && c.merged_into === null && !c.archived);
  const rows = [...NEW_ROWS];
  if (p1) rows.splice(2, 0, [`${p1.first_name} ${p1.last_name}`, p1.email, p1.phone ?? '', p1.city ?? '', 'Imported', '']);
  if (p2) rows.splice(5, 0, [`${p2.first_name} ${p2.last_name}`, p2.email.toUpperCase(), '', '', p2.tags.join('; '), '']);
  if (kind !== 'clean') {
    rows.splice(4, 0, ['Priya Shrestha', 'priya.at.example.com', '9801234567', 'Lalitpur', '', '']);
    rows.splice(9, 0, ['Hari Bahadur', '', '12345', 'Butwal', '', '']);
  }
  const text = ['Full Name,E-mail,Mobile,Town,Tags,Birthday', ...rows.map((r) => r.join(','))].join('\n');
  return { name: kind === 'clean' ? 'clients-clean.csv' : 'clients.csv', text };
}

export function pickImportFile(kind: string): string | null {
  if (kind === 'cancel') return null;
  if (kind === 'broken') return '/home/demo/Documents/clients.xlsx';
  return `/home/demo/Documents/${kind === 'clean' ? 'clients-clean.csv' : 'clients.csv'}`;
}

type Parsed = { columns: Column[]; rows: { line: number; row: PreviewRow }[]; invalid: ImportReport['invalid'] };

function parse(b: MockBackend, path: string): Parsed & { file_name: string } {
  const name = path.split('/').pop()!;
  if (!name.endsWith('.csv')) throw invalid(`${name} is not UTF-8 text (a byte at offset 0 is not valid); save it as "CSV UTF-8" and import it again`);
  const { text } = sampleFile(b, name === 'clients-clean.csv' ? 'clean' : 'errors');
  const [header, ...lines] = text.split('\n').map((l) => l.split(','));
  const columns = header.map((h) => ({ header: h, field: fieldOf(h) }));
  const at = (cells: string[], field: NonNullable<Column['field']>) => (cells[columns.findIndex((c) => c.field === field)] ?? '').trim();
  const out: Parsed = { columns, rows: [], invalid: [] };
  lines.forEach((cells, i) => {
    const line = i + 2;
    const [first, ...rest] = at(cells, 'name').split(' ');
    const email = at(cells, 'email').toLowerCase();
    const phone = at(cells, 'phone');
    const tags = at(cells, 'tags').split(/[;|]/).map((t) => t.trim()).filter(Boolean);
    const digits = phone ? phoneDigits(phone) : null;
    const message = !first
      ? 'no name (a name, first name or last name is needed)'
      : email && !validEmail(email)
        ? `email: "${email}" is not an email address (it needs an @ and a dot after it)`
        : phone && (digits === null || digits < 7 || digits > 15)
          ? `phone: "${phone}" must be 7 to 15 digits`
          : tags.length > 20 ? `tags: ${tags.length} tags; a customer can have at most 20` : null;
    if (message) out.invalid.push({ line, message });
    else out.rows.push({ line, row: { line, first_name: first, last_name: rest.join(' '), email: email || null, phone: phone || null, city: at(cells, 'city') || null, tags, action: 'add' } });
  });
  return { ...out, file_name: name };
}

/** Matches each row (email, then phone key) and says what it would do. */
function plan(b: MockBackend, parsed: Parsed) {
  const cards = b.customers.filter((c) => c.merged_into === null && !c.archived);
  const added: PreviewRow[] = [];
  const matches: { row: PreviewRow; card: MockCustomer }[] = [];
  const same = (r: PreviewRow) => (c: { email: string | null; phone: string | null }) =>
    (!!r.email && !!c.email && emailKey(c.email) === r.email) || (!!r.phone && !!c.phone && phoneKey(c.phone) === phoneKey(r.phone));
  const report: ImportReport = { added: 0, matched: 0, unchanged: 0, invalid: parsed.invalid, ignored_columns: parsed.columns.filter((c) => !c.field).map((c) => c.header) };
  for (const { row } of parsed.rows) {
    const card = cards.find(same(row));
    let action: RowAction = 'add';
    if (card) {
      const fills = card.id < 0 && ((!card.email && row.email) || (!card.phone && row.phone) || (!card.city && row.city));
      const newTags = row.tags.some((t) => !card.tags.some((k) => k.toLowerCase() === t.toLowerCase()));
      action = fills || newTags ? 'match' : 'unchanged';
      matches.push({ row, card });
    } else if (added.some(same(row))) action = 'match';
    else added.push(row);
    row.action = action;
    report[action === 'add' ? 'added' : action === 'match' ? 'matched' : 'unchanged']++;
  }
  return { report, added, matches };
}

export function previewImport(b: MockBackend, path: string): ImportPreview {
  const parsed = parse(b, path);
  const { report } = plan(b, parsed);
  return { file_name: parsed.file_name, columns: parsed.columns, rows: parsed.rows.slice(0, 200).map((r) => r.row), report };
}

export function importCustomers(b: MockBackend, path: string, skipInvalid: boolean): ImportReport {
  const parsed = parse(b, path);
  const { report, added, matches } = plan(b, parsed);
  if (report.invalid.length && !skipInvalid) {
    const lines = report.invalid.map((i) => `line ${i.line}: ${i.message}`).join('\n');
    throw invalid(`${parsed.file_name}: ${report.invalid.length} invalid rows, nothing imported (fix them, or import the valid rows only):\n${lines}`);
  }
  for (const r of added) addCustomer(b, { first_name: r.first_name, last_name: r.last_name, email: r.email, phone: r.phone, city: r.city, tags: r.tags });
  for (const { row, card } of matches) {
    for (const t of row.tags) if (!card.tags.some((k) => k.toLowerCase() === t.toLowerCase())) card.tags.push(t);
    if (card.id < 0) {
      card.email ||= row.email ?? '';
      card.phone ??= row.phone;
      card.city ??= row.city;
    }
  }
  b.changed();
  return report;
}
