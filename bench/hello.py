"""The baseline for start-up: a minimal Typer + Rich program."""

import typer
from rich.console import Console

app = typer.Typer()


@app.command()
def hello() -> None:
    Console().print("[bold]hello[/]")


if __name__ == "__main__":
    app()
