import ftplib
def upload(host, user, password, path):
    ftp = ftplib.FTP_TLS(host)
    ftp.login(user, password)
