CREATE TABLE "round_frames" (
	"round_id" integer NOT NULL,
	"stratum" text NOT NULL,
	"population" double precision NOT NULL,
	CONSTRAINT "round_frames_round_id_stratum_pk" PRIMARY KEY("round_id","stratum"),
	CONSTRAINT "round_frames_population_check" CHECK ("round_frames"."population" > 0)
);
--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "answer_bits" "bytea";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "can_read_comments" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "round_frames" ADD CONSTRAINT "round_frames_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responses_without_bits_idx" ON "responses" USING btree ("questionnaire_version") WHERE "responses"."answer_bits" is null;--> statement-breakpoint
UPDATE "survey_rounds" SET "demo" = true WHERE "code" = 'DN-2025-H1' AND "name" LIKE '%(dữ liệu mẫu)%';