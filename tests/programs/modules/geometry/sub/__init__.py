print("geometry.sub package init, __package__ =", __package__)
