"""``natoiraq cache``: where the result cache is, and clearing it."""

from __future__ import annotations

import click


@click.group()
def cache():
    """The result cache: repeated runs over the same articles are instant.

    \b
    Facts are cached per (article text, reference date, natoiraq's code,
    model) in $XDG_CACHE_HOME/natoiraq (else ~/.cache/natoiraq). Any change
    to natoiraq's code or word lists invalidates it. --no-cache bypasses it.
    """


@cache.command("info")
def cache_info():
    """Where the cache is and how much it holds."""
    from natoiraq.run import cache as store

    details = store.info()
    click.echo(f"{details['path']}: {details['entries']} articles, {details['bytes'] / 1e6:.1f} MB")


@cache.command("clear")
def cache_clear():
    """Delete every cached result."""
    from natoiraq.run import cache as store

    path, size = store.clear()
    click.echo(f"natoiraq: cleared {path} ({size / 1e6:.1f} MB)" if size else f"natoiraq: no cache at {path}")


COMMANDS = (cache,)
