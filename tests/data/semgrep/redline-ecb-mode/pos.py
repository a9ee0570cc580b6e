from Crypto.Cipher import AES
def seal(key, data):
    return AES.new(key, AES.MODE_ECB).encrypt(data)
