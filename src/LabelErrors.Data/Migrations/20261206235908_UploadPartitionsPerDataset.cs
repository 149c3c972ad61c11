using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <summary>
    /// <c>examples</c> becomes a table LIST-partitioned by dataset_id (docs/performance.md, "Uploads"), one partition
    /// per dataset. An upload's job loads its rows into a bare table of its own, builds that table's indexes by sorting
    /// (instead of maintaining every index row by row, the save's main cost) and ATTACHes it as the dataset's partition
    /// in the transaction that marks the job succeeded: an upload is all there or not there, one upload's indexes never
    /// slow another's, and deleting it is a DETACH and DROP. Every other dataset (the study's, inserted by the importer)
    /// gets its empty partition when its row is inserted (trigger datasets_create_examples_partition), so the DEFAULT
    /// partition stays empty: an ATTACH must lock and scan it, and an empty one costs nothing and holds nothing a study
    /// page reads. Only rows written by hand for an upload that no job attached land there. PostgreSQL 15 allows no
    /// identity column on a partitioned table: the id takes its default from a sequence. The SQL reads the current
    /// keys, indexes and foreign keys from the catalog, so it keeps whatever the migrations before it declared (their
    /// names stay those of the EF model).
    /// </summary>
    public partial class UploadPartitionsPerDataset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    item record;
                    foreign_keys text[] := '{}';
                    indexes text[] := '{}';
                    statement text;
                BEGIN
                    FOR item IN SELECT conrelid::regclass::text AS referencing, conname, pg_get_constraintdef(oid) AS definition
                                FROM pg_constraint WHERE confrelid = 'examples'::regclass AND contype = 'f' AND conparentid = 0 LOOP
                        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', item.referencing, item.conname);
                        foreign_keys := foreign_keys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', item.referencing, item.conname, item.definition);
                    END LOOP;
                    FOR item IN SELECT pg_get_indexdef(i.indexrelid) AS definition, c.conname, pg_get_constraintdef(c.oid) AS constraint_definition
                                FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                                WHERE i.indrelid = 'examples'::regclass ORDER BY c.conname NULLS LAST LOOP
                        indexes := indexes || CASE WHEN item.conname IS NULL THEN item.definition
                                                   ELSE format('ALTER TABLE examples ADD CONSTRAINT %I %s', item.conname, item.constraint_definition) END;
                    END LOOP;

                    ALTER TABLE examples ALTER COLUMN id DROP IDENTITY IF EXISTS;
                    ALTER TABLE examples RENAME TO examples_unpartitioned;
                    CREATE TABLE examples (LIKE examples_unpartitioned INCLUDING DEFAULTS INCLUDING STORAGE INCLUDING COMMENTS)
                        PARTITION BY LIST (dataset_id);
                    CREATE SEQUENCE examples_id_seq AS bigint OWNED BY examples.id;
                    ALTER TABLE examples ALTER COLUMN id SET DEFAULT nextval('examples_id_seq');
                    PERFORM setval('examples_id_seq', COALESCE((SELECT max(id) FROM examples_unpartitioned), 0) + 1, false);
                    CREATE TABLE examples_default PARTITION OF examples DEFAULT;
                    -- Every dataset gets its own partition (an upload without rows gets it from its job).
                    FOR item IN SELECT id FROM datasets WHERE NOT is_upload OR EXISTS (SELECT 1 FROM examples_unpartitioned e WHERE e.dataset_id = datasets.id) LOOP
                        EXECUTE format('CREATE TABLE %I PARTITION OF examples FOR VALUES IN (%s)', 'examples_' || item.id, item.id);
                    END LOOP;
                    INSERT INTO examples SELECT * FROM examples_unpartitioned;
                    DROP TABLE examples_unpartitioned;

                    FOREACH statement IN ARRAY indexes LOOP EXECUTE statement; END LOOP;
                    FOREACH statement IN ARRAY foreign_keys LOOP EXECUTE statement; END LOOP;
                END $$;

                CREATE TRIGGER examples_insert_check_datasets AFTER INSERT ON examples
                    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION examples_check_datasets();
                -- Moving a row to another dataset moves it to another partition, which PostgreSQL does by a delete and an
                -- insert that fire no AFTER UPDATE row trigger: the check runs BEFORE the update (it returns the row as is).
                CREATE OR REPLACE FUNCTION examples_check_moved_dataset() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM 1 FROM datasets WHERE id = NEW.dataset_id FOR KEY SHARE;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'update on table "examples" violates its reference to "datasets"'
                            USING ERRCODE = 'foreign_key_violation',
                                  DETAIL = 'Key (dataset_id)=(' || NEW.dataset_id || ') is not present in table "datasets".';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER examples_update_check_dataset BEFORE UPDATE OF dataset_id ON examples
                    FOR EACH ROW WHEN (OLD.dataset_id IS DISTINCT FROM NEW.dataset_id) EXECUTE FUNCTION examples_check_moved_dataset();

                -- A new study dataset's partition: created bare with a CHECK constraint that states its bound, then ATTACHed
                -- (a SHARE UPDATE EXCLUSIVE lock on examples, which readers never wait for; CREATE TABLE … PARTITION OF
                -- would take an ACCESS EXCLUSIVE one). Uploads get theirs from their job.
                CREATE FUNCTION datasets_create_examples_partition() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    EXECUTE format('CREATE TABLE %I (LIKE examples INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CONSTRAINT %I CHECK (dataset_id IS NOT NULL AND dataset_id = %s))',
                                   'examples_' || NEW.id, 'examples_' || NEW.id || '_dataset', NEW.id);
                    EXECUTE format('ALTER TABLE examples ATTACH PARTITION %I FOR VALUES IN (%s)', 'examples_' || NEW.id, NEW.id);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER datasets_create_examples_partition AFTER INSERT ON datasets
                    FOR EACH ROW WHEN (NOT NEW.is_upload) EXECUTE FUNCTION datasets_create_examples_partition();

                -- A deleted dataset's own partition (an upload's, attached or still being loaded) goes whole: the rows that
                -- reference it first (DETACH checks that none is left), then DETACH and DROP; rows in the default partition
                -- are deleted as before. The DETACH holds an ACCESS EXCLUSIVE lock on examples until the commit, and while it
                -- waits for a long reader every new reader queues behind it: it waits at most 200 ms a try, so readers stall
                -- no longer than that, and tries again after a pause (the last try waits as long as it takes).
                -- (DETACH … CONCURRENTLY would not lock readers out at all, but PostgreSQL refuses it while a DEFAULT
                -- partition exists, and cannot run inside the deleting transaction.)
                CREATE OR REPLACE FUNCTION datasets_delete_examples() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    dataset record;
                    part record;
                    referencing record;
                    lock_wait text := current_setting('lock_timeout');
                    own boolean;
                BEGIN
                    FOR dataset IN SELECT id FROM removed LOOP
                        own := false;
                        FOR part IN SELECT c.oid::regclass AS name, EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) AS attached
                                    FROM pg_class c
                                    WHERE c.relkind = 'r' AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'examples'::regclass)
                                      AND (c.relname = 'examples_' || dataset.id OR c.relname LIKE 'examples\_' || dataset.id || '\_staging\_%') LOOP
                            IF part.attached THEN
                                own := true;
                                FOR referencing IN SELECT conrelid::regclass AS name FROM pg_constraint
                                                   WHERE confrelid = 'examples'::regclass AND contype = 'f' AND conparentid = 0 LOOP
                                    EXECUTE format('DELETE FROM %s WHERE dataset_id = $1', referencing.name) USING dataset.id;
                                END LOOP;
                                FOR attempt IN 1..20 LOOP
                                    BEGIN
                                        PERFORM set_config('lock_timeout', CASE WHEN attempt < 20 THEN '200ms' ELSE lock_wait END, true);
                                        EXECUTE format('ALTER TABLE examples DETACH PARTITION %s', part.name);
                                        EXIT;
                                    EXCEPTION WHEN lock_not_available THEN
                                        PERFORM pg_sleep(0.05 * attempt);
                                    END;
                                END LOOP;
                                PERFORM set_config('lock_timeout', lock_wait, true);
                            END IF;
                            EXECUTE format('DROP TABLE %s', part.name);
                        END LOOP;
                        -- Its rows in the default partition (a value bound to the plan, so only that partition is read).
                        IF NOT own THEN
                            EXECUTE 'DELETE FROM examples WHERE dataset_id = $1' USING dataset.id;
                        END IF;
                    END LOOP;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER datasets_create_examples_partition ON datasets;
                DROP FUNCTION datasets_create_examples_partition();
                CREATE OR REPLACE FUNCTION datasets_delete_examples() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM examples WHERE dataset_id IN (SELECT id FROM removed);
                    RETURN NULL;
                END $$;

                DO $$
                DECLARE
                    item record;
                    foreign_keys text[] := '{}';
                    indexes text[] := '{}';
                    statement text;
                BEGIN
                    FOR item IN SELECT conrelid::regclass::text AS referencing, conname, pg_get_constraintdef(oid) AS definition
                                FROM pg_constraint WHERE confrelid = 'examples'::regclass AND contype = 'f' AND conparentid = 0 LOOP
                        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', item.referencing, item.conname);
                        foreign_keys := foreign_keys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', item.referencing, item.conname, item.definition);
                    END LOOP;
                    FOR item IN SELECT pg_get_indexdef(i.indexrelid) AS definition, c.conname, pg_get_constraintdef(c.oid) AS constraint_definition
                                FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                                WHERE i.indrelid = 'examples'::regclass ORDER BY c.conname NULLS LAST LOOP
                        indexes := indexes || CASE WHEN item.conname IS NULL THEN replace(item.definition, ' ON ONLY ', ' ON ')
                                                   ELSE format('ALTER TABLE examples ADD CONSTRAINT %I %s', item.conname, item.constraint_definition) END;
                    END LOOP;
                    ALTER TABLE examples RENAME TO examples_partitioned;
                    CREATE TABLE examples (LIKE examples_partitioned INCLUDING STORAGE INCLUDING COMMENTS);
                    INSERT INTO examples SELECT * FROM examples_partitioned;
                    DROP TABLE examples_partitioned CASCADE;
                    ALTER TABLE examples ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
                    PERFORM setval(pg_get_serial_sequence('examples', 'id'), COALESCE((SELECT max(id) FROM examples), 0) + 1, false);
                    FOREACH statement IN ARRAY indexes LOOP EXECUTE statement; END LOOP;
                    FOREACH statement IN ARRAY foreign_keys LOOP EXECUTE statement; END LOOP;
                END $$;

                CREATE TRIGGER examples_insert_check_datasets AFTER INSERT ON examples
                    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION examples_check_datasets();
                CREATE TRIGGER examples_update_check_dataset AFTER UPDATE OF dataset_id ON examples
                    FOR EACH ROW WHEN (OLD.dataset_id IS DISTINCT FROM NEW.dataset_id) EXECUTE FUNCTION examples_check_moved_dataset();
                """);
        }
    }
}
