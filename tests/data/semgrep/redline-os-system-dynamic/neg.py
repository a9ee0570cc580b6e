import os
def uptime():
    return os.system("uptime")
