# OO task scheduler in the style of richards: method calls, attribute access, linked queues.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task:
    def __init__(self, scheduler, ident, priority, queue, waiting=True):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = waiting
        self.link = scheduler.task_list
        scheduler.task_list = self
        scheduler.table[ident] = self

    def add_packet(self, pkt, current):
        if self.queue is None:
            self.queue = pkt
            if self.priority > current.priority:
                return self
        else:
            pkt.append_to(self.queue)
        return current


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        super().__init__(scheduler, ident, priority, None, waiting=False)
        self.control = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        sched = self.scheduler
        if self.count == 0:
            return sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.count = 0

    def run(self, pkt):
        sched = self.scheduler
        if pkt is None:
            return sched.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        pkt.ident = self.destination
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count
        return sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def run(self, pkt):
        sched = self.scheduler
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return sched.queue_packet(work)
        return sched.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None)
        self.pending = None

    def run(self, pkt):
        sched = self.scheduler
        if pkt is None:
            if self.pending is None:
                return sched.wait()
            out = self.pending
            self.pending = None
            return sched.queue_packet(out)
        self.pending = pkt
        return sched.hold_self()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.table = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, pkt):
        task = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return task.add_packet(pkt, self.current)

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.held or (task.waiting and task.queue is None):
                task = task.link
                continue
            self.current = task
            if task.waiting:
                pkt = task.queue
                task.queue = pkt.link
                task.waiting = False
            else:
                pkt = None
            task = task.run(pkt)


def run_once(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    wq = Packet(None, WORKER, KIND_WORK)
    wq = Packet(wq, WORKER, KIND_WORK)
    WorkerTask(s, WORKER, 1000, wq)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.queue_count, s.hold_count


totals = [0, 0]
for _ in range(25):
    qc, hc = run_once(10000)
    totals[0] += qc
    totals[1] += hc
print("queue count", totals[0], "hold count", totals[1])
