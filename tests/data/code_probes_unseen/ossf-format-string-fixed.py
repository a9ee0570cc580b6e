# probe: {"label": "secure", "cwes": ["CWE-134"]}
from string import Template


class Config:
    secret = "s3cr3t"
    name = "demo"


def render_greeting(template, config):
    return Template(template).safe_substitute(name=config.name)


if __name__ == "__main__":
    print(render_greeting(input("Greeting template: "), Config()))
