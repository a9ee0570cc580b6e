import sqlalchemy
def by_email(session, email):
    return session.execute(sqlalchemy.text("SELECT * FROM accounts WHERE email = :email"), {"email": email})
