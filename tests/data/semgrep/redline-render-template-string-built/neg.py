from flask import render_template_string
def page(title):
    return render_template_string("<h1>{{ title }}</h1>", title=title)
