ALTER TABLE "responses" ADD COLUMN "device_hash" text;--> statement-breakpoint
CREATE INDEX "responses_device_received_idx" ON "responses" USING btree ("device_hash","received_at");--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "client_id";