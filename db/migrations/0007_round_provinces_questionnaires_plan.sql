CREATE TABLE "round_provinces" (
	"round_id" integer NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "round_provinces_round_id_province_code_pk" PRIMARY KEY("round_id","province_code")
);
--> statement-breakpoint
CREATE TABLE "round_questionnaires" (
	"round_id" integer NOT NULL,
	"respondent_type" text NOT NULL,
	"questionnaire_version" text NOT NULL,
	CONSTRAINT "round_questionnaires_round_id_respondent_type_pk" PRIMARY KEY("round_id","respondent_type"),
	CONSTRAINT "round_questionnaires_type_check" CHECK ("round_questionnaires"."respondent_type" in ('citizen', 'organisation'))
);
--> statement-breakpoint
CREATE TABLE "round_sample_plan" (
	"round_id" integer NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"wanted" integer NOT NULL,
	CONSTRAINT "round_sample_plan_round_id_unit_kind_unit_code_pk" PRIMARY KEY("round_id","unit_kind","unit_code"),
	CONSTRAINT "round_sample_plan_kind_check" CHECK ("round_sample_plan"."unit_kind" in ('office', 'locality')),
	CONSTRAINT "round_sample_plan_wanted_check" CHECK ("round_sample_plan"."wanted" > 0)
);
--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP CONSTRAINT "survey_rounds_province_code_localities_code_fk";
--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP CONSTRAINT "survey_rounds_questionnaire_version_questionnaire_versions_version_fk";
--> statement-breakpoint
ALTER TABLE "survey_rounds" ALTER COLUMN "province_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ALTER COLUMN "questionnaire_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "year" integer;--> statement-breakpoint
UPDATE "survey_rounds" SET "year" = extract(year from "period_start")::integer;--> statement-breakpoint
ALTER TABLE "survey_rounds" ALTER COLUMN "year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "target" double precision;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "keying_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "paper_forms" ADD COLUMN "issued_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "paper_forms" SET "issued_at" = "updated_at";--> statement-breakpoint
ALTER TABLE "round_provinces" ADD CONSTRAINT "round_provinces_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_provinces" ADD CONSTRAINT "round_provinces_province_code_localities_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_questionnaires" ADD CONSTRAINT "round_questionnaires_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_questionnaires" ADD CONSTRAINT "round_questionnaires_questionnaire_version_questionnaire_versions_version_fk" FOREIGN KEY ("questionnaire_version") REFERENCES "public"."questionnaire_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_sample_plan" ADD CONSTRAINT "round_sample_plan_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_target_check" CHECK ("survey_rounds"."target" is null or ("survey_rounds"."target" >= 0 and "survey_rounds"."target" <= 100));--> statement-breakpoint
INSERT INTO "round_provinces" ("round_id", "province_code") SELECT "id", "province_code" FROM "survey_rounds" WHERE "province_code" IS NOT NULL;--> statement-breakpoint
INSERT INTO "round_questionnaires" ("round_id", "respondent_type", "questionnaire_version") SELECT "id", 'citizen', "questionnaire_version" FROM "survey_rounds" WHERE "questionnaire_version" IS NOT NULL;