"""``itb remind``: a desktop notification of what is due and not done (for cron or a timer);
``--install`` writes a daily systemd user timer (or prints a crontab line)."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def _check_options(args: argparse.Namespace) -> None:
    """Exit 2 when the options do not go together."""
    if args.install and args.uninstall:
        args.subparser.error("choose --install or --uninstall, not both")
    if (args.at is not None or args.cron) and not args.install:
        args.subparser.error("--at and --cron go with --install")
    if args.install and args.at is None:
        args.subparser.error("--install needs the time of day: --at HH:MM")


def _install(args: argparse.Namespace) -> str:
    """Write the daily timer (or make the crontab line) that runs this command's remind."""
    import os

    from itb_tui.core.shell import remind

    extra, env = remind.carried_folders(args.data_dir, args.config_dir, os.environ)
    argv = remind.command_line(extra)
    systemd = not args.cron and remind.has_systemd()
    return remind.install(args.at, argv, os.environ, systemd, env)


def run(context: AppContext, args: argparse.Namespace) -> int:
    import os

    from itb_tui.core.shell import remind

    _check_options(args)
    if args.uninstall:
        print(remind.uninstall(os.environ))
    elif args.install:
        print(_install(args))
    else:
        from itb_tui.core.shell.today_line import today_summary

        line = remind.remind(today_summary(context), context.paths.data / remind.STATE_FILE)
        if line:
            print(line)
    return 0
