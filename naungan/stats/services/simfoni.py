"""The SIMFONI-PPA compatible export (DESIGN §7a, §13; CONTRACT §4 ``stats/simfoni.csv``).

One row per incident that counts (``queries.counting``), with the SIMFONI-PPA dimensions as
the versioned mapping (``mapping/simfoni-<version>.json``) names them, and a stable anonymous
incident key: a keyed hash of the incident's id, the same in every export, from which the id
cannot be recovered. Never a name, NIK, phone, address, exact birth date or date of the
incident (months only), and never another organisation's identifier (no registration number,
no tracking code).

* Streamed (CSV): rows are read with a server-side cursor in chunks of ``CHUNK`` and written
  as they come, so memory stays flat however many rows there are; the services of each row are
  aggregated in SQL. On PostgreSQL one SELECT gives the rows already as CSV text
  (``formatted_sql``); elsewhere each row is made in Python. Both write the same bytes.
* XLSX: the same rows in a write-only workbook.
* Formula-safe cells (OWASP CSV injection), the BOM for Excel, ISO months.
* Audited as ``export`` before the first byte is sent, with the area, period, format and
  mapping version. Callers: supervisors and analysts of the area (the selectors check)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases.models import GbvType, TpksType
from naungan.cases.services.exports import formula_safe
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from ..queries.counting import (
    PERPETRATOR_AGE_GROUPS,
    UNKNOWN,
    VICTIM_AGE_GROUPS,
    Period,
    incidents_counted,
)

MAPPING_DIR = Path(__file__).resolve().parent.parent / "mapping"
CHUNK = 2000
FIELDS = (
    "id",
    "public_id",
    "case_id",
    "case__received_at",
    "occurred_on",
    "case__area_province_code",
    "case__area_regency_code",
    "case__area_district_code",
    "case__area_code",
    "case__violence_key",
    "place",
    "perpetrator_relationship",
    "survivor_age",
    "survivor__age",
    "survivor__sex",
    "survivor__disability",
    "perpetrator_age",
    "gbv_type",
    "tpks_type",
    "case__channel",
    "case__organisation__name",
)


@dataclass(frozen=True)
class Mapping:
    version: str
    columns: list[str]
    tables: dict[str, dict[str, str]]

    def label(self, table: str, key: str) -> str:
        return self.tables[table].get(key, self.tables[table].get("", "NA"))


@cache
def simfoni_mapping(version: str | None = None) -> Mapping:
    """The mapping of our vocabularies to SIMFONI-PPA's, by version (default: the setting
    ``STATS_SIMFONI_MAPPING``, else the newest file)."""
    version = version or getattr(settings, "STATS_SIMFONI_MAPPING", "") or None
    files = sorted(MAPPING_DIR.glob("simfoni-*.json"))
    if version:
        files = [f for f in files if f.stem == f"simfoni-{version}"]
    if not files:
        raise LookupError(f"no SIMFONI mapping {version or ''}".strip())
    data = json.loads(files[-1].read_text(encoding="utf-8"))
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for table in tables.values():
        for key, label in table.items():
            if formula_safe(label) != label:
                raise ValueError(f"mapping label {key!r} would start a spreadsheet formula")
    return Mapping(version=data["version"], columns=list(data["columns"]), tables=tables)


@cache
def _incident_mac_key() -> bytes:
    """The key of the incident key, derived from ``HMAC_KEY`` for this purpose only."""
    return hashlib.sha256(b"naungan.stats.simfoni.incident" + settings.HMAC_KEY.encode()).digest()


def _services_of_the_case(using: str) -> Any:
    """The subquery of an incident row's case's service types, comma-separated and distinct
    (the SIMFONI column ``layanan``): the same for both export paths."""
    from django.db.models import OuterRef, StringAgg, Value

    from naungan.services.models import ServiceEpisode

    return (
        ServiceEpisode.objects.using(using)
        .filter(case_id=OuterRef("case_id"))
        .values("case_id")
        .annotate(s=StringAgg("service", delimiter=Value(","), distinct=True))
        .values("s")
    )


def incident_key(public_id: Any) -> str:
    """Stable, anonymous: a keyed hash (BLAKE2b with a key, a MAC) of the incident's id under a
    key derived from ``HMAC_KEY`` (the key of the blind indexes, which never changes casually
    and never leaves the server). The same in every export; it cannot be turned back into the
    id or computed from it without the key."""
    raw = public_id.bytes if isinstance(public_id, uuid.UUID) else uuid.UUID(str(public_id)).bytes
    return hashlib.blake2b(raw, key=_incident_mac_key(), digest_size=12).hexdigest()


def _group(age: int | None, groups: list[tuple[str, int, int | None]]) -> str:
    if age is None:
        return UNKNOWN
    for key, low, high in groups:
        if age >= low and (high is None or age <= high):
            return key
    return UNKNOWN


class _Names:
    """Area names by code, loaded once for the export's area."""

    def __init__(self, area: Area, using: str) -> None:
        qs = Area.objects.using(using).filter(area.contains_q()).values_list("code", "name")
        self.names = {code: formula_safe(name) for code, name in qs}
        for code in {area.province_code, area.regency_code, area.district_code} - {""}:
            if code not in self.names:
                found = Area.objects.using(using).filter(code=code).values_list("name", flat=True)
                self.names[code] = formula_safe(next(iter(found), ""))

    def __getitem__(self, code: str) -> str:
        return self.names.get(code, "")


