import { useMessages } from '../messages/catalogue.ts';

/** Analysts work on the results page; here they find the way there. */
export function AnalystPage() {
  const t = useMessages();
  return (
    <section>
      <h1 tabIndex={-1}>{t.analystTitle}</h1>
      <p>{t.analystIntro}</p>
      <p>
        <a class="button primary" href="/results">
          {t.goToResults}
        </a>
      </p>
    </section>
  );
}
