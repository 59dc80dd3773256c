-- Intake and raw schemas: every delivered file is archived here byte for byte,
-- and accepted rows land in one raw table per export kind (see warehouse/contracts.py).
create schema if not exists intake;
create schema if not exists raw;

create table if not exists intake.deliveries (
    delivery_id bigserial primary key,
    file_name text not null,
    file_sha256 text not null,
    file_size bigint not null,
    content bytea not null,
    kind text,
    entity_code text,
    submitter text,
    received_at timestamptz not null default now(),
    status text not null check (status in ('aceptado', 'rechazado', 'duplicado', 'reemplazado')),
    row_count integer,
    error_report jsonb,
    supersedes_delivery_id bigint references intake.deliveries (delivery_id)
);

-- Periods the delivery covers (months, cut-offs or session dates, as text): a later accepted
-- file of the same entity and kind whose periods cover these supersedes it.
alter table intake.deliveries add column if not exists periods text[];
-- How the archived bytes were kept: 'original', or 'seudonimizado' for person-level files
-- (document numbers replaced by their pseudonym before archiving), or 'omitido'.
alter table intake.deliveries add column if not exists content_kind text not null
    default 'original';

create index if not exists deliveries_sha_idx on intake.deliveries (file_sha256);
create index if not exists deliveries_entity_kind_idx on intake.deliveries (entity_code, kind);

create table if not exists intake.builds (
    build_id bigserial primary key,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    succeeded boolean
);

-- Last delivery the build saw and a hash of the dbt project + catalogues: `tablero demo` skips
-- dbt when neither changed since the last successful build.
alter table intake.builds add column if not exists last_delivery_id bigint;
alter table intake.builds add column if not exists project_hash text;
alter table intake.builds add column if not exists failures jsonb;

-- Every accepted data delivery names the entity that delivered it (the loader establishes it
-- once and every row must match; warehouse/intake/ownership.py): supersession and dbt's latest
-- delivery per entity rely on it. Added NOT VALID so warehouses that already hold older
-- deliveries without an entity (attendance lists loaded before the rule) keep working; it
-- applies to every row inserted or updated from now on. Idempotent.
do $$
begin
    if not exists (
        select 1 from pg_constraint
        where conname = 'deliveries_data_entity_known'
            and conrelid = 'intake.deliveries'::regclass
    ) then
        alter table intake.deliveries add constraint deliveries_data_entity_known
            check (status = 'rechazado' or kind is null or entity_code is not null) not valid;
    end if;
end
$$;
