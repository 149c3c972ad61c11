namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// numpy 1.24's default (unstable) <c>ndarray.argsort(kind='quicksort')</c> for float64: introsort with
/// median-of-three partitioning, insertion sort for partitions of at most 16 elements and heapsort past the depth limit.
/// cleanlab's dataset summaries are ordered by pandas <c>sort_values</c>, which calls this (the stable-argsort
/// reference run does not patch it), so equal values (e.g. the many zero joint probabilities) come out in
/// this algorithm's order, which is reproduced exactly here.
/// </summary>
internal static class NumpyQuicksort
{
    private const int SmallQuicksort = 15;

    /// <summary><c>np.asarray(v).argsort()</c> (default kind) for finite float64 values.</summary>
    public static int[] ArgSort(ReadOnlySpan<double> values)
    {
        var v = values.ToArray();
        var tosort = new int[v.Length];
        for (int i = 0; i < tosort.Length; i++) tosort[i] = i;
        if (v.Length > 1) AQuicksort(v, tosort);
        return tosort;
    }

    /// <summary>
    /// pandas 1.5 <c>nargsort(items, kind='quicksort', ascending=False)</c> without NaN: reverse the items,
    /// argsort them ascending, map back and reverse again.
    /// </summary>
    public static int[] PandasDescending(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var reversed = new double[n];
        for (int i = 0; i < n; i++) reversed[i] = values[n - 1 - i];
        var order = ArgSort(reversed);
        var indexer = new int[n];
        for (int i = 0; i < n; i++) indexer[i] = n - 1 - order[i];
        Array.Reverse(indexer);
        return indexer;
    }

    private static bool Less(double a, double b) => a < b || (double.IsNaN(b) && !double.IsNaN(a));

    private static void AQuicksort(double[] v, int[] tosort)
    {
        int num = tosort.Length;
        int pl = 0;
        int pr = num - 1;
        var stack = new Stack<(int Left, int Right, int Depth)>();
        int cdepth = MostSignificantBit(num) * 2;

        while (true)
        {
            if (cdepth < 0)
            {
                AHeapsort(v, tosort, pl, pr - pl + 1);
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    int pm = pl + ((pr - pl) >> 1);
                    if (Less(v[tosort[pm]], v[tosort[pl]])) Swap(tosort, pm, pl);
                    if (Less(v[tosort[pr]], v[tosort[pm]])) Swap(tosort, pr, pm);
                    if (Less(v[tosort[pm]], v[tosort[pl]])) Swap(tosort, pm, pl);
                    double vp = v[tosort[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    Swap(tosort, pm, pj);
                    while (true)
                    {
                        do { ++pi; } while (Less(v[tosort[pi]], vp));
                        do { --pj; } while (Less(vp, v[tosort[pj]]));
                        if (pi >= pj) break;
                        Swap(tosort, pi, pj);
                    }

                    int pk = pr - 1;
                    Swap(tosort, pi, pk);
                    // push the larger partition, continue with the smaller one
                    if (pi - pl < pr - pi)
                    {
                        stack.Push((pi + 1, pr, --cdepth));
                        pr = pi - 1;
                    }
                    else
                    {
                        stack.Push((pl, pi - 1, --cdepth));
                        pl = pi + 1;
                    }
                }

                for (int pi = pl + 1; pi <= pr; ++pi)
                {
                    int vi = tosort[pi];
                    double vpi = v[vi];
                    int pj = pi;
                    int pk = pi - 1;
                    while (pj > pl && Less(vpi, v[tosort[pk]]))
                    {
                        tosort[pj--] = tosort[pk--];
                    }

                    tosort[pj] = vi;
                }
            }

            if (stack.Count == 0) break;
            (pl, pr, cdepth) = stack.Pop();
        }
    }

    private static void AHeapsort(double[] v, int[] tosort, int offset, int n)
    {
        // 1-based heap over tosort[offset .. offset + n - 1]
        int A(int i) => tosort[offset + i - 1];
        void Set(int i, int value) => tosort[offset + i - 1] = value;

        int i2, j, l, tmp;
        for (l = n >> 1; l > 0; --l)
        {
            tmp = A(l);
            for (i2 = l, j = l << 1; j <= n;)
            {
                if (j < n && Less(v[A(j)], v[A(j + 1)])) j += 1;
                if (Less(v[tmp], v[A(j)]))
                {
                    Set(i2, A(j));
                    i2 = j;
                    j += j;
                }
                else
                {
                    break;
                }
            }

            Set(i2, tmp);
        }

        for (; n > 1;)
        {
            tmp = A(n);
            Set(n, A(1));
            n -= 1;
            for (i2 = 1, j = 2; j <= n;)
            {
                if (j < n && Less(v[A(j)], v[A(j + 1)])) j++;
                if (Less(v[tmp], v[A(j)]))
                {
                    Set(i2, A(j));
                    i2 = j;
                    j += j;
                }
                else
                {
                    break;
                }
            }

            Set(i2, tmp);
        }
    }

    private static int MostSignificantBit(int n)
    {
        int depth = 0;
        uint u = (uint)n;
        while ((u >>= 1) != 0) depth++;
        return depth;
    }

    private static void Swap(int[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
