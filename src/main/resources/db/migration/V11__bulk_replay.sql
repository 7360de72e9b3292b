-- A replay of many exception cases at once (the console's "replay selected"), done case by case in the background:
-- its progress is read from here, so any node can answer for it.
create table bulk_replay (
    id            text        primary key,
    requested_by  text        not null,
    requested_at  timestamptz not null,
    total         integer     not null,
    succeeded     integer     not null default 0,
    failed        integer     not null default 0,
    status        text        not null,
    finished_at   timestamptz,
    check (succeeded >= 0 and failed >= 0 and succeeded + failed <= total),
    check (status <> 'FINISHED' or succeeded + failed = total)
);

create table bulk_replay_item (
    replay_id    text        not null references bulk_replay (id),
    position     integer     not null,
    case_id      bigint      not null,
    outcome      text        not null default 'PENDING',
    message      text,
    new_case_id  bigint,
    finished_at  timestamptz,
    primary key (replay_id, position)
);
