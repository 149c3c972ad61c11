using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The same selection as <see cref="LowestKeys{T}"/> (the <see cref="Capacity"/> lowest (key, position) pairs, ties
/// in the key to the lower position) with amortised O(1) offers: entries are appended to a buffer of twice the
/// capacity, and a full buffer is cut back to the lowest <see cref="Capacity"/> by quickselect. A heap pays a
/// sift of log(capacity) steps on every admitted offer, which dominated prune_by_noise_rate's pass while the
/// bounds were still loose. The result does not depend on the order of the offers, so blocks merge exactly.
/// </summary>
internal sealed class LowestKeysBuffer<T>
    where T : IFloatingPointIeee754<T>
{
    private Entry[] _entries;

    public LowestKeysBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _entries = new Entry[Math.Max(1, Math.Min(capacity, 256))];
    }

    public int Capacity { get; }

    /// <summary>Entries held: at least the selection, possibly more until <see cref="Finish"/>.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Keys below this bound may be part of the selection: +∞ until the buffer is first cut, then the largest key
    /// kept. A key equal to it can only enter with a lower position than that entry, which never happens while
    /// offering in ascending positions (the caller's scan); offers in any order (merges) must not be filtered by it.
    /// </summary>
    public T AdmissionBound { get; private set; } = T.PositiveInfinity;

    public void Offer(T key, int position)
    {
        if (Capacity == 0) return;
        if (Count == _entries.Length)
        {
            if (Count < 2 * Capacity)
            {
                Array.Resize(ref _entries, Math.Min(2 * Capacity, 2 * _entries.Length));
            }
            else
            {
                Cut();
            }
        }

        _entries[Count++] = new Entry(key, position);
    }

    /// <summary>Cuts the buffer to the selection; returns the positions selected (in no particular order).</summary>
    public ReadOnlySpan<int> Finish()
    {
        if (Count > Capacity) Cut();
        var positions = new int[Count];
        for (int e = 0; e < Count; e++) positions[e] = _entries[e].Position;
        return positions;
    }

    /// <summary>Offers every entry held by <paramref name="other"/> (a partial selection over other rows).</summary>
    public void OfferAll(LowestKeysBuffer<T> other)
    {
        for (int e = 0; e < other.Count; e++) Offer(other._entries[e].Key, other._entries[e].Position);
    }

    private void Cut()
    {
        SelectLowest(_entries, Count, Capacity);
        Count = Capacity;
        T largest = _entries[0].Key;
        for (int e = 1; e < Count; e++)
        {
            if (_entries[e].Key > largest) largest = _entries[e].Key;
        }

        AdmissionBound = largest;
    }

    /// <summary>Reorders <paramref name="entries"/>[0..length) so that its first <paramref name="count"/> are the lowest.</summary>
    private static void SelectLowest(Entry[] entries, int length, int count)
    {
        int nth = count - 1;
        int left = 0, right = length - 1;
        int rounds = 0;
        while (right > left)
        {
            if (++rounds > 64)
            {
                // pathological input for median-of-three: finish with a sort
                Array.Sort(entries, left, right - left + 1, EntryComparer.Instance);
                return;
            }

            int mid = left + ((right - left) >> 1);
            if (Less(entries[mid], entries[left])) Swap(entries, mid, left);
            if (Less(entries[right], entries[mid])) Swap(entries, right, mid);
            if (Less(entries[mid], entries[left])) Swap(entries, mid, left);
            var pivot = entries[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (Less(entries[i], pivot)) i++;
                while (Less(pivot, entries[j])) j--;
                if (i <= j)
                {
                    Swap(entries, i, j);
                    i++;
                    j--;
                }
            }

            if (nth <= j) right = j;
            else if (nth >= i) left = i;
            else return;
        }
    }

    private static bool Less(Entry a, Entry b) => a.Key < b.Key || (a.Key == b.Key && a.Position < b.Position);

    private static void Swap(Entry[] entries, int i, int j) => (entries[i], entries[j]) = (entries[j], entries[i]);

    private readonly record struct Entry(T Key, int Position);

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(Entry a, Entry b) => Less(a, b) ? -1 : Less(b, a) ? 1 : 0;
    }
}
