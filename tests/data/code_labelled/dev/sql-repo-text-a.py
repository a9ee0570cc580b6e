# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "class"}
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


@dataclass
class Reading:
    sensor_id: str
    taken_on: date
    value: float


class ReadingRepository:
    """Data access for sensor readings (raw SQL, no ORM models)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def for_sensor(self, sensor_id: str, start: date, end: date) -> list[Reading]:
        stmt = text(
            "SELECT sensor_id, taken_on, value FROM readings "
            "WHERE sensor_id = :sensor AND taken_on BETWEEN :start AND :end "
            "ORDER BY taken_on"
        )
        with self.engine.connect() as conn:
            rows = conn.execute(stmt, {"sensor": sensor_id, "start": start, "end": end})
            return [Reading(*row) for row in rows]

    def delete_sensor(self, sensor_id: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(text("DELETE FROM readings WHERE sensor_id = :sensor"), {"sensor": sensor_id})
            return result.rowcount


if __name__ == "__main__":
    repo = ReadingRepository(create_engine("sqlite:///telemetry.db"))
    print(repo.for_sensor("boiler-3", date(2024, 1, 1), date(2024, 1, 31)))
