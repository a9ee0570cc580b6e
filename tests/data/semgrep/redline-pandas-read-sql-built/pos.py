import pandas
def orders(conn, status):
    return pandas.read_sql(f"SELECT * FROM orders WHERE status = '{status}'", conn)
