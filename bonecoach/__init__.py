"""BoneCoach: safe, progressive exercise programs for people with weak bones."""

__version__ = "0.1.0"
