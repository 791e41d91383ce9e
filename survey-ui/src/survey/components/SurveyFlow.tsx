import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import type { SurveyLink } from '../boot/survey-link.ts';
import { useMessages, type Language } from '../messages/catalogue.ts';
import { missingRequired, withAnswer } from '../model/answers.ts';
import { newDraft, submissionOf, type Draft, type Submission } from '../model/draft.ts';
import { reviewSections } from '../model/review.ts';
import { progressOf, screenAt, screenIndex, visibleScreens } from '../model/screens.ts';
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
 * The questionnaire of an open survey link, screen by screen (through the online link, the
 * respondent first says where they live). Every answer is saved on the phone as it is given;
 * sending freezes the response with its UUID and hands it to the outbox.
 */
export function SurveyFlow({ link, language, savedDraft, preview = false }: { link: OpenLink; language: Language; savedDraft?: Draft; preview?: boolean }) {
  const t = useMessages();
  const questionnaire = useMemo(() => localizeQuestionnaire(link.questionnaire, language), [link, language]);
  const [draft, setDraft] = useState<Draft>(() => (savedDraft && savedDraft.version === link.questionnaire.version ? savedDraft : freshDraft(link)));
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

  useEffect(() => {
    performance.mark?.('sipas:first-question');
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
    update((current) => ({ ...current, screen: screenAt(screens, target) }));
  };
  const answer = (code: string, value: AnswerValue | undefined) => {
    frozen.current = undefined;
    setMissing((codes) => codes.filter((c) => c !== code));
    update((current) => ({ ...current, answers: withAnswer(current.answers, code, value) }));
  };
  const next = () => {
    const unanswered = missingRequired(questionnaire, screens[index], latest.current.answers).map((f) => f.code);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.querySelector<HTMLInputElement>(`[name="${unanswered[0]}"]`)?.focus();
      return;
    }
    goTo(index + 1);
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
          onEdit={(code) => goTo(screens.findIndex((s) => s.code === code))}
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
          isLast={index === screens.length - 1}
          onAnswer={answer}
          onBack={
            index > 0
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