def simfoni_rows(period: Period, *, using: str = "default") -> Iterator[list[str]]:
    """The header, then one row per counted incident (formula-safe text cells)."""
    m = simfoni_mapping()
    yield list(m.columns)
    names = _Names(period.area, using)
    zone = period.zone
    from django.db.models import Subquery

    services = _services_of_the_case(using)
    qs = (
        incidents_counted(period, using=using)
        .annotate(services=Subquery(services))
        .order_by("id")
        .values_list(*FIELDS, "services")
    )
    # Labels in the reader's language, read once (vocabulary codes never reach the file).
    labels = _Labels(m)
    chunk: list[tuple[Any, ...]] = []
    for row in _stream(qs, using):
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield from _chunk_rows(chunk, labels, names, zone)
            chunk = []
    if chunk:
        yield from _chunk_rows(chunk, labels, names, zone)


def _stream(qs: Any, using: str) -> Iterator[tuple[Any, ...]]:
    """The rows of ``qs`` as tuples, read through a server-side cursor ``CHUNK`` at a time. On
    PostgreSQL the compiled SQL runs on a psycopg server cursor directly: the values arrive
    typed by psycopg (UUID, aware UTC datetimes, dates), without the ORM's per-value
    converters, which cost more than the query itself at a million rows. Elsewhere
    (SQLite) the ORM's own chunked iterator."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        yield from qs.iterator(chunk_size=CHUNK)
        return
    from django.db import transaction

    sql, params = qs.query.sql_with_params()
    with transaction.atomic(using=using):
        connection.ensure_connection()
        raw = connection.connection
        raw.execute("SET LOCAL cursor_tuple_fraction = 1.0")  # see _formatted_lines
        raw.execute("SET LOCAL jit = off")
        with raw.cursor(name=f"simfoni_{uuid.uuid4().hex}") as cursor:
            cursor.itersize = CHUNK
            cursor.execute(sql, params)
            yield from cursor


class _Labels:
    """Every label a row needs, looked up in plain dicts (and memoised for the multi-valued
    cells), so that a row costs a few dictionary reads."""

    def __init__(self, m: Mapping) -> None:
        t = m.tables
        self.version = m.version
        self.place = t["place"]
        self.relationship = t["relationship"]
        self.sex = t["sex"]
        self.channel = t["channel"]
        self.disability = (t["disability"]["false"], t["disability"]["true"])
        self.violence_table = t["violence_type"]
        self.service_table = t["service"]
        self.gbv = {str(v): str(label) for v, label in GbvType.choices}
        self.tpks = {str(v): str(label) for v, label in TpksType.choices}
        self.tpks[""] = ""
        self.victim_age = self._ages(t["victim_age_group"], VICTIM_AGE_GROUPS)
        self.perpetrator_age = self._ages(t["perpetrator_age_group"], PERPETRATOR_AGE_GROUPS)
        self.unknown_victim_age = t["victim_age_group"][UNKNOWN]
        self.unknown_perpetrator_age = t["perpetrator_age_group"][UNKNOWN]
        self._violence: dict[str, str] = {}
        self._services: dict[str, str] = {}
        self._orgs: dict[str, str] = {}
        self.na_place = t["place"].get("", "")
        self.na_relationship = t["relationship"].get("", "")

    @staticmethod
    def _ages(table: dict[str, str], groups: list[tuple[str, int, int | None]]) -> list[str]:
        return [table[_group(age, groups)] for age in range(0, 131)]

    def violence(self, key: str) -> str:
        out = self._violence.get(key)
        if out is None:
            out = "; ".join(self.violence_table.get(v, "") for v in key.split(",") if v)
            self._violence[key] = out
        return out

    def services(self, key: str) -> str:
        out = self._services.get(key)
        if out is None:
            out = "; ".join(
                dict.fromkeys(self.service_table.get(x, "") for x in key.split(",") if x)
            )
            self._services[key] = out
        return out

    def organisation(self, name: str) -> str:
        out = self._orgs.get(name)
        if out is None:
            out = self._orgs[name] = formula_safe(name)
        return out


def _chunk_rows(
    chunk: list[tuple[Any, ...]], labels: _Labels, names: _Names, zone: Any
) -> Iterator[list[str]]:
    """Rows of one chunk. Only the names (areas, units) come from what people typed and are
    made formula-safe; codes, months, the key and the mapping's labels (checked when the
    mapping is read) never start a formula."""
    area_name = names.names.get
    victim_age, perpetrator_age = labels.victim_age, labels.perpetrator_age
    for r in chunk:
        (
            _id,
            public_id,
            _case_id,
            received_at,
            occurred_on,
            province,
            regency,
            district,
            code,
            violence_key,
            place,
            relationship,
            survivor_age,
            person_age,
            sex,
            disability,
            p_age,
            gbv_type,
            tpks_type,
            channel,
            organisation,
            services,
        ) = r
        village = code if len(code) > 8 else ""
        age = survivor_age if survivor_age is not None else person_age
        local = received_at.astimezone(zone)
        yield [
            incident_key(public_id),
            labels.version,
            f"{local.year:04d}-{local.month:02d}",
            f"{occurred_on.year:04d}-{occurred_on.month:02d}" if occurred_on else "",
            province,
            area_name(province, ""),
            regency,
            area_name(regency, ""),
            district,
            area_name(district, ""),
            village,
            area_name(village, "") if village else "",
            labels.violence(violence_key or ""),
            labels.place.get(place or "", labels.na_place),
            labels.relationship.get(relationship or "", labels.na_relationship),
            victim_age[age] if age is not None and age <= 130 else labels.unknown_victim_age,
            labels.sex.get(sex or "", ""),
            labels.disability[bool(disability)],
            perpetrator_age[p_age]
            if p_age is not None and p_age <= 130
            else labels.unknown_perpetrator_age,
            labels.gbv.get(gbv_type, ""),
            labels.tpks.get(tpks_type or "", ""),
            labels.channel.get(channel or "", ""),
            labels.services(services or ""),
            labels.organisation(organisation or ""),
        ]


def simfoni_csv_stream(
    period: Period, *, using: str = "default", fast: bool | None = None
) -> Iterator[bytes]:
    """The CSV, in pieces (UTF-8 with a BOM so Excel reads it). On PostgreSQL the rows come
    formatted by the database (``_formatted_lines``); elsewhere, or with ``fast=False``, each
    row is made in Python and written by ``csv.writer``. Both give the same bytes (tested)."""
    from django.db import connections

    if fast is None:
        fast = connections[using].vendor == "postgresql"
    yield "\ufeff".encode()
    if fast:
        yield from _formatted_lines(period, using)
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for n, row in enumerate(simfoni_rows(period, using=using), start=1):
        writer.writerow(row)
        if n % 500 == 0:  # one piece per 500 rows: few, small writes, flat memory
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


# --- PostgreSQL: the rows formatted in SQL ----------------------------------------------------
#
# One SELECT gives every row as a few pieces of text that are already CSV: the months
# (``to_char`` in the area's zone), the codes, the area names (joined from an array of the
# names ``_Names`` loads, made formula-safe and quoted in Python), the mapping's labels (``CASE``
# over the versioned mapping, passed as parameters), the age groups (an array indexed by age).
# Python adds only what the database cannot compute without an extension or a memo makes
# cheaper: the incident key (keyed BLAKE2b, the same key values as before), the labels of the
# multi-valued cells (violence types, services) and the unit's name, looked up in memos. The
# counting rule and the scope are the ORM's (``incidents_counted``), compiled into the inner
# query, so both paths export the same rows.

_SPECIAL = re.compile('[,"\r\n]')


def csv_cell(text: str) -> str:
    """``text`` as ``csv.writer`` (default dialect, QUOTE_MINIMAL) writes one cell of a row."""
    if _SPECIAL.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


# The SQL counterpart of ``csv_cell`` for text read from the database (codes).
_SQL_CELL = (
    "COALESCE(CASE WHEN {x} ~ ('[\",' || chr(13) || chr(10) || ']') "
    "THEN '\"' || replace({x}, '\"', '\"\"') || '\"' ELSE {x} END, '')"
)
_INNER = {
    "id": "id",
    "public_id": "public_id",
    "received_at": "case__received_at",
    "occurred_on": "occurred_on",
    "province": "case__area_province_code",
    "regency": "case__area_regency_code",
    "district": "case__area_district_code",
    "code": "case__area_code",
    "violence_key": "case__violence_key",
    "place": "place",
    "relationship": "perpetrator_relationship",
    "survivor_age": "survivor_age",
    "person_age": "survivor__age",
    "sex": "survivor__sex",
    "disability": "survivor__disability",
    "perpetrator_age": "perpetrator_age",
    "gbv_type": "gbv_type",
    "tpks_type": "tpks_type",
    "channel": "case__channel",
    "organisation": "case__organisation__name",
}


class _Memo(dict[Any, str]):
    """A dictionary that fills itself: ``memo[key]`` computes a missing value once."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        value = self[key] = self.make(key)
        return value


