using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;
using LabelErrors.Core.Content;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Study;
using LabelErrors.Data.Json;

namespace LabelErrors.Data.Import;

/// <summary>
/// Reads one study dataset's bundled sources (votes, label arrays, pred_probs, index files, text archives) into rows.
/// Any missing or unreadable file becomes a <see cref="StudySourceException"/> naming it.
/// </summary>
internal sealed class StudyDatasetLoader(BundledAssets assets)
{
    /// <summary>GivenLabel of AudioSet clips whose labels cannot be named (see <see cref="FullTestSet"/>).</summary>
    public const int AudioSetUnnamedLabel = -1;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public LoadedDataset Load(StudyDataset study, CancellationToken cancellationToken)
    {
        var (classNames, records, indexFile) = LoadVotes(study);
        cancellationToken.ThrowIfCancellationRequested();

        var rows = study.HasFullLabelArrays
            ? FullTestSet(study, indexFile, cancellationToken)
            : records.Select(r => new ExampleRow { StudyIndex = r.StudyIndex!.Value, GivenLabel = r.GivenLabel }).ToArray();
        AttachVotes(study, rows, records);
        cancellationToken.ThrowIfCancellationRequested();
        if (study.ContentArchive is not null && study.Modality == StudyModality.Text)
            AttachTexts(study, rows, cancellationToken);

        var validated = rows.Count(r => r.Verdict is { IsValidatedError: true });
        return new LoadedDataset(study, classNames, rows, Table1.Recompute(study, records.Count, validated));
    }

    /// <summary>The mTurk rows with their test-set indices resolved, the class names and the index file (if any).</summary>
    public (IReadOnlyList<string> ClassNames, IReadOnlyList<MturkRecord> Records, List<string>? IndexFile) LoadVotes(StudyDataset study)
    {
        var classNames = Read(StudyCatalogue.ClassNamesFile, s => StudyClassNames.Parse(ReadAll(s)))
            .TryGetValue(study.ClassNamesKey, out var names)
            ? names
            : throw new StudySourceException(StudyCatalogue.ClassNamesFile, $"no class names under \"{study.ClassNamesKey}\"");
        var records = Read(study.MturkFile, s => MturkFileParser.Parse(ReadAll(s), study, names));
        var indexFile = study.IndexFile is null ? null : Read(study.IndexFile, s => JsonSerializer.Deserialize<List<string>>(ReadAll(s)) ?? []);
        if (study.MturkIdKind != MturkIdKind.Index)
            records = ResolveThroughIndexFile(records, indexFile!, study);
        return (names, records, indexFile);
    }

    /// <summary>Reads a bundled .npy of labels or pred_probs, naming the file on failure.</summary>
    public T ReadNpy<T>(string file, Func<Stream, string, T> read) => Read(file, s => read(s, file));

    private static IReadOnlyList<MturkRecord> ResolveThroughIndexFile(IReadOnlyList<MturkRecord> records, List<string> indexFile, StudyDataset study)
    {
        var lookup = new IndexFileLookup(indexFile);
        try
        {
            return records.Select(r => r with { StudyIndex = lookup.Resolve(r, study.MturkIdKind) }).ToList();
        }
        catch (KeyNotFoundException ex)
        {
            throw new StudySourceException(study.MturkFile, ex.Message, ex);
        }
    }

