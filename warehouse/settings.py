"""Project settings read from environment variables and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Everything configurable about the warehouse, with defaults that work on a fresh clone."""

    model_config = SettingsConfigDict(
        env_prefix="TABLERO_", env_file=PROJECT_ROOT / ".env", extra="ignore"
    )

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "TABLERO_DATABASE_URL"),
        description="Any PostgreSQL URL; when empty the embedded pgserver warehouse is used.",
    )
    data_dir: Path = Field(default=PROJECT_ROOT / ".warehouse")
    database_name: str = Field(default="tablero", description="Database in the embedded server.")
    dbt_project_dir: Path = Field(default=PROJECT_ROOT / "dbt_project")
    dbt_target_dir: Path = Field(
        default=PROJECT_ROOT / "dbt_project" / "target",
        description="dbt artefacts; tests use their own so parallel runs never collide.",
    )
    demo_dir: Path = Field(default=PROJECT_ROOT / "seeds" / "demo")
    app_host: str = "127.0.0.1"
    app_port: int = 8050
    public_only: bool = Field(
        default=False,
        description="Public deployment: only /publico is served (every other page answers 404).",
    )
    # Secrets have no default: when unset they are generated on first use into secrets_file
    # (warehouse/secrets.py), and a known or short value is refused.
    pseudonym_key: SecretStr | None = Field(
        default=None,
        description="HMAC key used to pseudonymise identity numbers before storage.",
    )
    secret_key: SecretStr | None = Field(
        default=None, description="Signs the session cookie of logged-in users."
    )
    secrets_file: Path | None = Field(
        default=None,
        description="Where generated secrets are kept (mode 0600); default data_dir/secrets.json.",
    )
    allowed_hosts: str = Field(
        default="127.0.0.1,localhost",
        description="Comma-separated host names the server answers (any other Host gets 400).",
    )
    https: bool = Field(
        default=False,
        description="Served over TLS (directly or by a proxy): Secure cookies and HSTS.",
    )
    trusted_proxies: int = Field(
        default=0,
        ge=0,
        le=5,
        description="Reverse proxies in front of the app whose X-Forwarded-For and "
        "X-Forwarded-Proto are trusted (client address for the login limit, https); 0: none.",
    )
    session_hours: float = Field(default=8.0, description="A login lasts at most this long.")
    session_idle_minutes: float = Field(
        default=60.0, description="A session unused this long expires."
    )
    # OpenID Connect (the district's identity provider): off unless issuer, client id and client
    # secret are all set (dash_app/auth/oidc.py); the secret has no default.
    oidc_issuer: str | None = Field(
        default=None,
        description="Issuer URL of the identity provider (https; discovery at "
        "ISSUER/.well-known/openid-configuration).",
    )
    oidc_client_id: str | None = Field(default=None, description="Client id of the tablero.")
    oidc_client_secret: SecretStr | None = Field(
        default=None, description="Client secret the identity provider issued to the tablero."
    )
    oidc_redirect_uri: str | None = Field(
        default=None,
        description="Callback URL registered at the provider; default: this host's "
        "/login/oidc/callback (https when TABLERO_HTTPS).",
    )
    oidc_label: str = Field(
        default="Ingresar con la cuenta del Distrito", description="Text of the login button."
    )
    oidc_require_verified_email: bool = Field(
        default=True,
        description="Refuse an id_token whose email_verified claim is not true.",
    )
    login_rate_limit: str = Field(
        default="10 per minute", description="Login attempts per client address (flask-limiter)."
    )
    login_account_rate_limit: str = Field(
        default="30 per hour",
        description="Failed login attempts per account, from any address (flask-limiter).",
    )
    cache_url: str | None = Field(
        default=None,
        description="Dashboard cache shared by the serving processes: redis://… (Redis) or "
        "file:///folder (files). Unset: in memory, or files under data_dir with `serve`.",
    )
    max_callback_bytes: int = Field(
        default=512 * 1024, description="Largest accepted body of a Dash callback request."
    )

    catalog_dir: Path = Field(
        default=PROJECT_ROOT / "seeds" / "catalog",
        description="Reference catalogues the loader validates against (read before dbt runs).",
    )
    max_file_bytes: int = Field(default=20 * 1024 * 1024, description="Largest accepted file.")
    max_rows: int = Field(default=200_000, description="Most data rows accepted in one file.")
    max_xlsx_uncompressed_bytes: int = Field(
        default=200 * 1024 * 1024, description="XLSX bomb guard: total uncompressed size."
    )
    max_xlsx_ratio: int = Field(default=200, description="XLSX bomb guard: compression ratio.")
    fuzzy_locality_threshold: float = Field(
        default=85.0, description="Lowest rapidfuzz score (0–100) to accept a locality spelling."
    )

    @property
    def embedded_pgdata(self) -> Path:
        return self.data_dir / "pgdata"

    @property
    def secrets_path(self) -> Path:
        return self.secrets_file or self.data_dir / "secrets.json"

    @property
    def oidc_configured(self) -> bool:
        """Whether OpenID Connect login is on (any of the three settings set turns it on; a
        partial configuration is refused when the app starts)."""
        return any((self.oidc_issuer, self.oidc_client_id, self.oidc_client_secret))

    @property
    def allowed_host_list(self) -> list[str]:
        """The allow-list, plus the address the app listens on when it is a specific one."""
        hosts = [h.strip() for h in self.allowed_hosts.split(",") if h.strip()]
        if self.app_host not in ("0.0.0.0", "::", "") and self.app_host not in hosts:
            hosts.append(self.app_host)
        return hosts


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
