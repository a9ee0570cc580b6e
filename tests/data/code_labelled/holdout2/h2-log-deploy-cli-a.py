# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "cli"}
"""Trigger a deployment on the hosting platform. Runs in the CI pipeline, so its output is kept in build logs."""
import click
import httpx


@click.command()
@click.option("--app", "app_name", required=True)
@click.option("--ref", default="main", show_default=True)
@click.option("--token", envvar="DEPLOY_TOKEN", required=True, help="Platform API token (from DEPLOY_TOKEN).")
def deploy(app_name: str, ref: str, token: str) -> None:
    click.echo(f"deploying {app_name}@{ref} with token ****{token[-4:]}")
    resp = httpx.post(
        f"https://api.hosting.example/v1/apps/{app_name}/deployments",
        headers={"Authorization": f"Bearer {token}"},
        json={"ref": ref},
        timeout=30,
    )
    if resp.status_code >= 400:
        click.echo(f"deployment failed: HTTP {resp.status_code} {resp.json().get('message', '')}", err=True)
        raise SystemExit(1)
    click.echo(f"deployment {resp.json()['id']} started")


if __name__ == "__main__":
    deploy()
