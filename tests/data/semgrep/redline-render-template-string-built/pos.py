from flask import render_template_string
def page(title):
    return render_template_string(f"<h1>{title}</h1>")
