# probe: {"label": "vulnerable", "cwes": ["CWE-643"]}
from flask import request


def init(app):

	@app.route('/shop/sku-03', methods=['GET'])
	def sku_03():
		RESPONSE = ""
		param = request.cookies.get('sku', '')
		import base64
		bar = base64.b64decode(base64.b64encode(param.encode())).decode()

		import lxml.etree
		root = lxml.etree.parse('catalog.xml')
		query = "/catalog/item[@sku='" + bar + "']/name"
		for node in root.xpath(query):
			RESPONSE += node.text
		return RESPONSE
