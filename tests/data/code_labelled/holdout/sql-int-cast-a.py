# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "function"}
def mark_invoices_paid(cursor, invoice_ids, paid_on):
    """Mark several invoices as paid in one statement.

    invoice_ids may come straight from the request body, so every id is
    forced through int() before it is put into the IN (...) list.
    """
    ids = sorted({int(i) for i in invoice_ids})
    if not ids:
        return 0
    id_list = ",".join(str(i) for i in ids)
    cursor.execute(
        "UPDATE invoices SET status = 'paid', paid_on = %s WHERE id IN (" + id_list + ")",
        (paid_on,),
    )
    return cursor.rowcount
