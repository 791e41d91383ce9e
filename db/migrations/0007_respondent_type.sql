ALTER TABLE "responses" ADD COLUMN "respondent_type" text DEFAULT 'citizen' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_respondent_type_check" CHECK ("responses"."respondent_type" in ('citizen', 'organisation'));--> statement-breakpoint
UPDATE "responses" SET "respondent_type" = 'organisation' WHERE "questionnaire_version" IN (SELECT "version" FROM "questionnaire_versions" WHERE "definition"->>'respondentType' = 'organisation');
