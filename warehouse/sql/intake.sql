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

create index if not exists deliveries_sha_idx on intake.deliveries (file_sha256);

create table if not exists intake.builds (
    build_id bigserial primary key,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    succeeded boolean
);
