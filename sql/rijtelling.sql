-- Row accounting per extract table: rows read, used and quarantined, and whether they add up.
-- A row is quarantined once, however many of its values failed, so quarantaine counts
-- distinct (bestand, regel) pairs.
WITH gelezen AS (
    SELECT tabel, CAST(sum(rijen) AS BIGINT) AS rijen_gelezen
    FROM invoerbestanden
    GROUP BY tabel
),
quarantaine AS (
    SELECT tabel, count(DISTINCT (bestand, regel)) AS rijen_in_quarantaine
    FROM quarantaine
    GROUP BY tabel
)
SELECT
    g.tabel,
    g.rijen_gelezen,
    v.rijen_gebruikt,
    coalesce(q.rijen_in_quarantaine, 0) AS rijen_in_quarantaine,
    g.rijen_gelezen = v.rijen_gebruikt + coalesce(q.rijen_in_quarantaine, 0) AS klopt
FROM gelezen AS g
JOIN gebruikte_rijen AS v USING (tabel)
LEFT JOIN quarantaine AS q USING (tabel)
ORDER BY g.tabel
