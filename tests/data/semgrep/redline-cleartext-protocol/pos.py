import ftplib
def upload(host, user, password, path):
    ftp = ftplib.FTP(host)
    ftp.login(user, password)
