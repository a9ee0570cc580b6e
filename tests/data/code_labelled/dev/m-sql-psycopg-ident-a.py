# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
from psycopg2 import sql


def fetch_metric(conn, metric: str, device_id: int, limit: int = 100):
    """Latest readings of one metric column (e.g. 'temperature', 'humidity') for a device.

    `metric` comes from the dashboard's dropdown.
    """
    query = sql.SQL(
        "SELECT recorded_at, {metric} FROM sensor_readings WHERE device_id = %s ORDER BY recorded_at DESC LIMIT %s"
    ).format(metric=sql.SQL(metric))
    with conn.cursor() as cur:
        cur.execute(query, (device_id, limit))
        return cur.fetchall()
