-- Rated legs are written in the same unit of work that stages their usage legs (RatingService, UsageFileIngest), and
-- only from staged legs. The foreign key checked that again for every row with a row lock on the usage leg, which
-- made bulk loads of rated legs cost about twice as much, and it kept the staged and rated rows of a file from being
-- COPYed on two connections at once.
alter table rated_leg drop constraint rated_leg_leg_id_fkey;
