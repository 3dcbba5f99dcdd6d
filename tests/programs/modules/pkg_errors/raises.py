print("pkg_errors.raises starts")
VALUE = 1

def helper():
    return {}["missing key"]

RESULT = helper()
