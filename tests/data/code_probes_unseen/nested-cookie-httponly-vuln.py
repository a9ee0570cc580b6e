# probe: {"label": "vulnerable", "cwes": ["CWE-1004"]}
from flask import request, make_response


def init(app):

	@app.route('/shop/track-16', methods=['GET'])
	def track_16():
		param = request.args.get('campaign', 'none')
		response = make_response('tracked')
		response.set_cookie('CampaignCookie', param, secure=True, httponly=False)
		return response
