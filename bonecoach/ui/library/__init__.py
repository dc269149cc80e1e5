"""The exercise library on screen: the browser and its filter, details, thumbnails and the library
manager.
"""