def _label_case(column: str, table: dict[str, str], default: str) -> tuple[str, list[str]]:
    """``CASE`` giving the quoted label of ``column`` (``''`` for NULL), ``default`` if none."""
    params: list[str] = []
    whens = []
    for key, label in table.items():
        whens.append("WHEN %s THEN %s")
        params += [key, csv_cell(label)]
    params.append(csv_cell(default))
    return f"CASE COALESCE({column}, '') {' '.join(whens)} ELSE %s END", params


def _age_cell(column: str, by_age: list[str], unknown: str) -> tuple[str, list[Any]]:
    """The quoted age-group label of ``column``: the array of labels indexed by age 0…130."""
    return (
        f"CASE WHEN {column} IS NULL OR {column} > %s THEN %s ELSE (%s::text[])[{column} + 1] END",
        [len(by_age) - 1, csv_cell(unknown), [csv_cell(x) for x in by_age]],
    )


def formatted_sql(period: Period, *, using: str = "default") -> tuple[str, list[Any]]:
    """The SELECT of the fast path: per counted incident, in the order of its id, the raw
    bytes of its public id and five pieces of CSV text (``_formatted_lines`` puts them
    together). Public for the benchmark, which runs it under ``COPY``."""
    from django.db.models import F, Subquery

    m = simfoni_mapping()
    labels = _Labels(m)
    names = _Names(period.area, using)
    services = _services_of_the_case(using)
    inner = (
        incidents_counted(period, using=using)
        .annotate(x_services=Subquery(services))
        .values(**{f"x_{alias}": F(path) for alias, path in _INNER.items()}, s=F("x_services"))
        .order_by()
    )
    inner_sql, inner_params = inner.query.sql_with_params()

    def cell(alias: str) -> str:
        return _SQL_CELL.format(x=f"r.x_{alias}")

    params: list[Any] = []
    params.append(csv_cell(m.version))
    pieces_a = [
        "%s",
        "to_char(r.x_received_at AT TIME ZONE %s, 'YYYY-MM')",
        "COALESCE(to_char(r.x_occurred_on, 'YYYY-MM'), '')",
        cell("province"),
        "COALESCE(pn.name, '')",
        cell("regency"),
        "COALESCE(rn.name, '')",
        cell("district"),
        "COALESCE(dn.name, '')",
        f"CASE WHEN length(r.x_code) > 8 THEN {cell('code')} ELSE '' END",
        "CASE WHEN length(r.x_code) > 8 THEN COALESCE(vn.name, '') ELSE '' END",
    ]
    params.append(period.area.timezone)
    pieces_b: list[str] = []
    for sql_, extra in (
        _label_case("r.x_place", labels.place, labels.na_place),
        _label_case("r.x_relationship", labels.relationship, labels.na_relationship),
        _age_cell(
            "COALESCE(r.x_survivor_age, r.x_person_age)",
            labels.victim_age,
            labels.unknown_victim_age,
        ),
        _label_case("r.x_sex", labels.sex, ""),
        (
            "CASE WHEN r.x_disability THEN %s ELSE %s END",
            [csv_cell(labels.disability[True]), csv_cell(labels.disability[False])],
        ),
        _age_cell("r.x_perpetrator_age", labels.perpetrator_age, labels.unknown_perpetrator_age),
        _label_case("r.x_gbv_type", labels.gbv, ""),
        _label_case("r.x_tpks_type", labels.tpks, ""),
        _label_case("r.x_channel", labels.channel, ""),
    ):
        pieces_b.append(sql_)
        params += extra
    codes = list(names.names)
    select_a = " || ',' || ".join(pieces_a)
    select_b = " || ',' || ".join(pieces_b)
    # Every value is a parameter; the text is ours and the ORM's.
    sql = f"""WITH names(code, name) AS (SELECT * FROM unnest(%s::text[], %s::text[]))
        SELECT uuid_send(r.x_public_id), {select_a}, r.x_violence_key, {select_b}, r.s,
               r.x_organisation
        FROM ({inner_sql}) r
        LEFT JOIN names pn ON pn.code = r.x_province
        LEFT JOIN names rn ON rn.code = r.x_regency
        LEFT JOIN names dn ON dn.code = r.x_district
        LEFT JOIN names vn ON vn.code = r.x_code
        ORDER BY r.x_id"""  # noqa: S608
    head = [codes, [csv_cell(names.names[c]) for c in codes]]
    return sql, [*head, *params, *inner_params]


