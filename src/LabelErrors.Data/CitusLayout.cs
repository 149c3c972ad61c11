namespace LabelErrors.Data;

/// <summary>
/// How the schema maps onto Citus (distributed PostgreSQL, docs/scale-out.md): which tables are distributed by
/// dataset (co-located with <c>examples</c>, so every join of an example to its votes, texts and decisions stays on
/// one node), which small tables are replicated to every node, and which stay on the coordinator. Tests check that
/// the EF model keeps to it (every key and foreign key of a distributed table includes <see cref="DistributionColumn"/>)
/// and that the documentation quotes <see cref="ConversionScript"/> as it is.
/// </summary>
public static class CitusLayout
{
    public const string DistributionColumn = "dataset_id";

    /// <summary>Distributed by <see cref="DistributionColumn"/>, <c>examples</c> first (the others are co-located with it).</summary>
    public static IReadOnlyList<string> DistributedTables { get; } =
        ["examples", "classes", "example_texts", "mturk_votes", "visitor_tallies", "visitor_votes", "correction_reports", "review_decisions", "example_class_labels", "example_annotations", "upload_annotators"];

    /// <summary>Small tables every node holds a copy of (distributed tables may reference them).</summary>
    public static IReadOnlyList<string> ReferenceTables { get; } = ["datasets", "dataset_imports", "data_protection_keys"];

    /// <summary>
    /// Tables kept on the coordinator only (Citus "local" tables in its metadata, so they may reference the reference
    /// tables): the job queue, whose SKIP LOCKED claims and heartbeats are single-node writes there.
    /// </summary>
    public static IReadOnlyList<string> CoordinatorTables { get; } = ["analysis_jobs"];

    /// <summary>Foreign keys that Citus refuses while a table is converted: dropped first, declared again last.</summary>
    private static readonly (string Table, string Name, string Definition)[] ForeignKeys =
    [
        ("example_texts", "fk_example_texts_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("mturk_votes", "fk_mturk_votes_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("visitor_tallies", "fk_visitor_tallies_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("visitor_votes", "fk_visitor_votes_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("correction_reports", "fk_correction_reports_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("review_decisions", "fk_review_decisions_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("example_class_labels", "fk_example_class_labels_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
        ("example_annotations", "fk_example_annotations_examples_dataset_id_example_id", "FOREIGN KEY (dataset_id, example_id) REFERENCES examples (dataset_id, id) ON DELETE CASCADE"),
    ];

    /// <summary>
    /// The statements that turn a migrated single-node database into a distributed one, in order, run on the
    /// coordinator once the workers are added (docs/scale-out.md). The statement-level triggers that stand in for
    /// the examples → datasets foreign key (migration ExampleDatasetTriggers) become a declared foreign key to the
    /// reference table, which Citus checks on the worker holding the row.
    /// </summary>
    public static IReadOnlyList<string> ConversionScript()
    {
        var script = new List<string>();
        foreach (var (table, name, _) in ForeignKeys) script.Add($"ALTER TABLE {table} DROP CONSTRAINT {name};");
        script.Add("DROP TRIGGER examples_insert_check_datasets ON examples;");
        script.Add("DROP TRIGGER examples_update_check_dataset ON examples;");
        script.Add("DROP TRIGGER datasets_delete_examples ON datasets;");
        script.Add("DROP TRIGGER datasets_keep_referenced_id ON datasets;");
        // Citus creates a distributed partitioned table's partitions itself: the per-dataset one goes with the triggers.
        script.Add("DROP TRIGGER datasets_create_examples_partition ON datasets;");
        foreach (var table in ReferenceTables) script.Add($"SELECT create_reference_table('{table}');");
        foreach (var table in CoordinatorTables) script.Add($"SELECT citus_add_local_table_to_metadata('{table}');");
        script.Add($"SELECT create_distributed_table('{DistributedTables[0]}', '{DistributionColumn}');");
        foreach (var table in DistributedTables.Skip(1))
            script.Add($"SELECT create_distributed_table('{table}', '{DistributionColumn}', colocate_with => '{DistributedTables[0]}');");
        script.Add("ALTER TABLE examples ADD CONSTRAINT fk_examples_datasets_dataset_id FOREIGN KEY (dataset_id) REFERENCES datasets (id) ON DELETE CASCADE;");
        foreach (var (table, name, definition) in ForeignKeys) script.Add($"ALTER TABLE {table} ADD CONSTRAINT {name} {definition};");
        return script;
    }
}
