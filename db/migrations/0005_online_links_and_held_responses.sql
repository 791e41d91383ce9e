ALTER TABLE "responses" DROP CONSTRAINT "responses_status_check";--> statement-breakpoint
DROP INDEX "responses_link_fingerprint_idx";--> statement-breakpoint
ALTER TABLE "survey_links" ALTER COLUMN "office_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "rating_band_1" bigint;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "rating_band_2" bigint;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "rating_band_3" bigint;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "rating_band_4" bigint;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "flag_facts" jsonb;--> statement-breakpoint
ALTER TABLE "survey_links" ADD COLUMN "channel" text DEFAULT 'office' NOT NULL;--> statement-breakpoint
CREATE INDEX "responses_link_band_1_idx" ON "responses" USING btree ("link_id","rating_band_1","received_at");--> statement-breakpoint
CREATE INDEX "responses_link_band_2_idx" ON "responses" USING btree ("link_id","rating_band_2","received_at");--> statement-breakpoint
CREATE INDEX "responses_link_band_3_idx" ON "responses" USING btree ("link_id","rating_band_3","received_at");--> statement-breakpoint
CREATE INDEX "responses_link_band_4_idx" ON "responses" USING btree ("link_id","rating_band_4","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_links_online_round_unique" ON "survey_links" USING btree ("round_id") WHERE "survey_links"."office_id" is null;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_status_check" CHECK ("responses"."status" in ('accepted', 'excluded', 'held'));--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_channel_check" CHECK (("survey_links"."channel" = 'office' and "survey_links"."office_id" is not null) or ("survey_links"."channel" = 'online' and "survey_links"."office_id" is null));--> statement-breakpoint
-- Flagged responses nobody has reviewed yet are now held out of the figures until someone does.
UPDATE "responses" SET "status" = 'held' WHERE "status" = 'accepted' AND cardinality("flags") > 0
  AND NOT EXISTS (SELECT FROM "audit_log" a WHERE a."entity" = 'response' AND a."entity_id" = "responses"."id"::text AND a."action" = 'review_response');
