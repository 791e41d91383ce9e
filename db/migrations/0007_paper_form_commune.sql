ALTER TABLE "paper_forms" ADD COLUMN "commune_code" text;--> statement-breakpoint
ALTER TABLE "paper_forms" ADD CONSTRAINT "paper_forms_commune_code_localities_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "paper_forms" SET "commune_code" = "locality_code" WHERE "locality_code" IN (SELECT "code" FROM "localities" WHERE "level" = 'commune');
