"""The main window and what frames the tabs: menus and what they do, the client list, start-up,
welcome, restore notices.
"""
