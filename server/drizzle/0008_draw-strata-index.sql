-- measure 5 (issue 6 item 14): a draw freezes each stratum's credit codes in code-point order. For a stratum
-- by industry this index gives them in that order from an index-only scan (territory included for the
-- actor's and the stratum's territory conditions), where the table would be read and a million codes
-- sorted (server/src/draws/pools.ts, codesMatching).
CREATE INDEX IF NOT EXISTS "enterprises_industry_code_idx" ON "enterprises" USING btree ("industry", "credit_code" COLLATE "C") INCLUDE ("territory");
