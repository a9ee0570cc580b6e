# probe: {"label": "secure", "cwes": ["CWE-89"]}
from flask import request
from helpers.utils import escape_for_html


def init(app):

	@app.route('/shop/lookup-07', methods=['GET', 'POST'])
	def lookup_07():
		RESPONSE = ""
		values = request.form.getlist("customer")
		param = values[0] if values else ""

		parts = ["x", param, "y"]
		bar = parts[1]

		import helpers.db_sqlite

		sql = 'SELECT * FROM customers WHERE name=?'
		con = helpers.db_sqlite.get_connection()
		cur = con.cursor()
		cur.execute(sql, (bar,))
		RESPONSE += helpers.db_sqlite.results(cur, sql)
		con.close()
		return RESPONSE