    private ExampleRow[] FullTestSet(StudyDataset study, List<string>? indexFile, CancellationToken cancellationToken)
    {
        ExampleRow[] rows;
        if (study.VoteForm == VoteForm.AudioSetMultiLabel)
        {
            // The released lists hold AudioSet ontology indices (class_labels_indices.csv order: 13 = Children
            // shouting), not classes.json positions, and the team data has no index → name table. So only the checked
            // clips get named labels (from the vote file, see AttachVotes); the others keep AudioSetUnnamedLabel.
            var lists = Read(study.OriginalLabelsFile!, s => PickledLabelLists.Read(s, study.OriginalLabelsFile!));
            rows = new ExampleRow[lists.Length];
            for (var i = 0; i < lists.Length; i++)
                rows[i] = new ExampleRow { StudyIndex = i, GivenLabel = AudioSetUnnamedLabel, GivenLabelCount = lists[i].Length };
        }
        else
        {
            var labels = Read(study.OriginalLabelsFile!, s => Npy.ReadLabels(s, study.OriginalLabelsFile!));
            rows = new ExampleRow[labels.Length];
            for (var i = 0; i < labels.Length; i++)
                rows[i] = new ExampleRow { StudyIndex = i, GivenLabel = labels[i] };
            if (study.PredictedLabelsFile is not null)
            {
                var predicted = Read(study.PredictedLabelsFile, s => Npy.ReadLabels(s, study.PredictedLabelsFile));
                RequireLength(study.PredictedLabelsFile, predicted.Length, rows.Length);
                for (var i = 0; i < rows.Length; i++)
                    rows[i].PredictedLabel = predicted[i];
            }
        }
        cancellationToken.ThrowIfCancellationRequested();

        if (study.PredProbsFile is not null)
            AttachPredictions(study.PredProbsFile, rows);
        if (indexFile is not null)
        {
            RequireLength(study.IndexFile!, indexFile.Count, rows.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                if (study.VoteForm == VoteForm.AudioSetMultiLabel)
                {
                    var clip = ParseClip(study.IndexFile!, indexFile, i);
                    rows[i].ExternalId = clip.VideoId;
                    rows[i].ClipStartSeconds = clip.StartSeconds;
                    rows[i].ClipEndSeconds = clip.EndSeconds;
                }
                else
                {
                    rows[i].ExternalId = study.ContentPathPrefix + indexFile[i];
                }
            }
        }
        return rows;
    }

    private void AttachPredictions(string file, ExampleRow[] rows)
    {
        var probabilities = Read(file, s => Npy.ReadPredProbs(s, file));
        RequireLength(file, probabilities.N, rows.Length);
        Span<double> row = stackalloc double[probabilities.K];
        for (var i = 0; i < rows.Length; i++)
        {
            probabilities.CopyRow(i, row);
            if ((uint)rows[i].GivenLabel >= (uint)row.Length)
                throw new StudySourceException(file, $"row {i}: given label {rows[i].GivenLabel} has no column");
            var summary = PredictionSummary.Of(row, rows[i].GivenLabel);
            rows[i].LabelQuality = summary.SelfConfidence;
            rows[i].NormalizedMargin = summary.NormalizedMargin;
            rows[i].TopPredictionsJson = TopPrediction.ToJson(summary.Top.Select(p => new TopPrediction(p.Label, p.Probability)));
        }
        AttachOutliers(probabilities, rows);
    }

