-- Committee sessions run from the dashboard (warehouse/committee.py): the session, its agenda
-- and the attendance the technical secretariat marks live. Idempotent. dbt reads these tables
-- as the source `committee` (live views marts.mart_committee_*: attendance and quorum).
create schema if not exists committee;

create table if not exists committee.sessions (
    session_id bigserial primary key,
    session_date date not null,
    kind text not null check (kind in ('ordinaria', 'extraordinaria')),
    place text not null default '',
    -- The cut-off every slide is framed with (reference.action_plan cut-offs); null = default.
    cutoff_code text,
    -- Quorum: more than this share of the member entities attend (default: more than half).
    quorum_share numeric(4, 3) not null default 0.5 check (quorum_share > 0 and quorum_share < 1),
    created_by text not null,
    created_at timestamptz not null default now()
);

create table if not exists committee.agenda_items (
    session_id bigint not null references committee.sessions (session_id) on delete cascade,
    position integer not null check (position > 0),
    kind text not null check (kind in (
        'quorum', 'instalacion', 'madurez', 'tablero', 'seguimiento_uta', 'centros_integrate',
        'varios', 'vista'
    )),
    title text not null,
    presenter_entity text,
    uta_code text,
    -- The page a 'tablero'/'vista' item shows (a path of the app; the frame adds the filters).
    view_path text,
    primary key (session_id, position)
);

-- One row per mark, never updated: an entity's attendance is its latest mark for the session.
create table if not exists committee.attendance_marks (
    mark_id bigserial primary key,
    session_id bigint not null references committee.sessions (session_id) on delete cascade,
    entity_code text not null,
    attends boolean not null,
    delegate_name text,
    delegate_role text,
    marked_by text not null,
    marked_at timestamptz not null default now()
);
create index if not exists attendance_marks_session_idx
    on committee.attendance_marks (session_id, entity_code, mark_id);
