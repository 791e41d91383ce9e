-- The results cache (server/domain/results/results-cache.ts) keys a round's figures by a data
-- version: the number of committed changes to what can move them. Every statement that writes a
-- watched table adds a row per round it touched (0: a change that can move every round's figures),
-- in the writer's own transaction, so the version is exactly as visible as the change. Writers only
-- ever insert here (no shared row to wait on); now and then one folds the rows into per-round totals,
-- which leaves every version as it was (db/queries/data-version.ts reads totals + rows).
CREATE TABLE "results_data_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "results_data_changes_round_idx" ON "results_data_changes" USING btree ("round_id");
--> statement-breakpoint
CREATE TABLE "results_data_versions" (
	"round_id" integer PRIMARY KEY NOT NULL,
	"changes" bigint NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "results_data_fold"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Rows another fold holds are left to it (SKIP LOCKED): folds never wait on one another.
  WITH gone AS (
    DELETE FROM results_data_changes WHERE id IN (SELECT id FROM results_data_changes FOR UPDATE SKIP LOCKED) RETURNING round_id
  ), summed AS (
    SELECT round_id, count(*) AS n FROM gone GROUP BY round_id ORDER BY round_id
  )
  INSERT INTO results_data_versions (round_id, changes) SELECT round_id, n FROM summed
  ON CONFLICT (round_id) DO UPDATE SET changes = results_data_versions.changes + excluded.changes;
END;
$$;
--> statement-breakpoint
-- TG_ARGV[0]: the column holding the round's id, or 0 for a table that can move every round's
-- figures. A statement that changes no row logs nothing (a TRUNCATE always logs).
CREATE FUNCTION "results_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  logged bigint;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO results_data_changes (round_id) VALUES (0);
  ELSIF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO results_data_changes (round_id) SELECT DISTINCT %s FROM new_rows', TG_ARGV[0]);
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format('INSERT INTO results_data_changes (round_id) SELECT %1$s FROM old_rows UNION SELECT %1$s FROM new_rows', TG_ARGV[0]);
  ELSE
    EXECUTE format('INSERT INTO results_data_changes (round_id) SELECT DISTINCT %s FROM old_rows', TG_ARGV[0]);
  END IF;
  GET DIAGNOSTICS logged = ROW_COUNT;
  -- Folded now and then, and only by a statement that logged a change (one that changed nothing leaves every table as it was).
  IF logged > 0 AND random() < 0.002 THEN
    PERFORM results_data_fold();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "responses_results_insert" AFTER INSERT ON "responses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "responses_results_update" AFTER UPDATE ON "responses" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "responses_results_delete" AFTER DELETE ON "responses" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "responses_results_truncate" AFTER TRUNCATE ON "responses" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "survey_rounds_results_insert" AFTER INSERT ON "survey_rounds" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('id');
--> statement-breakpoint
CREATE TRIGGER "survey_rounds_results_update" AFTER UPDATE ON "survey_rounds" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('id');
--> statement-breakpoint
CREATE TRIGGER "survey_rounds_results_delete" AFTER DELETE ON "survey_rounds" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('id');
--> statement-breakpoint
CREATE TRIGGER "survey_rounds_results_truncate" AFTER TRUNCATE ON "survey_rounds" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "round_provinces_results_insert" AFTER INSERT ON "round_provinces" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_provinces_results_update" AFTER UPDATE ON "round_provinces" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_provinces_results_delete" AFTER DELETE ON "round_provinces" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_provinces_results_truncate" AFTER TRUNCATE ON "round_provinces" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "round_questionnaires_results_insert" AFTER INSERT ON "round_questionnaires" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_questionnaires_results_update" AFTER UPDATE ON "round_questionnaires" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_questionnaires_results_delete" AFTER DELETE ON "round_questionnaires" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_questionnaires_results_truncate" AFTER TRUNCATE ON "round_questionnaires" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "round_frames_results_insert" AFTER INSERT ON "round_frames" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_frames_results_update" AFTER UPDATE ON "round_frames" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_frames_results_delete" AFTER DELETE ON "round_frames" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('round_id');
--> statement-breakpoint
CREATE TRIGGER "round_frames_results_truncate" AFTER TRUNCATE ON "round_frames" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "questionnaire_versions_results_insert" AFTER INSERT ON "questionnaire_versions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "questionnaire_versions_results_update" AFTER UPDATE ON "questionnaire_versions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "questionnaire_versions_results_delete" AFTER DELETE ON "questionnaire_versions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "questionnaire_versions_results_truncate" AFTER TRUNCATE ON "questionnaire_versions" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "questionnaire_items_results_insert" AFTER INSERT ON "questionnaire_items" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "questionnaire_items_results_update" AFTER UPDATE ON "questionnaire_items" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "questionnaire_items_results_delete" AFTER DELETE ON "questionnaire_items" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "questionnaire_items_results_truncate" AFTER TRUNCATE ON "questionnaire_items" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "offices_results_insert" AFTER INSERT ON "offices" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "offices_results_update" AFTER UPDATE ON "offices" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "offices_results_delete" AFTER DELETE ON "offices" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "offices_results_truncate" AFTER TRUNCATE ON "offices" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "localities_results_insert" AFTER INSERT ON "localities" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "localities_results_update" AFTER UPDATE ON "localities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "localities_results_delete" AFTER DELETE ON "localities" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "localities_results_truncate" AFTER TRUNCATE ON "localities" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
--> statement-breakpoint
CREATE TRIGGER "locality_mappings_results_insert" AFTER INSERT ON "locality_mappings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "locality_mappings_results_update" AFTER UPDATE ON "locality_mappings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "locality_mappings_results_delete" AFTER DELETE ON "locality_mappings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed('0');
--> statement-breakpoint
CREATE TRIGGER "locality_mappings_results_truncate" AFTER TRUNCATE ON "locality_mappings" FOR EACH STATEMENT EXECUTE FUNCTION results_data_changed();
