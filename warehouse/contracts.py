"""Raw export contracts: the columns each kind of entity export carries, as the loader enforces.

One `ExportKind` per raw table. Column names are the template headers (Spanish, snake_case) and
also the raw table's column names; every raw table adds the lineage columns below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    sql_type: str
    required: bool
    description: str
    # Free text that may hold line breaks (Alt+Enter in Excel); every other field is one line,
    # so a CSV field spanning lines there is a quote left open (warehouse/intake/structure.py).
    multiline: bool = False


@dataclass(frozen=True)
class ExportKind:
    code: str
    table: str
    label: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    # Columns the loader derives (not in the template), stored next to the delivered ones.
    derived: tuple[ColumnSpec, ...] = ()
    # Delivered columns never stored (identity numbers): the loader replaces them by a derived
    # pseudonym before any row is written (warehouse/intake/pseudonym.py).
    secret: tuple[str, ...] = ()
    # Columns that identify what a delivery covers, as dbt's latest-delivery logic partitions
    # (with the entity): a later accepted file covering the same values supersedes it.
    period: tuple[str, ...] = ()
    # The column naming the entity that delivers the file: every row must name the same one
    # (warehouse/intake/ownership.py). None when the rows name other entities (attendance).
    reporter: str | None = "entidad"
    # The entity that always delivers this kind (when `reporter` is None).
    delivered_by: str | None = None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def stored_columns(self) -> tuple[ColumnSpec, ...]:
        """Columns of the raw table besides lineage: delivered (minus secrets) then derived."""
        return (*(c for c in self.columns if c.name not in self.secret), *self.derived)


LINEAGE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("batch_id", "bigint not null", True, "Lote de carga (intake.deliveries)."),
    ColumnSpec(
        "source_row", "integer not null", True, "Fila del archivo de origen (1 = encabezado)."
    ),
    ColumnSpec("file_name", "text not null", True, "Nombre del archivo entregado."),
    ColumnSpec("file_sha256", "text not null", True, "Huella SHA-256 del archivo."),
    ColumnSpec("loaded_at", "timestamptz not null", True, "Momento de la carga."),
)

# The dashboard's month calendar is configured once, in dbt_project.yml (warehouse/calendar.py).

# The committee's Secretaría Técnica (docs/dominio.md): it delivers the attendance lists.
SECRETARIAT_ENTITY = "SDG"

C = ColumnSpec

INDICATOR_VALUES = ExportKind(
    code="indicator_values",
    table="raw.indicator_values",
    label="Valores de indicadores",
    columns=(
        C("entidad", "text", True, "Código de la entidad que reporta (p. ej. SDG)."),
        C("indicador", "text", True, "Código del indicador del catálogo (p. ej. UTA1_SISBEN)."),
        C("localidad", "text", False, "Localidad como la escribe la entidad; vacío = Distrito."),
        C("mes", "date", True, "Mes del dato (primer día del mes)."),
        C("valor", "numeric", True, "Valor del indicador, no negativo."),
        C("sexo", "text", False, "Desagregación por sexo, si el catálogo la admite."),
        C(
            "grupo_edad",
            "text",
            False,
            "Desagregación por grupo de edad, si el catálogo la admite.",
        ),
    ),
    key=("entidad", "indicador", "localidad", "mes", "sexo", "grupo_edad"),
    period=("indicador", "mes"),
    derived=(
        C(
            "localidad_codigo",
            "text",
            False,
            "Código de localidad resuelto por el cargador (alias exacto o coincidencia difusa).",
        ),
    ),
)

ACTIVITY_STATUS = ExportKind(
    code="activity_status",
    table="raw.activity_status",
    label="Estado de actividades del plan de acción",
    columns=(
        C("entidad", "text", True, "Código de la entidad que reporta."),
        C("actividad", "text", True, "Código de la actividad del plan de acción."),
        C("corte", "text", True, "Código del corte de seguimiento (p. ej. 2024-C1)."),
        C("estado", "text", True, "no iniciada | iniciada | totalmente ejecutada."),
        C("avance", "text", False, "Nota de avance (texto libre).", multiline=True),
    ),
    key=("entidad", "actividad", "corte"),
    period=("corte",),
)

BARRIERS = ExportKind(
    code="barriers",
    table="raw.barriers",
    label="Barreras y actividades destacadas",
    columns=(
        C("entidad", "text", True, "Código de la entidad que reporta."),
        C("uta", "text", True, "UTA1, UTA2, UTA3 o TRANSVERSAL."),
        C("corte", "text", True, "Código del corte de seguimiento."),
        C("tipo", "text", True, "barrera | actividad destacada."),
        C("texto", "text", True, "Descripción.", multiline=True),
    ),
    key=("entidad", "uta", "corte", "tipo", "texto"),
    period=("corte",),
)

SESSION_ATTENDANCE = ExportKind(
    code="session_attendance",
    table="raw.session_attendance",
    label="Asistencia a sesiones del comité",
    columns=(
        C("fecha_sesion", "date", True, "Fecha de la sesión."),
        C("entidad", "text", True, "Código de la entidad miembro."),
        C("asiste", "boolean", True, "sí / no."),
    ),
    key=("fecha_sesion", "entidad"),
    period=("fecha_sesion",),
    reporter=None,
    delivered_by=SECRETARIAT_ENTITY,
)

MATURITY_ASSESSMENTS = ExportKind(
    code="maturity_assessments",
    table="raw.maturity_assessments",
    label="Valoración de madurez de la gobernanza migratoria",
    columns=(
        C("entidad", "text", True, "Entidad que valora (normalmente SDG)."),
        C("mes", "date", True, "Mes de la valoración."),
        C("criterio", "text", True, "Código del criterio de gobernanza (catálogo de madurez)."),
        C("calificacion", "text", True, "ausente | parcial | completo."),
        C("evidencia", "text", False, "Evidencia o soporte.", multiline=True),
    ),
    key=("entidad", "mes", "criterio"),
    period=("mes",),
)

PERSON_SERVICES = ExportKind(
    code="person_services",
    table="raw.person_services",
    label="Personas atendidas (registro por persona, seudonimizado)",
    columns=(
        C("entidad", "text", True, "Código de la entidad que reporta."),
        C("indicador", "text", True, "Código del indicador del catálogo que cuenta personas."),
        C("localidad", "text", False, "Localidad de atención; vacío = Distrito."),
        C("mes", "date", True, "Mes de la atención (primer día del mes)."),
        C("tipo_documento", "text", True, "CC, CE, PPT, PEP, PA, TI, RC, NUIP o SD."),
        C("numero_documento", "text", True, "Número del documento (nunca se guarda)."),
    ),
    # Checked after pseudonymisation: the same person twice in the same month and locality.
    key=("entidad", "indicador", "localidad", "mes", "persona_seudonimo"),
    period=("indicador", "mes"),
    secret=("numero_documento",),
    derived=(
        C(
            "localidad_codigo",
            "text",
            False,
            "Código de localidad resuelto por el cargador (alias exacto o coincidencia difusa).",
        ),
        C(
            "persona_seudonimo",
            "text not null",
            True,
            "HMAC-SHA256 de tipo y número de documento con la clave del cargador.",
        ),
    ),
)

PRODUCT_ADVANCE = ExportKind(
    code="product_advance",
    table="raw.product_advance",
    label="Avance de productos del plan de acción",
    columns=(
        C("entidad", "text", True, "Código de la entidad responsable del producto."),
        C("producto", "text", True, "Código del producto del plan de acción (p. ej. P1-01)."),
        C("corte", "text", True, "Código del corte de seguimiento (p. ej. 2024-C1)."),
        C(
            "valor_reportado",
            "numeric",
            True,
            "Valor del indicador del producto al corte, en su unidad (acumulado si la meta "
            "se acumula; si no, lo logrado en el año del corte).",
        ),
        C("nota", "text", False, "Nota cualitativa del avance (texto libre).", multiline=True),
    ),
    key=("entidad", "producto", "corte"),
    period=("corte",),
)

EXPORT_KINDS: dict[str, ExportKind] = {
    k.code: k
    for k in (
        INDICATOR_VALUES,
        ACTIVITY_STATUS,
        BARRIERS,
        SESSION_ATTENDANCE,
        MATURITY_ASSESSMENTS,
        PERSON_SERVICES,
        PRODUCT_ADVANCE,
    )
}


def raw_table_ddl(kind: ExportKind) -> str:
    """`create table if not exists` for one kind's raw table, lineage columns first."""
    cols = [f"    {c.name} {c.sql_type}" for c in (*LINEAGE_COLUMNS, *kind.stored_columns)]
    return f"create table if not exists {kind.table} (\n" + ",\n".join(cols) + "\n);"
