# probe: {"label": "vulnerable", "cwes": ["CWE-134"]}
class Config:
    secret = "s3cr3t"
    name = "demo"


def render_greeting(template, config):
    return template.format(config=config)


if __name__ == "__main__":
    print(render_greeting(input("Greeting template: "), Config()))
