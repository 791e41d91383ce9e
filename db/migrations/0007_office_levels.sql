ALTER TABLE "offices" ADD COLUMN "level" text DEFAULT 'commune' NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_level_check" CHECK ("offices"."level" in ('province', 'commune', 'district'));--> statement-breakpoint
-- Offices stored before levels existed serve the tier of their locality (a district office sits in a district).
UPDATE "offices" SET "level" = CASE "localities"."level" WHEN 'province' THEN 'province' WHEN 'district' THEN 'district' ELSE 'commune' END FROM "localities" WHERE "localities"."code" = "offices"."locality_code";
