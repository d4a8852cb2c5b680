"""The ceiling's table (created by bench/intake.py --ceiling)."""

TABLE = """CREATE TABLE IF NOT EXISTS ceiling_report (
    id bigserial PRIMARY KEY,
    tracking_code varchar(20) NOT NULL UNIQUE,
    kind varchar(20) NOT NULL,
    reporter_relation varchar(20) NOT NULL,
    anonymous boolean NOT NULL,
    victim_age integer NULL,
    victim_sex varchar(1) NOT NULL,
    violence_types jsonb NOT NULL,
    description text NOT NULL,
    incident_date date NULL,
    area_code varchar(13) NOT NULL,
    location_detail text NOT NULL,
    received_at timestamptz NOT NULL
)"""
