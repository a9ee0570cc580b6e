# probe: {"label": "secure", "cwes": ["CWE-95"]}
from flask import request


def init(app):

	@app.route('/shop/expr-14', methods=['GET'])
	def expr_14():
		RESPONSE = ""
		param = request.args.get('e', '2')
		bar = param
		bar = 'len("abc")'
		RESPONSE += str(eval(bar))
		return RESPONSE
