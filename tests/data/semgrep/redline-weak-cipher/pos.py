from Crypto.Cipher import DES
def seal(key, data):
    return DES.new(key, DES.MODE_CBC).encrypt(data)
