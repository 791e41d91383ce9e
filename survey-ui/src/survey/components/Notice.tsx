import type { ComponentChildren } from 'preact';

/** A full-screen message instead of the survey: a closed link, a wrong link, no network. */
export function Notice({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="notice" aria-labelledby="notice-title">
      <h1 id="notice-title">{title}</h1>
      {children}
    </section>
  );
}
