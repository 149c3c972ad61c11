-- Paths for scripts/load/uncached.lua: every study permalink of ImageNet, CIFAR-10, MNIST, 20news and IMDB (with
-- the default view's query string, as shared links carry none) and every page of their galleries at each agreement
-- filter (mTurk-checked scope, k = 1..5 workers chose the guessed label, each sort order). Two files: permalinks, gallery pages.
\pset tuples_only on
\pset format unaligned
\o :outdir/permalinks.txt
SELECT '/d/' || d.slug || '/' || e.study_index
FROM examples e JOIN datasets d ON d.id = e.dataset_id
WHERE d.slug IN ('imagenet', 'cifar10', 'mnist', '20news', 'imdb')
ORDER BY md5(d.slug || e.study_index::text);
\o :outdir/galleries.txt
SELECT '/d/' || g.slug || '?scope=checked&k=' || g.k || s.sort || '&page=' || p
FROM (SELECT d.slug, k, count(*) AS n
      FROM datasets d JOIN examples e ON e.dataset_id = d.id AND e.is_mturk_checked
      JOIN mturk_votes v ON v.dataset_id = e.dataset_id AND v.example_id = e.id
      CROSS JOIN generate_series(1, 5) AS k
      WHERE d.slug IN ('imagenet', 'cifar10', 'mnist', '20news', 'imdb') AND v.guessed >= k
      GROUP BY d.slug, k) g
CROSS JOIN LATERAL generate_series(1, (g.n + 23) / 24) AS p
CROSS JOIN (VALUES (''), ('&sort=agreement'), ('&sort=index')) AS s(sort)
ORDER BY md5(g.slug || g.k || s.sort || '/' || p);
