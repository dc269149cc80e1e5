"""The seams every screen uses: the app context, run_op, the error reporter, the task runner and
the change hub.
"""
