# probe: {"label": "secure", "cwes": ["CWE-501"]}
from flask import request


def init(app):

	@app.route('/shop/keep-04', methods=['GET', 'POST'])
	def keep_04():
		RESPONSE = ""
		param = request.args.get('item', '')

		store = {}
		store['a'] = 'fixed'
		store['b'] = param
		bar = store['a']

		from helpers.utils import mysession
		mysession['last_item'] = bar
		RESPONSE += 'Item kept.'
		return RESPONSE
