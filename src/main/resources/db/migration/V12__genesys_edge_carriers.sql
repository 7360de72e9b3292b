-- The published Genesys Cloud connector: which carrier's trunk each edge sends calls through
-- (mappings/genesys-edge-carriers.csv, part of the telephony-rating reference set). effective_to is inclusive.

create table ref_edge_carrier (
    version_id      bigint  not null references reference_data_version (id),
    line_no         integer not null,
    edge_id         text    not null,
    carrier_name    text    not null,
    effective_from  date    not null,
    effective_to    date,
    primary key (version_id, line_no)
);
