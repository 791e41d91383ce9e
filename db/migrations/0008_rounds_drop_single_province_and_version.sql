ALTER TABLE "survey_rounds" DROP COLUMN "province_code";--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP COLUMN "questionnaire_version";