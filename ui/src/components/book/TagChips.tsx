import './book.css';

/** At most `max` tags then "+N"; the full list in the title. */
export function TagChips({ tags, max = 2 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return null;
  const more = tags.length - max;
  return (
    <span className="tagChips">
      {tags.slice(0, max).map((t) => (
        <span key={t} className="tagChip" title={tags.join(', ')} data-testid="tag-chip">
          {t}
        </span>
      ))}
      {more > 0 && (
        <span className="tagChipMore" title={tags.join(', ')} data-testid="tag-chip-more">
          +{more}
        </span>
      )}
    </span>
  );
}
