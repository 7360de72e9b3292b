-- A usage file's legs are staged in rated_leg alone, each row holding the leg as the file gave it beside its rating
-- (UsageFileIngest). Staging them in usage_leg too wrote every leg twice, with five indexes between the two tables:
-- staging 1M legs cost the database 11.6 s, one row with two indexes 5.7 s. These columns are set only on such
-- legs (vendor is not null); legs from the vendors' APIs are staged in usage_leg, and their rated rows leave them
-- null.
alter table rated_leg
    add column vendor                   text,
    add column end_time                 timestamptz,
    add column duration_seconds         integer,
    add column billing_duration_seconds integer,
    add column call_type                text,
    add column direction                text,
    add column call_outcome             text,
    add column raw_payload              text;
