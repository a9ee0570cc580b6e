# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import request, make_response


def init(app):

	@app.route('/shop/qty-13', methods=['GET'])
	def qty_13():
		param = request.args.get('qty', '1')
		try:
			bar = int(param)
		except ValueError:
			bar = 1
		response = make_response(f'<b>Quantity: {bar}</b>')
		return response
