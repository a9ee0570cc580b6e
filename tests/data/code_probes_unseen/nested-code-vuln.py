# probe: {"label": "vulnerable", "cwes": ["CWE-94"]}
from flask import request


def init(app):

	@app.route('/shop/calc-09', methods=['POST'])
	def calc_09():
		RESPONSE = ""
		param = request.form.get('formula', '0')
		num = 86
		bar = param if (7 * 18) - num > 20 else '1 + 1'
		try:
			RESPONSE += str(eval(bar))
		except Exception:
			RESPONSE += 'error'
		return RESPONSE
