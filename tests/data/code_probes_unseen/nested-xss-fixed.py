# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import request
from helpers.utils import escape_for_html


def init(app):

	@app.route('/shop/greet-02', methods=['GET'])
	def greet_02():
		RESPONSE = ""
		raw = request.query_string.decode('utf-8')
		loc = raw.find('who=')
		param = raw[loc + 4:] if loc != -1 else ""

		import urllib.parse
		param = urllib.parse.unquote_plus(param)

		mode = 3
		match mode:
			case 1:
				bar = 'guest'
			case 3:
				bar = param
			case _:
				bar = 'guest'

		RESPONSE += f'<p>Hello {escape_for_html(bar)}</p>'
		return RESPONSE
