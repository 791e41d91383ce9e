CREATE TABLE "free_text_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "free_text_categories_round_name_unique" UNIQUE("round_id","name_key")
);
--> statement-breakpoint
CREATE TABLE "free_text_tags" (
	"category_id" integer NOT NULL,
	"response_id" uuid NOT NULL,
	"question_code" text NOT NULL,
	"tagged_by" integer,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "free_text_tags_category_id_response_id_question_code_pk" PRIMARY KEY("category_id","response_id","question_code")
);
--> statement-breakpoint
ALTER TABLE "free_text_categories" ADD CONSTRAINT "free_text_categories_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "free_text_tags" ADD CONSTRAINT "free_text_tags_category_id_free_text_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."free_text_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "free_text_tags" ADD CONSTRAINT "free_text_tags_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "free_text_tags" ADD CONSTRAINT "free_text_tags_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "free_text_tags_response_idx" ON "free_text_tags" USING btree ("response_id","question_code");