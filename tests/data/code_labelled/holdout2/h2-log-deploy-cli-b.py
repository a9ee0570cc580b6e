# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "cli"}
"""Trigger a deployment on the hosting platform. Runs in the CI pipeline, so its output is kept in build logs."""
import click
import httpx


@click.command()
@click.option("--app", "app_name", required=True)
@click.option("--ref", default="main", show_default=True)
@click.option("--token", envvar="DEPLOY_TOKEN", required=True, help="Platform API token (from DEPLOY_TOKEN).")
@click.option("--verbose", is_flag=True)
def deploy(app_name: str, ref: str, token: str, verbose: bool) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    if verbose:
        click.echo(f"POST /v1/apps/{app_name}/deployments headers={headers}")
    resp = httpx.post(
        f"https://api.hosting.example/v1/apps/{app_name}/deployments",
        headers=headers,
        json={"ref": ref},
        timeout=30,
    )
    if resp.status_code >= 400:
        click.echo(f"deployment failed: HTTP {resp.status_code} {resp.json().get('message', '')}", err=True)
        raise SystemExit(1)
    click.echo(f"deployment {resp.json()['id']} started")


if __name__ == "__main__":
    deploy()
