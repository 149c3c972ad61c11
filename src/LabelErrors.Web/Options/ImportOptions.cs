namespace LabelErrors.Web.Options;

/// <summary>The study import at start (section <c>Import</c>; environment <c>Import__OnStart=true</c>, set by ./run.sh).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Import the study's ten test sets in the background after start (off by default: tests stay fast).</summary>
    public bool OnStart { get; set; }

    /// <summary>
    /// The folder holding the bundled study data (<c>wwwroot-assets</c>); empty: the nearest <c>wwwroot-assets</c>
    /// above the app's binaries or its content root.
    /// </summary>
    public string? AssetsRoot { get; set; }

    /// <summary>Only these dataset slugs (empty: all ten). For development and tests.</summary>
    public string[] Datasets { get; set; } = [];
}
