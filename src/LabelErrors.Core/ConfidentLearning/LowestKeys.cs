using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Keeps the <see cref="Capacity"/> lowest (key, position) pairs offered — ties in the key go to the lower
/// position: the same set as <c>np.argsort(keys, kind='stable')[:capacity]</c>, found in one streaming pass with
/// a bounded max-heap. The result does not depend on the order of the offers, so partial selections of row
/// blocks can be merged exactly.
/// </summary>
internal sealed class LowestKeys<T>
    where T : IFloatingPointIeee754<T>
{
    // grown on demand up to the capacity: a streaming worker's heaps are sized for the whole selection but most
    // receive a small part of it (the rest comes from the other workers or the summaries)
    private T[] _keys = [];
    private int[] _positions = [];

    public LowestKeys(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>
    /// Keys below this bound may enter; a key equal to it may enter only with a lower position than the current
    /// worst entry (never the case while offering in ascending positions). +∞ while not full, −∞ when the capacity is 0.
    /// </summary>
    public T AdmissionBound => Capacity == 0 ? T.NegativeInfinity : Count < Capacity ? T.PositiveInfinity : _keys[0];

    public ReadOnlySpan<int> Positions => _positions.AsSpan(0, Count);

    /// <summary>Keys of the kept entries, in the same (heap) order as <see cref="Positions"/>.</summary>
    public ReadOnlySpan<T> Keys => _keys.AsSpan(0, Count);

    /// <summary>Offers a key at a position (positions are unique).</summary>
    public void Offer(T key, int position)
    {
        if (Count < Capacity)
        {
            if (Count == _keys.Length) Grow();
            int i = Count++;
            // sift up: larger (key, position) towards the root
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!Greater(key, position, _keys[parent], _positions[parent])) break;
                _keys[i] = _keys[parent];
                _positions[i] = _positions[parent];
                i = parent;
            }

            _keys[i] = key;
            _positions[i] = position;
            return;
        }

        if (Capacity == 0 || !Greater(_keys[0], _positions[0], key, position)) return;
        SiftDownFromRoot(key, position);
    }

    private void Grow()
    {
        int length = (int)Math.Min(Capacity, Math.Max(16L, 2L * _keys.Length));
        Array.Resize(ref _keys, length);
        Array.Resize(ref _positions, length);
    }

    private void SiftDownFromRoot(T key, int position)
    {
        int i = 0;
        int n = Count;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && Greater(_keys[child + 1], _positions[child + 1], _keys[child], _positions[child])) child++;
            if (!Greater(_keys[child], _positions[child], key, position)) break;
            _keys[i] = _keys[child];
            _positions[i] = _positions[child];
            i = child;
        }

        _keys[i] = key;
        _positions[i] = position;
    }

    private static bool Greater(T keyA, int positionA, T keyB, int positionB) =>
        keyA > keyB || (keyA == keyB && positionA > positionB);
}
