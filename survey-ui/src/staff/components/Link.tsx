import type { ComponentChildren } from 'preact';
import { navigate } from '../routing/router.ts';

/**
 * An ordinary link that changes screens without reloading the page (new tabs still work); a link
 * out of the staff pages (the results dashboard) loads its own page.
 */
export function Link({ href, children, class: className, current }: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  const onClick = (event: MouseEvent) => {
    if (!href.startsWith('/staff') || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
