namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// The given labels of a multi-label dataset: per example a set of class ids (possibly empty), stored compactly
/// (one array of ids and one of row offsets). Duplicate ids in a row count once, as scikit-learn's
/// <c>MultiLabelBinarizer</c> (which cleanlab uses) does.
/// </summary>
public sealed class MultiLabels
{
    private readonly int[] _offsets;
    private readonly int[] _ids;

    private MultiLabels(int[] offsets, int[] ids)
    {
        _offsets = offsets;
        _ids = ids;
    }

    /// <summary>Number of examples.</summary>
    public int Count => _offsets.Length - 1;

    /// <summary>The class ids of example <paramref name="index"/>, ascending, without duplicates.</summary>
    public ReadOnlySpan<int> this[int index] => _ids.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Builds the labels from one list of class ids per example; ids must not be negative.</summary>
    public static MultiLabels From(IEnumerable<IEnumerable<int>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var offsets = new List<int> { 0 };
        var ids = new List<int>();
        int row = 0;
        foreach (var labels in rows)
        {
            ArgumentNullException.ThrowIfNull(labels);
            int start = ids.Count;
            foreach (int id in labels)
            {
                if (id < 0) throw new ArgumentException($"Class ids must not be negative (example {row} has {id}).", nameof(rows));
                ids.Add(id);
            }

            ids.Sort(start, ids.Count - start, Comparer<int>.Default);
            int end = start;
            for (int i = start; i < ids.Count; i++)
            {
                if (i == start || ids[i] != ids[end - 1]) ids[end++] = ids[i];
            }

            ids.RemoveRange(end, ids.Count - end);
            offsets.Add(ids.Count);
            row++;
        }

        return new MultiLabels([.. offsets], [.. ids]);
    }

    /// <summary>
    /// <see cref="From"/> for rows already in arrays (a file's rows): one pass without enumerators, rows that are
    /// already ascending and duplicate-free (the usual case) are copied as they are.
    /// </summary>
    public static MultiLabels FromArrays(int[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long total = 0;
        foreach (var row in rows) total += (row ?? throw new ArgumentNullException(nameof(rows))).Length;
        var offsets = new int[rows.Length + 1];
        var ids = new int[total];
        int end = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            int start = end;
            bool ascending = true;
            for (int j = 0; j < row.Length; j++)
            {
                int id = row[j];
                if (id < 0) throw new ArgumentException($"Class ids must not be negative (example {r} has {id}).", nameof(rows));
                if (j > 0 && id <= row[j - 1]) ascending = false;
                ids[end++] = id;
            }

            if (!ascending)
            {
                var span = ids.AsSpan(start, end - start);
                span.Sort();
                int unique = 0;
                for (int j = 0; j < span.Length; j++)
                {
                    if (j == 0 || span[j] != span[unique - 1]) span[unique++] = span[j];
                }

                end = start + unique;
            }

            offsets[r + 1] = end;
        }

        return new MultiLabels(offsets, end == ids.Length ? ids : ids[..end]);
    }

    /// <summary>The largest class id of any example, or −1 when every example has no label.</summary>
    public int MaxClass()
    {
        int max = -1;
        foreach (int id in _ids) max = Math.Max(max, id);
        return max;
    }

    /// <summary>Total number of (example, class) labels.</summary>
    public int LabelCount => _ids.Length;

    /// <summary>
    /// The one-vs-rest labels of every class at once: for each class, the examples that have it, ascending
    /// (cleanlab's one-hot matrix <c>int2onehot(labels, K)</c> stored by column).
    /// </summary>
    internal int[][] ExamplesByClass(int k)
    {
        var counts = new int[k];
        foreach (int id in _ids) counts[id]++;
        var byClass = new int[k][];
        for (int c = 0; c < k; c++) byClass[c] = new int[counts[c]];
        Array.Clear(counts);
        for (int i = 0; i < Count; i++)
        {
            foreach (int id in this[i]) byClass[id][counts[id]++] = i;
        }

        return byClass;
    }
}
