import pandas
def orders(conn, status):
    return pandas.read_sql("SELECT * FROM orders WHERE status = ?", conn, params=(status,))
