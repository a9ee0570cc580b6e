from markupsafe import Markup
def badge(name):
    return Markup(f"<b>{name}</b>")
