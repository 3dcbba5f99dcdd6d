"""Text helpers."""
__all__ = ["shout", "whisper"]


def shout(s):
    return s.upper() + "!"


def whisper(s):
    return s.lower() + "..."


def not_exported(s):
    return s


_private = "hidden"
