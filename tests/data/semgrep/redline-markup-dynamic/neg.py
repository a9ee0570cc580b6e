from markupsafe import Markup
def badge(name):
    return Markup("<b>{}</b>").format(name)
