-- Issue 14: logboek_schrijf's statement keeps one generic plan. npm start's PGlite connection runs with
-- plan_cache_mode = force_custom_plan (database.ts: a serving statement gets the plan of its values), which
-- made PL/pgSQL plan this INSERT again on every call: about two thirds of a write's CPU. Its plan does not
-- depend on the values (rows from one jsonb parameter), so a generic plan loses nothing; on PostgreSQL the
-- default (auto) would come to the same plan after five calls.
ALTER FUNCTION logboek_schrijf(jsonb) SET plan_cache_mode = force_generic_plan;
