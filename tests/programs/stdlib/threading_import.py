# threading in a one-thread interpreter: the main thread, locks, events,
# conditions, semaphores, thread-local data, Thread objects not started.
import threading
import _thread
import weakref

print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.current_thread().ident == threading.get_ident(), threading.current_thread().is_alive())
print(threading.current_thread().daemon, threading.active_count(), len(threading.enumerate()))
lock = threading.Lock()
with lock:
    print("locked", lock.locked())
print(lock.locked(), lock.acquire(blocking=False), lock.acquire(blocking=False))
lock.release()
rlock = threading.RLock()
with rlock:
    with rlock:
        print("rlock held twice")
event = threading.Event()
print(event.is_set(), event.wait(0))
event.set()
print(event.is_set(), event.wait(0))
condition = threading.Condition()
with condition:
    print("wait times out:", condition.wait(0.01))
    condition.notify_all()
semaphore = threading.BoundedSemaphore(2)
print(semaphore.acquire(), semaphore.acquire(), semaphore.acquire(blocking=False))
semaphore.release()
semaphore.release()
try:
    semaphore.release()
except ValueError as e:
    print("ValueError:", e)
local = threading.local()
local.x = 5
print(local.x, hasattr(local, "y"))


class MyLocal(threading.local):
    def __init__(self, value):
        self.value = value


print(MyLocal(3).value)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
t = threading.Thread(target=print, args=("never",), name="worker")
print(t.name, t.is_alive(), t.daemon, t.ident)
print(repr(t).startswith("<Thread(worker, initial"))
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
timer = threading.Timer(10, print)
print(type(timer).__name__, timer.is_alive())
barrier = threading.Barrier(1)
print(barrier.parties, barrier.n_waiting)
print(weakref.ref(lock)() is lock, weakref.ref(rlock)() is rlock)
print(_thread.stack_size(), threading.TIMEOUT_MAX > 0)
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
print(threading.excepthook is _thread._excepthook, threading.ExceptHookArgs is _thread._ExceptHookArgs)

# At exit, threading's own exit functions run before atexit's.
import atexit

atexit.register(print, "atexit callback")
threading._register_atexit(print, "threading exit function")
print("end of program")
