try:
    pass
finally:
    pass
except A:
    pass
