using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The set <c>np.argsort(keys, kind='stable')[:count]</c> without sorting: find the count-th smallest key by
/// quickselect, take every key below it, then the keys equal to it in ascending index order. Used where cleanlab
/// sorts only to cut (prune_by_class, prune_by_noise_rate, low_* filters), since only the set matters there.
/// </summary>
internal static class StableSelection
{
    /// <summary>Sets <paramref name="selected"/>[i] for the <paramref name="count"/> lowest keys (ties: lowest indices).</summary>
    public static void MarkLowest<T>(ReadOnlySpan<T> keys, int count, Span<T> scratch, Span<bool> selected)
        where T : IFloatingPointIeee754<T>
    {
        int n = keys.Length;
        if (count <= 0) return;
        if (count >= n)
        {
            selected[..n].Fill(true);
            return;
        }

        var work = scratch[..n];
        keys.CopyTo(work);
        T pivot = NthSmallest(work, count - 1);
        int below = 0;
        for (int i = 0; i < n; i++)
        {
            if (keys[i] < pivot)
            {
                selected[i] = true;
                below++;
            }
        }

        int equalToTake = count - below;
        for (int i = 0; i < n && equalToTake > 0; i++)
        {
            if (keys[i] == pivot)
            {
                selected[i] = true;
                equalToTake--;
            }
        }
    }

    /// <summary>The value that would be at position <paramref name="nth"/> after sorting (reorders <paramref name="values"/>).</summary>
    internal static T NthSmallest<T>(Span<T> values, int nth)
        where T : IFloatingPointIeee754<T>
    {
        int left = 0, right = values.Length - 1;
        int rounds = 0;
        while (right > left)
        {
            if (++rounds > 64)
            {
                // pathological input for median-of-three: finish with a sort
                values[left..(right + 1)].Sort();
                return values[nth];
            }

            int mid = left + ((right - left) >> 1);
            if (values[mid] < values[left]) Swap(values, mid, left);
            if (values[right] < values[mid]) Swap(values, right, mid);
            if (values[mid] < values[left]) Swap(values, mid, left);
            T pivot = values[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (pivot < values[j]) j--;
                if (i <= j)
                {
                    Swap(values, i, j);
                    i++;
                    j--;
                }
            }

            if (nth <= j) right = j;
            else if (nth >= i) left = i;
            else return values[nth];
        }

        return values[nth];
    }

    private static void Swap<T>(Span<T> values, int i, int j) => (values[i], values[j]) = (values[j], values[i]);
}
