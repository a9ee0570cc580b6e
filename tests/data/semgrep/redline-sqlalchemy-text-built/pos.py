import sqlalchemy
def by_email(session, email):
    return session.execute(sqlalchemy.text(f"SELECT * FROM accounts WHERE email = '{email}'"))
