/** A short confirmation that an action worked, announced to screen readers. */
export function DoneNotice({ message }: { message: string | undefined }) {
  return (
    <p class={message ? 'notice done' : 'visually-hidden'} role="status">
      {message ?? ''}
    </p>
  );
}
