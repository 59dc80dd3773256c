-- The entity portal (warehouse/delivery.py, reviews.py, build_queue.py): the technical
-- secretariat's review of each accepted delivery, and the queue of background builds.
-- Idempotent; runs after intake.sql (it references intake.deliveries).
create schema if not exists intake;

-- One row per review decision, never updated: a delivery's state is its latest row here
-- ('recibido' while it has none). A returned delivery keeps its reason for the entity to read.
create table if not exists intake.delivery_reviews (
    review_id bigserial primary key,
    delivery_id bigint not null references intake.deliveries (delivery_id),
    state text not null check (state in ('validado', 'devuelto')),
    reason text,
    reviewer text not null,
    reviewed_at timestamptz not null default now(),
    check (state <> 'devuelto' or length(trim(coalesce(reason, ''))) > 0)
);
create index if not exists delivery_reviews_delivery_idx
    on intake.delivery_reviews (delivery_id, review_id);

-- Builds asked for by deliveries and reviews, run one at a time by the worker of `tablero
-- serve` (claimed with FOR UPDATE SKIP LOCKED). At most one request waits at a time: a new ask
-- while one waits only pushes its start back (debounce).
create table if not exists intake.build_requests (
    request_id bigserial primary key,
    requested_at timestamptz not null default now(),
    run_after timestamptz not null default now(),
    requested_by text,
    reason text,
    state text not null default 'en cola'
        check (state in ('en cola', 'en curso', 'terminada', 'fallida')),
    started_at timestamptz,
    finished_at timestamptz,
    build_id bigint,
    error text
);
create unique index if not exists build_requests_one_waiting_idx
    on intake.build_requests ((true)) where state = 'en cola';
create index if not exists build_requests_state_idx on intake.build_requests (state, request_id);
