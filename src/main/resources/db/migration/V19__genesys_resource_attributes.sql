-- The published Genesys Cloud connector: the custom attributes Genesys does not hold on queues and trunks
-- (mappings/genesys-resource-attributes.csv, part of the chargeback reference set). effective_to is inclusive.

create table ref_genesys_resource_attribute (
    version_id      bigint  not null references reference_data_version (id),
    line_no         integer not null,
    resource_type   text    not null,
    resource_id     text    not null,
    resource_name   text    not null,
    attribute       text    not null,
    value           text    not null,
    effective_from  date    not null,
    effective_to    date,
    primary key (version_id, line_no)
);
