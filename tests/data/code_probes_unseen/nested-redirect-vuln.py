# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from flask import request, redirect


def init(app):

	@app.route('/shop/go-05', methods=['GET'])
	def go_05():
		param = request.args.get('to', '')

		def passthrough(value):
			return value

		bar = passthrough(param)
		return redirect(bar)
