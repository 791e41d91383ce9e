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
CREATE TABLE "password_resets" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"issued_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP CONSTRAINT "survey_rounds_province_code_localities_code_fk";
--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP CONSTRAINT "survey_rounds_questionnaire_version_questionnaire_versions_version_fk";
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "level" text DEFAULT 'commune' NOT NULL;--> statement-breakpoint
-- Offices stored before levels existed serve the tier of their locality (a district office sits in a district).
UPDATE "offices" SET "level" = CASE "localities"."level" WHEN 'province' THEN 'province' WHEN 'district' THEN 'district' ELSE 'commune' END FROM "localities" WHERE "localities"."code" = "offices"."locality_code";--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "year" integer;--> statement-breakpoint
UPDATE "survey_rounds" SET "year" = extract(year from "period_start")::integer;--> statement-breakpoint
ALTER TABLE "survey_rounds" ALTER COLUMN "year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "target" double precision;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "keying_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "respondent_type" text DEFAULT 'citizen' NOT NULL;--> statement-breakpoint
UPDATE "responses" SET "respondent_type" = 'organisation' WHERE "questionnaire_version" IN (SELECT "version" FROM "questionnaire_versions" WHERE "definition"->>'respondentType' = 'organisation');--> statement-breakpoint
ALTER TABLE "paper_forms" ADD COLUMN "commune_code" text;--> statement-breakpoint
ALTER TABLE "paper_forms" ADD COLUMN "issued_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "paper_forms" SET "issued_at" = "updated_at";--> statement-breakpoint
ALTER TABLE "round_provinces" ADD CONSTRAINT "round_provinces_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_provinces" ADD CONSTRAINT "round_provinces_province_code_localities_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_questionnaires" ADD CONSTRAINT "round_questionnaires_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_questionnaires" ADD CONSTRAINT "round_questionnaires_questionnaire_version_questionnaire_versions_version_fk" FOREIGN KEY ("questionnaire_version") REFERENCES "public"."questionnaire_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_sample_plan" ADD CONSTRAINT "round_sample_plan_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "paper_forms" ADD CONSTRAINT "paper_forms_commune_code_localities_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "paper_forms" SET "commune_code" = "locality_code" WHERE "locality_code" IN (SELECT "code" FROM "localities" WHERE "level" = 'commune');--> statement-breakpoint
-- A round stored before rounds covered several provinces and respondent types: its one province, its one (citizens') version.
INSERT INTO "round_provinces" ("round_id", "province_code") SELECT "id", "province_code" FROM "survey_rounds" WHERE "province_code" IS NOT NULL;--> statement-breakpoint
INSERT INTO "round_questionnaires" ("round_id", "respondent_type", "questionnaire_version") SELECT "id", 'citizen', "questionnaire_version" FROM "survey_rounds" WHERE "questionnaire_version" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP COLUMN "province_code";--> statement-breakpoint
ALTER TABLE "survey_rounds" DROP COLUMN "questionnaire_version";--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_level_check" CHECK ("offices"."level" in ('province', 'commune', 'district'));--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_target_check" CHECK ("survey_rounds"."target" is null or ("survey_rounds"."target" >= 0 and "survey_rounds"."target" <= 100));--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_respondent_type_check" CHECK ("responses"."respondent_type" in ('citizen', 'organisation'));