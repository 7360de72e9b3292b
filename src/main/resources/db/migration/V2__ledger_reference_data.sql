-- The ledger reference set: chart of accounts, CXone cost-centre mappings, phone-prefix rules, FX rates,
-- licence prices and the business calendar. Every version's rows are kept; effective_to is inclusive.

create table ref_gl_account (
    version_id   bigint not null references reference_data_version (id),
    gl_account   text   not null,
    description  text   not null,
    primary key (version_id, gl_account)
);

create table ref_cost_centre_mapping (
    version_id      bigint  not null references reference_data_version (id),
    line_no         integer not null,
    cost_centre_id  text    not null,
    gl_account      text    not null,
    department      text    not null,
    effective_from  date    not null,
    effective_to    date,
    primary key (version_id, line_no)
);

create table ref_phone_prefix (
    version_id         bigint         not null references reference_data_version (id),
    line_no            integer        not null,
    prefix             text           not null,
    region             text           not null,
    markup_multiplier  numeric(12, 6) not null,
    effective_from     date           not null,
    effective_to       date,
    primary key (version_id, line_no)
);

create table ref_fx_rate (
    version_id      bigint         not null references reference_data_version (id),
    line_no         integer        not null,
    currency        char(3)        not null,
    rate_to_base    numeric(20, 10) not null,
    effective_from  date           not null,
    effective_to    date,
    primary key (version_id, line_no)
);

create table ref_licence_price (
    version_id      bigint         not null references reference_data_version (id),
    line_no         integer        not null,
    feature_type    text           not null,
    currency        char(3)        not null,
    monthly_cost    numeric(18, 4) not null,
    effective_from  date           not null,
    effective_to    date,
    primary key (version_id, line_no)
);

create table ref_holiday (
    version_id   bigint not null references reference_data_version (id),
    day          date   not null,
    description  text   not null,
    primary key (version_id, day)
);
