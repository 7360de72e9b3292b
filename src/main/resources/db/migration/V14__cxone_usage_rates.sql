-- The CXone published connector: NICE's published API carries no money, so the hub rates completed contacts with
-- its own effective-dated per-minute prices and maps each contact's ACD team to a cost centre and currency.

create table ref_cxone_usage_rate (
    version_id      bigint         not null references reference_data_version (id),
    line_no         integer        not null,
    feature_type    text           not null,
    direction       text           not null,
    currency        char(3)        not null,
    rate_per_minute numeric(10, 4) not null,
    effective_from  date           not null,
    effective_to    date,
    primary key (version_id, line_no)
);

create table ref_cxone_team_cost_centre (
    version_id      bigint         not null references reference_data_version (id),
    line_no         integer        not null,
    team_id         text           not null,
    cost_center_id  text           not null,
    currency        char(3)        not null,
    effective_from  date           not null,
    effective_to    date,
    primary key (version_id, line_no)
);
