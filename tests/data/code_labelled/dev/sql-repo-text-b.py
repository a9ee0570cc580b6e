# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "class"}
from dataclasses import dataclass
from datetime import date

from sqlalchemy import create_engine, text


@dataclass
class Reading:
    sensor_id: str
    taken_on: date
    value: float


class ReadingRepository:
    """Data access for sensor readings (raw SQL, no ORM models)."""

    def __init__(self, engine):
        self.engine = engine

    def for_sensor(self, sensor_id, start, end):
        stmt = text(
            "SELECT sensor_id, taken_on, value FROM readings "
            "WHERE sensor_id = '{}' AND taken_on BETWEEN '{}' AND '{}' "
            "ORDER BY taken_on".format(sensor_id, start.isoformat(), end.isoformat())
        )
        with self.engine.connect() as conn:
            return [Reading(*row) for row in conn.execute(stmt)]

    def delete_sensor(self, sensor_id):
        with self.engine.begin() as conn:
            return conn.execute(text("DELETE FROM readings WHERE sensor_id = '" + sensor_id + "'")).rowcount


if __name__ == "__main__":
    repo = ReadingRepository(create_engine("sqlite:///telemetry.db"))
    print(repo.for_sensor("boiler-3", date(2024, 1, 1), date(2024, 1, 31)))
