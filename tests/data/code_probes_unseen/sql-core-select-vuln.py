# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
from fastapi import FastAPI
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, text

engine = create_engine("sqlite:///crm.db")
meta = MetaData()
leads = Table("leads", meta, Column("id", Integer, primary_key=True), Column("company", String))
api = FastAPI()


@api.get("/leads")
def leads_for(company: str):
    with engine.connect() as conn:
        rows = conn.execute(leads.select().where(text("company = '" + company + "'")))
        return [dict(r._mapping) for r in rows]
