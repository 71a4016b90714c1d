-- Peer for the benchmark: the national transition matrix (termijn 1) in one DuckDB query.
-- Input: inschrijvingen and diplomas read from Parquet, and soorten(onderwijssoort, prioriteit,
-- rang) registered by the caller. Output: schooljaar, van, naar, diploma, aantal, the same
-- numbers as the pipeline's landelijk rows of doorstroom.parquet at termijn 1 over all origins.
WITH hoofd AS (
    SELECT i.persoon_id, i.schooljaar, i.onderwijssoort
    FROM inschrijvingen AS i
    JOIN soorten AS s USING (onderwijssoort)
    QUALIFY row_number() OVER (
        PARTITION BY i.persoon_id, i.schooljaar
        ORDER BY s.prioriteit DESC, s.rang DESC, i.vestiging, i.leerjaar
    ) = 1
),
met_diploma AS (
    SELECT DISTINCT persoon_id, schooljaar FROM diplomas
),
laatste AS (
    SELECT max(schooljaar) AS jaar FROM hoofd
)
SELECT
    o.schooljaar,
    o.onderwijssoort AS van,
    coalesce(b.onderwijssoort, 'geen_inschrijving') AS naar,
    d.persoon_id IS NOT NULL AS diploma,
    count(*) AS aantal
FROM hoofd AS o
LEFT JOIN hoofd AS b
    ON b.persoon_id = o.persoon_id AND b.schooljaar = o.schooljaar + 1
LEFT JOIN met_diploma AS d
    ON d.persoon_id = o.persoon_id AND d.schooljaar = o.schooljaar
WHERE o.schooljaar + 1 <= (SELECT jaar FROM laatste)
GROUP BY ALL
ORDER BY ALL
