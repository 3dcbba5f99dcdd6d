# When automatic collections start: generation 0's threshold, gc.disable(),
# gc.enable(), a zero threshold (never) and changes while allocating.
import gc

starts = []


def watch(phase, info):
    if phase == "start":
        starts.append(info["generation"])


def allocate(n):
    keep = []
    for i in range(n):
        keep.append([i])
    return keep


gc.collect()
gc.callbacks.append(watch)

gc.set_threshold(100)
starts.clear()
kept = allocate(1000)
print("threshold 100, 1000 lists:", len(starts) > 0)

gc.disable()
starts.clear()
kept = allocate(1000)
print("disabled:", len(starts))
print("isenabled:", gc.isenabled())

gc.enable()
kept = allocate(300)
print("enabled again:", len(starts) > 0)

gc.set_threshold(0)
starts.clear()
kept = allocate(3000)
print("threshold 0:", len(starts))

gc.set_threshold(100000)
starts.clear()
kept = allocate(1000)
print("threshold 100000:", len(starts))
print("threshold:", gc.get_threshold()[0])

gc.set_threshold(50, 10, 10)
starts.clear()
kept = allocate(200)
print("threshold 50:", len(starts) > 0)

gc.set_threshold(2000, 10, 10)
gc.callbacks.remove(watch)
print("done")
