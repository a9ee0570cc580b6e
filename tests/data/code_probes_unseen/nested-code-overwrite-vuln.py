# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
from flask import request


def init(app):

	@app.route('/shop/expr-14', methods=['GET'])
	def expr_14():
		RESPONSE = ""
		param = request.args.get('e', '2')
		bar = 'len("abc")'
		for _ in range(2):
			bar = param
		RESPONSE += str(eval(bar))
		return RESPONSE
