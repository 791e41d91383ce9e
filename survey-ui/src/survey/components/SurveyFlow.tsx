import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire, type LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import { earlyAnswers, type PageChoices } from '../boot/early-answers.ts';
import type { SurveyLink } from '../boot/survey-link.ts';
import { useMessages, type Language } from '../messages/catalogue.ts';
import { missingRequired, withAnswer } from '../model/answers.ts';
import { newDraft, submissionOf, type Draft, type Submission } from '../model/draft.ts';
import { reviewSections } from '../model/review.ts';
import { progressOf, screenAt, screenIndex, screenOfSection, visibleScreens } from '../model/screens.ts';
import { postResponse } from '../sending/deliver.ts';
import { deliverSoon, requestBackgroundSync } from '../sending/sender.ts';
import { deviceClientId } from '../storage/device.ts';
import { saveDraft, writeInOrder } from '../storage/drafts.ts';
import { queueFinished } from '../storage/outbox.ts';
import { randomUuid } from '../storage/uuid.ts';
import { LocalityScreen } from './LocalityScreen.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { QuestionScreen } from './QuestionScreen.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';
import { ThankYouScreen } from './ThankYouScreen.tsx';

type OpenLink = SurveyLink & { questionnaire: QuestionnaireDefinition };

function freshDraft(link: OpenLink): Draft {
  return newDraft(link.token, link.questionnaire.version, link.questionnaire.sections[0].code, new Date());
}

/**
 * The draft to start from: the one kept on the phone (same version) or a new one, with the
 * choices made on the server-drawn first screen on top — the respondent is on that screen.
 */
function startingDraft(link: OpenLink, questionnaire: LocalizedQuestionnaire, savedDraft: Draft | undefined, choices: PageChoices | undefined): Draft {
  const base = savedDraft && savedDraft.version === link.questionnaire.version ? savedDraft : freshDraft(link);
  const early = choices ? earlyAnswers(questionnaire, choices) : {};
  if (Object.keys(early).length === 0) return base;
  return { ...base, answers: { ...base.answers, ...early }, screen: visibleScreens(questionnaire, early)[0].code, updatedAt: new Date().toISOString() };
}

/**
 * The questionnaire of an open survey link, screen by screen (through the online link, the
 * respondent first says where they live). Every answer is saved on the phone as it is given;
 * sending freezes the response with its UUID and hands it to the outbox.
 */
