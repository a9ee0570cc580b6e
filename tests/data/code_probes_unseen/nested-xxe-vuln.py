# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from flask import request


def init(app):

	@app.route('/shop/feed-08', methods=['POST'])
	def feed_08():
		RESPONSE = ""
		param = request.get_data(as_text=True)
		bar = param

		import lxml.etree
		parser = lxml.etree.XMLParser(resolve_entities=True)
		doc = lxml.etree.fromstring(bar.encode('utf-8'), parser)
		RESPONSE += str(doc.text)
		return RESPONSE
