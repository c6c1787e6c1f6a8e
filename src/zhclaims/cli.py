"""The ``zhclaims`` command: argument parsing and printing only; each command is a library call.

Exit status: 0 when every input gave a record, 1 when some failed (the good ones are still
written), 2 for usage errors. Tracebacks only with ``--debug``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import ZhclaimsError

# command name -> module in zhclaims.commands defining add_arguments(parser) and run(args) -> int
COMMANDS = {
    "extract": "extract",
    "eval": "eval",
    "check": "check",
    "report": "report",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhclaims", description="Read Chinese news and check its figures.")
    parser.add_argument("--version", action="version", version=f"zhclaims {__import__('zhclaims').__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        mod = importlib.import_module(f"zhclaims.commands.{module}")
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        p.add_argument("--debug", action="store_true", help="show tracebacks")
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        from .commands.common import interrupt_on_sigterm

        with interrupt_on_sigterm():  # SIGTERM stops every command as Ctrl-C does: outputs stay whole
            return args._run(args)
    except ZhclaimsError as exc:
        if getattr(args, "debug", False):
            raise
        print(f"zhclaims: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhclaims: interrupted; every output file is either whole or as it was before", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
