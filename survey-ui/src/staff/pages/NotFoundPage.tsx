import { useMessages } from '../messages/catalogue.ts';

/** An unknown path, or one not meant for this role. */
export function NotFoundPage() {
  const t = useMessages();
  return (
    <section>
      <h1 tabIndex={-1}>{t.notFoundTitle}</h1>
      <p>{t.notFound}</p>
    </section>
  );
}
