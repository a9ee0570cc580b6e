import requests
def fetch(url):
    return requests.get(url, verify="/etc/ssl/corp-ca.pem", timeout=5)