def _formatted_lines(period: Period, using: str) -> Iterator[bytes]:
    """The header and the rows of the fast path, ``CHUNK`` rows a piece, read from a server
    cursor inside a transaction (a cursor WITH HOLD would materialise every row first)."""
    from django.db import connections, transaction

    m = simfoni_mapping()
    labels = _Labels(m)
    header = io.StringIO()
    csv.writer(header).writerow(m.columns)
    yield header.getvalue().encode("utf-8")
    sql, params = formatted_sql(period, using=using)
    violence = _Memo(lambda key: csv_cell(labels.violence(key or "")))
    services = _Memo(lambda key: csv_cell(labels.services(key or "")))
    units = _Memo(lambda name: csv_cell(labels.organisation(name or "")))
    mac = hashlib.blake2b(key=_incident_mac_key(), digest_size=12)
    connection = connections[using]
    with transaction.atomic(using=using):
        connection.ensure_connection()
        raw = connection.connection
        # For this transaction only. A cursor is planned for its first 10 % of rows
        # (``cursor_tuple_fraction``): a walk of the incidents' primary key (the ORDER BY)
        # with a lookup of each case, seconds per fetch at a million incidents; every row is
        # read, so plan for all of them, as COPY does. And the planner cannot see how few names
        # each join finds and estimates the query above the JIT threshold: compiling it costs
        # seconds, more than the export of a year.
        raw.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        raw.execute("SET LOCAL jit = off")
        with raw.cursor(name=f"simfoni_{uuid.uuid4().hex}", binary=True) as cursor:
            cursor.itersize = CHUNK
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(CHUNK):
                out = []
                for raw_id, a, vk, b, sv, unit in rows:
                    h = mac.copy()
                    h.update(raw_id)
                    out.append(
                        f"{h.hexdigest()},{a},{violence[vk]},{b},{services[sv]},{units[unit]}\r\n"
                    )
                yield "".join(out).encode("utf-8")


def simfoni_xlsx(period: Period, *, using: str = "default") -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("SIMFONI-PPA")
    for row in simfoni_rows(period, using=using):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def simfoni_filename(period: Period, ext: str) -> str:
    month = f"-{period.month:02d}" if period.month else ""
    return f"simfoni-{period.area.code}-{period.year}{month}.{ext}"


def simfoni_export_audit(*, actor: User, period: Period, fmt: str, request: Any = None) -> None:
    """Record the export before it is sent (who, which area and period, format, mapping)."""
    month = f"-{period.month:02d}" if period.month else ""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="stats.simfoni",
        object_id=f"{period.area.code}:{period.year}{month}",
        area_code=period.area.code,
        categories=f"simfoni,{fmt},mapping:{simfoni_mapping().version}",
        request=request,
    )
