/**
 * Driving the admins' questionnaire screen: upload a version file, read the problems listed for
 * it, open a version's preview as a citizen would see it. For journeys as well as this area's tests.
 */
import type { Page } from 'playwright-core';

export interface QuestionnaireFile {
  name: string;
  bytes: Buffer;
}

export interface ListedProblem {
  sheet: string;
  row: string;
  column: string;
  value: string;
  reason: string;
}

/** Opens the questionnaires screen (the admin logged in already) and uploads the file; waits for the outcome: stored, or refused. */
export async function uploadQuestionnaire(page: Page, baseUrl: string, file: QuestionnaireFile): Promise<'stored' | 'refused'> {
  if (!page.url().endsWith('/staff/questionnaires')) await page.goto(`${baseUrl}/staff/questionnaires`);
  await page.locator('input[type=file][name=file]').setInputFiles({
    name: file.name,
    mimeType: file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json',
    buffer: file.bytes,
  });
  await page.locator('form button[type=submit]').click();
  const outcome = page.locator('.done, [data-testid=questionnaire-problems], [role=alert]').first();
  await outcome.waitFor();
  return (await page.locator('[data-testid=questionnaire-problems], [role=alert]').count()) > 0 ? 'refused' : 'stored';
}

/** The problems the screen lists for the last upload, as shown. */
export async function listedQuestionnaireProblems(page: Page): Promise<ListedProblem[]> {
  return page.locator('[data-testid=questionnaire-problems] tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const [sheet, r, column, value, reason] = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { sheet, row: r, column, value, reason };
    }),
  );
}

/** Opens the preview of a version in this page (the admin's session) and waits for its first screen. */
export async function previewQuestionnaire(page: Page, baseUrl: string, version: string): Promise<void> {
  await page.goto(`${baseUrl}/s/preview/${encodeURIComponent(version)}`);
  await page.locator('[data-testid=preview-banner]').waitFor();
}
