import { useMessages } from '../messages/catalogue.ts';

interface Props {
  page: number;
  pages: number;
  onPage(page: number): void;
}

export function FreeTextPager({ page, pages, onPage }: Props) {
  const t = useMessages();
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.ftPage(page, pages)}>
      <button type="button" class="button small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t.ftPrevious}
      </button>
      <span aria-live="polite">{t.ftPage(page, pages)}</span>
      <button type="button" class="button small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t.ftNext}
      </button>
    </nav>
  );
}
