# probe: {"label": "vulnerable", "cwes": ["CWE-614"]}
from flask import request, make_response


def init(app):

	@app.route('/shop/pref-11', methods=['POST'])
	def pref_11():
		RESPONSE = ""
		param = request.headers.get('X-Pref', '')
		bar = param.strip() or 'none'

		RESPONSE += f'Stored preference.'
		response = make_response(RESPONSE)
		response.set_cookie('PrefCookie', bar, max_age=3600, secure=False, httponly=True, path=request.path)
		return response
