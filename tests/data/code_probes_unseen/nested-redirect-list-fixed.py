# probe: {"label": "secure", "cwes": ["CWE-601"]}
from flask import request, redirect


def init(app):

	@app.route('/shop/out-15', methods=['GET'])
	def out_15():
		param = request.headers.get('Referer', '')
		targets = []
		targets.append('/home')
		targets.append(param)
		bar = targets[0]
		return redirect(bar)
