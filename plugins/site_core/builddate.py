"""The one place that says what "now" is for a build.

Everything that depends on the date (upcoming or past events, feed and
calendar timestamps) asks :func:`build_datetime`. It honours
``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/)
so that two builds of the same tree are byte-identical, and tests pin the date
the same way, or with the ``BUILD_DATE`` setting.
"""

from __future__ import annotations

from datetime import UTC, datetime
import os


def build_datetime(settings: dict | None = None) -> datetime:
    """Return the build instant, timezone-aware, in UTC."""
    override = (settings or {}).get("BUILD_DATE")
    if isinstance(override, datetime):
        return override.astimezone(UTC) if override.tzinfo else override.replace(tzinfo=UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except ValueError:
            raise SystemExit(
                f"SOURCE_DATE_EPOCH must be whole seconds since 1970 (got {epoch!r}); "
                "unset it or write e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"
            ) from None
    return datetime.now(UTC)
