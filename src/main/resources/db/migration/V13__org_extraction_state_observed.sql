-- An organisation read through an API that only gives the current state (Genesys Cloud's published APIs) is the
-- state at the instant it was read, not at snapshot_at (the end of the cycle): that instant is kept here. Null when
-- every answer stated it was as of snapshot_at (the design documents' APIs).
alter table org_extraction add column state_observed_at timestamptz;
