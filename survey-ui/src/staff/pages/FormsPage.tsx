import { FormLookup } from '../components/FormLookup.tsx';
import { IssueFormsForm } from '../components/IssueFormsForm.tsx';
import { MarkFormsForm } from '../components/MarkFormsForm.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** Numbered paper forms of the round: issued per locality, then returned, spoiled or not returned. */
export function FormsPage() {
  const t = useMessages();
  const { round } = useStaff();
  return (
    <section>
      <h1 tabIndex={-1}>{t.formsTitle}</h1>
      {!round ? (
        <p>{t.noRounds}</p>
      ) : (
        <>
          <IssueFormsForm round={round} />
          <MarkFormsForm round={round} />
          <FormLookup />
        </>
      )}
    </section>
  );
}
