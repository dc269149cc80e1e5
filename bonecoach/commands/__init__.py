"""Sub-commands of the `bonecoach` command line, one module per concept.

Each module listed here defines ``register(subparsers)``, which adds its parser(s) and sets
``handler`` (a function taking the parsed args and returning an exit code). Modules import
their heavy dependencies inside the handlers so that `bonecoach` starts fast.
"""

COMMAND_MODULES: tuple[str, ...] = ("bonecoach.commands.library",)
