# Ordering of try / except / else / finally blocks.
def run(fail):
    try:
        print("  try")
        if fail:
            raise ValueError("fail")
    except ValueError as e:
        print("  except", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")

print("no error:")
run(False)
print("error:")
run(True)

def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
