using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The documented tie rule of this port: every <c>np.argsort</c> of cleanlab is made stable
/// (<c>kind='stable'</c>): equal values keep ascending index order. Where cleanlab reverses an ascending
/// argsort (<c>np.argsort(x)[::-1]</c>) the result is the exact reverse of the stable ascending order,
/// so ties then come in descending index order. Inputs are finite (NaN is refused earlier).
/// </summary>
internal static class StableOrder
{
    /// <summary>Same as <c>np.argsort(keys, kind='stable')</c>.</summary>
    public static int[] Ascending<T>(ReadOnlySpan<T> keys)
        where T : IFloatingPointIeee754<T>
    {
        var pairs = new KeyIndex<T>[keys.Length];
        for (int i = 0; i < pairs.Length; i++) pairs[i] = new KeyIndex<T>(keys[i], i);
        Array.Sort(pairs);
        var order = new int[pairs.Length];
        for (int i = 0; i < order.Length; i++) order[i] = pairs[i].Index;
        return order;
    }

    /// <summary>Same as <c>np.argsort(keys, kind='stable')[:count]</c>.</summary>
    public static int[] LowestAscending<T>(ReadOnlySpan<T> keys, int count)
        where T : IFloatingPointIeee754<T>
    {
        count = Math.Clamp(count, 0, keys.Length);
        if (count == 0) return [];
        var all = Ascending(keys);
        return count == all.Length ? all : all.AsSpan(0, count).ToArray();
    }

    /// <summary>Same as <c>np.argsort(keys, kind='stable')[::-1]</c>: descending keys, ties in descending index order.</summary>
    public static int[] ReversedAscending<T>(ReadOnlySpan<T> keys)
        where T : IFloatingPointIeee754<T>
    {
        var order = Ascending(keys);
        Array.Reverse(order);
        return order;
    }

    private readonly record struct KeyIndex<T>(T Key, int Index) : IComparable<KeyIndex<T>>
        where T : IFloatingPointIeee754<T>
    {
        public int CompareTo(KeyIndex<T> other)
        {
            int c = Key.CompareTo(other.Key);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
