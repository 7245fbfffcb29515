"""``python -m toolkit.datasets fetch``: fetch and verify the default corpus into the cache."""

from __future__ import annotations

import sys

from toolkit.datasets import cache_dir, clear_cache, fetch_news_articles


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "fetch"
    if command == "fetch":
        path = fetch_news_articles()
        print(f"default corpus ready: {path}")
        return 0
    if command == "clear":
        clear_cache()
        print(f"cleared {cache_dir() / 'datasets'}")
        return 0
    print("usage: python -m toolkit.datasets [fetch|clear]")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
