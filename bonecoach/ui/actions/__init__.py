"""Thin actions: each wraps one store or domain call, so screens never touch the database.

Screens call these (directly, or through ``context.tasks.run`` when slow) and refresh from
what they return.
"""
