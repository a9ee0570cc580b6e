# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
from flask import request, session


def init(app):

	@app.route('/shop/nick-12', methods=['POST'])
	def nick_12():
		RESPONSE = ""
		param = request.form.get('nick', '')
		values = ['safe', param, 'other']
		values.remove('safe')
		bar = values[0]
		if bar.startswith('user'):
			RESPONSE += 'prefixed '
		session['nick'] = bar
		RESPONSE += 'saved'
		return RESPONSE
