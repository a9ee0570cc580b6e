# redline-label: {"label": "secure", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "cli"}
import click
import httpx

API_BASE = "https://chat.example.com/api/v4"


@click.command()
@click.option("--channel", required=True, help="Channel id to post to.")
@click.option("--token", envvar="CHAT_BOT_TOKEN", required=True, show_envvar=True, help="Bot access token.")
@click.argument("message")
def notify(channel: str, token: str, message: str) -> None:
    """Post MESSAGE to a team channel (used by the deploy pipeline)."""
    resp = httpx.post(
        f"{API_BASE}/posts",
        headers={"Authorization": f"Bearer {token}"},
        json={"channel_id": channel, "message": message},
        timeout=10,
    )
    resp.raise_for_status()
    click.echo(f"posted {resp.json()['id']}")


if __name__ == "__main__":
    notify()
