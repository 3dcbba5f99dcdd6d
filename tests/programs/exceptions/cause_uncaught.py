# Uncaught exception with an explicit cause: "The above exception was the direct cause".
class AppError(Exception):
    pass

def fetch(d, key):
    try:
        return d[key]
    except KeyError as exc:
        raise AppError(f"missing setting {key}") from exc

settings = {"debug": True}
print(fetch(settings, "debug"))
fetch(settings, "port")
