CREATE TABLE "lead_agencies" (
	"province_code" text NOT NULL,
	"index_code" text NOT NULL,
	"lead" text NOT NULL,
	"partners" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_agencies_province_code_index_code_pk" PRIMARY KEY("province_code","index_code")
);
--> statement-breakpoint
CREATE TABLE "plan_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"index_code" text NOT NULL,
	"reasons" text[] NOT NULL,
	"estimate" double precision,
	"target" double precision,
	"previous_round" text,
	"previous_difference" double precision,
	"agency" text NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_entries_round_province_index" UNIQUE("round_id","province_code","index_code"),
	CONSTRAINT "plan_entries_status_check" CHECK ("plan_entries"."status" in ('planned', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "lead_agencies" ADD CONSTRAINT "lead_agencies_province_code_localities_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_agencies" ADD CONSTRAINT "lead_agencies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_province_code_localities_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."localities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;