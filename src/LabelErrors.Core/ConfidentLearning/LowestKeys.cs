using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Keeps the <see cref="Capacity"/> lowest keys offered in ascending position order, with ties going to the
/// lower position: the same set as <c>np.argsort(keys, kind='stable')[:capacity]</c>, found in one streaming
/// pass with a bounded max-heap. A key equal to the current worst is rejected because it comes later.
/// </summary>
internal sealed class LowestKeys<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T[] _keys;
    private readonly int[] _positions;

    public LowestKeys(int capacity)
    {
        Capacity = capacity;
        _keys = new T[capacity];
        _positions = new int[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Keys below this bound may enter; +∞ while not full, −∞ when the capacity is 0.</summary>
    public T AdmissionBound => Capacity == 0 ? T.NegativeInfinity : Count < Capacity ? T.PositiveInfinity : _keys[0];

    public ReadOnlySpan<int> Positions => _positions.AsSpan(0, Count);

    /// <summary>Keys of the kept entries, in the same (heap) order as <see cref="Positions"/>.</summary>
    public ReadOnlySpan<T> Keys => _keys.AsSpan(0, Count);

    /// <summary>Offers a key; positions must be offered in ascending order.</summary>
    public void Offer(T key, int position)
    {
        if (Count < Capacity)
        {
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

        if (Capacity == 0 || !(key < _keys[0])) return;
        SiftDownFromRoot(key, position);
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
