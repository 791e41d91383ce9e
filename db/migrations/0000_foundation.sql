CREATE TABLE "localities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "localities_level_check" CHECK ("localities"."level" in ('province', 'district', 'commune', 'village')),
	CONSTRAINT "localities_validity_check" CHECK ("localities"."valid_to" is null or "localities"."valid_to" >= "localities"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "locality_mappings" (
	"old_code" text NOT NULL,
	"new_code" text NOT NULL,
	"effective_from" date NOT NULL,
	CONSTRAINT "locality_mappings_old_code_new_code_pk" PRIMARY KEY("old_code","new_code")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_items" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"element" text NOT NULL,
	"part" text NOT NULL,
	CONSTRAINT "questionnaire_items_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"locality_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "offices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"questionnaire_version" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_rounds_code_unique" UNIQUE("code"),
	CONSTRAINT "survey_rounds_status_check" CHECK ("survey_rounds"."status" in ('draft', 'open', 'closed', 'published')),
	CONSTRAINT "survey_rounds_period_check" CHECK ("survey_rounds"."period_end" >= "survey_rounds"."period_start")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"questionnaire_version" text NOT NULL,
	"channel" text NOT NULL,
	"office_id" integer,
	"province_code" text NOT NULL,
	"district_code" text,
	"commune_code" text,
	"profile" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"ratings" smallint[] NOT NULL,
	"content_hash" text NOT NULL,
	"link_id" integer,
	"client_id" text,
	"answers_fingerprint" text NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responses_channel_check" CHECK ("responses"."channel" in ('office', 'paper', 'online')),
	CONSTRAINT "responses_status_check" CHECK ("responses"."status" in ('accepted', 'excluded'))
);
--> statement-breakpoint
CREATE TABLE "installation_facts" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"office_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "survey_links_token_unique" UNIQUE("token"),
	CONSTRAINT "survey_links_office_round_unique" UNIQUE("office_id","round_id")
);
--> statement-breakpoint
ALTER TABLE "locality_mappings" ADD CONSTRAINT "locality_mappings_old_code_localities_code_fk" FOREIGN KEY ("old_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_mappings" ADD CONSTRAINT "locality_mappings_new_code_localities_code_fk" FOREIGN KEY ("new_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_items" ADD CONSTRAINT "questionnaire_items_version_questionnaire_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."questionnaire_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_locality_code_localities_code_fk" FOREIGN KEY ("locality_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_province_code_localities_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_questionnaire_version_questionnaire_versions_version_fk" FOREIGN KEY ("questionnaire_version") REFERENCES "public"."questionnaire_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_questionnaire_version_questionnaire_versions_version_fk" FOREIGN KEY ("questionnaire_version") REFERENCES "public"."questionnaire_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_province_code_localities_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_district_code_localities_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_commune_code_localities_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_link_id_survey_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."survey_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "localities_parent_idx" ON "localities" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "locality_mappings_new_idx" ON "locality_mappings" USING btree ("new_code");--> statement-breakpoint
CREATE INDEX "offices_locality_idx" ON "offices" USING btree ("locality_code");--> statement-breakpoint
CREATE INDEX "responses_round_idx" ON "responses" USING btree ("round_id","district_code");--> statement-breakpoint
CREATE INDEX "responses_office_idx" ON "responses" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "responses_link_fingerprint_idx" ON "responses" USING btree ("link_id","answers_fingerprint");--> statement-breakpoint
CREATE INDEX "survey_links_round_idx" ON "survey_links" USING btree ("round_id");