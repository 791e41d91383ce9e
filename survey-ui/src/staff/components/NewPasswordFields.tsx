import { useMessages } from '../messages/catalogue.ts';

/** A new password typed twice, with the rule beside it; the form refuses to send two that differ. */
export function NewPasswordFields({
  password,
  again,
  onPassword,
  onAgain,
  label,
}: {
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
  label?: string;
}) {
  const t = useMessages();
  return (
    <>
      <label>
        <span>{label ?? t.password}</span>
        <input
          name="new-password"
          type="password"
          required
          minLength={10}
          autocomplete="new-password"
          value={password}
          onInput={(e) => onPassword(e.currentTarget.value)}
          aria-describedby="new-password-hint"
        />
      </label>
      <label>
        <span>{t.passwordAgain}</span>
        <input
          name="new-password-again"
          type="password"
          required
          autocomplete="new-password"
          value={again}
          onInput={(e) => onAgain(e.currentTarget.value)}
          aria-invalid={again !== '' && again !== password}
        />
      </label>
      <p id="new-password-hint" class="hint">
        {again !== '' && again !== password ? t.passwordsDiffer : t.passwordHint}
      </p>
    </>
  );
}
