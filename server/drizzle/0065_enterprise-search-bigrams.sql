-- Issue 18 item 1: Chinese users search by a two-character brand (华美, 骏腾) more than anything else, and a trigram
-- index cannot serve a fragment shorter than three characters. An index of every enterprise's character pairs
-- (GIN over an expression, so the rows themselves stay as they were: stored, the pairs would double the table)
-- finds a two-character fragment through its pair, then LIKE confirms it. The pairs are counted in characters
-- (substr on UTF-8 text) of the lower-cased search text. Immutable, as an index expression must be; PGlite and
-- PostgreSQL alike.
CREATE FUNCTION "inspecta_bigrams"(input text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(input, i, 2)), '{}'::text[])
        FROM generate_series(1, length(input) - 1) AS i $$;--> statement-breakpoint
CREATE INDEX "enterprises_search_bigrams_idx" ON "enterprises" USING gin (inspecta_bigrams("search_text"));