    /// <summary>
    /// Datalab's outlier score and flag from the released pred_probs (OutlierIssues, as for an upload). IMDB's released
    /// pyx has values up to 1.00001, which cleanlab refuses ("Values in pred_probs must be between 0 and 1"), and so
    /// does the core: those rows keep no score.
    /// </summary>
    private static void AttachOutliers(PredProbs probabilities, ExampleRow[] rows)
    {
        var labels = rows.Select(r => r.GivenLabel).ToArray();
        if (labels.Distinct().Take(2).Count() < 2)
            return;
        OutlierIssuesResult outliers;
        try
        {
            outliers = OutlierIssues.Find(labels, probabilities);
        }
        catch (ArgumentException)
        {
            return;
        }
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].OutlierScore = outliers.Scores[i];
            rows[i].IsOutlier = outliers.IsOutlier[i];
        }
    }

    private static void AttachVotes(StudyDataset study, ExampleRow[] rows, IReadOnlyList<MturkRecord> records)
    {
        var byIndex = study.HasFullLabelArrays ? null : rows.ToDictionary(r => r.StudyIndex);
        foreach (var record in records)
        {
            var index = record.StudyIndex!.Value;
            var row = byIndex is null
                ? (index >= 0 && index < rows.Length ? rows[index] : throw new StudySourceException(study.MturkFile, $"id {record.RawId} is outside the test set (0..{rows.Length - 1})"))
                : byIndex[index];
            if (study.VoteForm == VoteForm.AudioSetMultiLabel)
            {
                if (row.GivenLabelCount != record.GivenLabelNames.Count)
                    throw new StudySourceException(study.MturkFile, $"id {record.RawId}: {record.GivenLabelNames.Count} given labels, the label array has {row.GivenLabelCount}");
                row.GivenLabel = record.GivenLabel;
                row.GivenLabelNames = [.. record.GivenLabelNames];
                row.GuessedLabelNames = [.. record.GuessedLabelNames];
            }
            else if (row.GivenLabel != record.GivenLabel)
            {
                throw new StudySourceException(study.MturkFile, $"id {record.RawId}: given label {record.GivenLabel} differs from the label array's {row.GivenLabel}");
            }
            row.Record = record;
            row.GuessedLabel = record.GuessedLabel;
            row.Verdict = ConsensusRule.Judge(record, study.VoteForm);
        }
    }

    private void AttachTexts(StudyDataset study, ExampleRow[] rows, CancellationToken cancellationToken)
    {
        var archive = study.ContentArchive!;
        var wanted = new Dictionary<string, List<ExampleRow>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ExternalId is null)
                continue;
            if (!wanted.TryGetValue(row.ExternalId, out var list))
                wanted[row.ExternalId] = list = [];
            list.Add(row);
        }

        var found = 0;
        Read(archive, stream =>
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            var buffer = new MemoryStream();
            while (tar.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.DataStream is null || !wanted.TryGetValue(entry.Name, out var targets))
                    continue;
                buffer.SetLength(0);
                entry.DataStream.CopyTo(buffer);
                var text = Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                foreach (var row in targets)
                    row.Text = text;
                found++;
            }
            return found;
        }, openCompressed: true);
        if (found != wanted.Count)
        {
            var missing = wanted.Keys.First(name => wanted[name][0].Text is null);
            throw new StudySourceException(archive, $"{wanted.Count - found} of {wanted.Count} indexed files are not in the archive (first: {missing})");
        }
    }

    /// <summary>Texts are UTF-8 (IMDB) or mostly ASCII with some Latin-1 (20news); PostgreSQL text cannot hold NUL.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }
        return text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;
    }

    private static YouTubeClip ParseClip(string file, List<string> links, int index)
    {
        try
        {
            return YouTubeClip.Parse(links[index]);
        }
        catch (FormatException ex)
        {
            throw new StudySourceException(file, $"entry {index}: {ex.Message}", ex);
        }
    }

    private static void RequireLength(string file, int actual, int expected)
    {
        if (actual != expected)
            throw new StudySourceException(file, $"holds {actual} entries, the label array {expected}");
    }

    /// <summary>Opens a bundled file and reads it; any failure names the file. Archives are opened still compressed.</summary>
    private T Read<T>(string file, Func<Stream, T> read, bool openCompressed = false)
    {
        try
        {
            using var stream = openCompressed ? OpenStored(file) : assets.Open(file);
            return read(stream);
        }
        catch (Exception ex) when (ex is not (StudySourceException or OperationCanceledException))
        {
            var reason = ex is FileNotFoundException ? "missing (neither the file nor its .gz is bundled)" : $"unreadable: {ex.Message}";
            throw new StudySourceException(file, reason, ex);
        }
    }

    /// <summary>The .tar.gz archives are stored as they are; reading them raw lets the caller decompress once.</summary>
    private Stream OpenStored(string file)
    {
        var path = Path.Combine(assets.Root, file);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)
            : throw new FileNotFoundException($"{file} not found under {assets.Root}", file);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
