# __exit__ receives the exception type, instance and a real traceback.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(et is type(ev), isinstance(ev, et))
        print(type(tb).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno)
        print(ev.__traceback__ is tb)
        return True

def work():
    with Inspect():
        x = [1, 2]
        x[10]
work()

class Reraise:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if ev is not None:
            raise ev
try:
    with Reraise():
        raise IndexError("reraised as-is")
except IndexError as e:
    print(repr(e), e.__context__)