export function SurveyFlow({
  link,
  language,
  savedDraft,
  choices,
  preview = false,
}: {
  link: OpenLink;
  language: Language;
  savedDraft?: Draft;
  choices?: PageChoices;
  preview?: boolean;
}) {
  const t = useMessages();
  const questionnaire = useMemo(() => localizeQuestionnaire(link.questionnaire, language), [link, language]);
  const [draft, setDraft] = useState<Draft>(() => startingDraft(link, questionnaire, savedDraft, choices));
  const latest = useRef(draft);
  const [resumed] = useState(() => !!savedDraft && Object.keys(savedDraft.answers).length > 0);
  const [moved, setMoved] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  // A double tap must not make two responses: the guard holds before the next render does.
  const sendingNow = useRef(false);
  // The response as first sent: if it cannot be stored on the phone, sending again resends the
  // same UUID and content (harmless to the server) until an answer changes.
  const frozen = useRef<Submission | undefined>(undefined);
  const [sentWithoutStorage, setSentWithoutStorage] = useState(false);
  const [editingLocality, setEditingLocality] = useState(false);
  // A screen opened with "Sửa" from the review returns there; the review then shows that section.
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [returnedFrom, setReturnedFrom] = useState<string | undefined>(undefined);

  useEffect(() => {
    // The page marks it itself when the server drew the first screen.
    if (performance.getEntriesByName?.('sipas:first-question').length === 0) performance.mark?.('sipas:first-question');
    // Choices made before the app started are kept like any other answer.
    if (!preview && draft !== savedDraft && Object.keys(draft.answers).length > 0) void saveDraft(draft);
  }, []);

  const update = (change: (current: Draft) => Draft) => {
    const next = { ...change(latest.current), updatedAt: new Date().toISOString() };
    latest.current = next;
    setDraft(next);
    // A preview keeps nothing on the device.
    if (!preview) void saveDraft(next);
  };
  const [previewEnded, setPreviewEnded] = useState(false);

  if (draft.finishedAs) {
    return (
      <ThankYouScreen
        responseId={draft.finishedAs}
        sentWithoutStorage={sentWithoutStorage}
        onAnother={() => {
          setMoved(true);
          setSentWithoutStorage(false);
          update(() => freshDraft(link));
        }}
      />
    );
  }

  if (link.channel === 'online' && (!draft.locality || editingLocality)) {
    return (
      <LocalityScreen
        provinces={link.round.provinceCodes}
        localities={link.localities ?? []}
        chosen={draft.locality}
        focusHeading={moved}
        onChoose={(locality) => {
          frozen.current = undefined;
          setEditingLocality(false);
          setMoved(true);
          update((current) => ({ ...current, locality }));
        }}
      />
    );
  }

  const screens = visibleScreens(questionnaire, draft.answers);
  const index = screenIndex(questionnaire, screens, draft.screen);
  const { step, steps } = progressOf(screens, index);
  const goTo = (target: number) => {
    setMissing([]);
    setMoved(true);
    setEditing(undefined);
    setReturnedFrom(undefined);
    update((current) => ({ ...current, screen: screenAt(screens, target) }));
  };
  const answer = (code: string, value: AnswerValue | undefined) => {
    frozen.current = undefined;
    setMissing((codes) => codes.filter((c) => c !== code));
    update((current) => ({ ...current, answers: withAnswer(current.answers, code, value) }));
  };
  // After an edit from the review: the next screen the edit brought in (none of its questions
  // answered yet, e.g. the service part after "yes, I had a procedure"), else the review.
  const afterEdit = () => {
    const brought = screens.findIndex((s, i) => i > index && s.fields.every((f) => draft.answers[f.code] === undefined));
    return brought >= 0 ? brought : screens.length;
  };
  const next = () => {
    const unanswered = missingRequired(questionnaire, screens[index], latest.current.answers).map((f) => f.code);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.querySelector<HTMLInputElement>(`[name="${unanswered[0]}"]`)?.focus();
      return;
    }
    const edited = editing;
    if (!edited) return goTo(index + 1);
    const target = afterEdit();
    goTo(target);
    if (target < screens.length) setEditing(edited);
    else setReturnedFrom(edited);
  };
  const send = async () => {
    if (preview) {
      setPreviewEnded(true);
      return;
    }
    if (sendingNow.current) return;
    sendingNow.current = true;
    setSending(true);
    setFailed(false);
    const now = new Date();
    const finishing = latest.current;
    const submission = (frozen.current ??= submissionOf(questionnaire, finishing, { id: randomUuid(), clientId: deviceClientId(), now }));
    const finish = () => {
      const finished: Draft = { ...finishing, answers: {}, finishedAs: submission.id, updatedAt: now.toISOString() };
      latest.current = finished;
      frozen.current = undefined;
      setDraft(finished);
      setMoved(true);
    };
    try {
      await writeInOrder(() => queueFinished(finishing, submission, new Date(submission.submittedAt)));
      finish();
      void deliverSoon(true);
      void requestBackgroundSync().catch(() => undefined);
    } catch {
      // No storage on this phone (private mode, full disk): deliver while the page is open.
      const outcome = await postResponse(submission);
      if (outcome.kind === 'delivered') {
        setSentWithoutStorage(true);
        finish();
      } else {
        setFailed(true);
      }
    } finally {
      sendingNow.current = false;
      setSending(false);
    }
  };

  return (
    <>
      <ProgressBar step={step} steps={steps} />
      {resumed && !moved && (
        <p class="resumed" role="status">
          {t.resumed}
        </p>
      )}
      {previewEnded && (
        <p class="resumed" role="status" data-testid="preview-not-sent">
          {t.previewNotSent}
        </p>
      )}
      {index >= screens.length ? (
        <ReviewScreen
          sections={reviewSections(questionnaire, draft.answers)}
          sending={sending}
          failed={failed}
          returnedFrom={returnedFrom}
          onEdit={(section) => {
            goTo(screenOfSection(screens, section));
            setEditing(section);
          }}
          onBack={() => goTo(index - 1)}
          onSend={() => void send()}
        />
      ) : (
        <QuestionScreen
          screen={screens[index]}
          intro={index === 0 ? questionnaire.intro : undefined}
          answers={draft.answers}
          missing={missing}
          focusHeading={moved}
          nextLabel={editing ? (afterEdit() < screens.length ? t.next : t.backToReview) : index === screens.length - 1 ? t.toReview : t.next}
          onAnswer={answer}
          onBack={
            editing
              ? undefined
              : index > 0
                ? () => goTo(index - 1)
                : link.channel === 'online'
                  ? () => {
                      setMoved(true);
                      setEditingLocality(true);
                    }
                  : undefined
          }
          onNext={next}
        />
      )}
    </>
  );
}
