# A small ray tracer: a vector class with operator overloading, method calls, float math.
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        return self * (1.0 / self.length())


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def intersect(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        sq = math.sqrt(disc)
        t = -b - sq
        if t > 1e-6:
            return t
        t = -b + sq
        return t if t > 1e-6 else None

    def normal(self, point):
        return (point - self.center).norm()


class Scene:
    def __init__(self):
        self.spheres = [
            Sphere(Vec(0, -1000.5, 3), 1000, Vec(0.8, 0.8, 0.8), 0.2),
            Sphere(Vec(0, 0, 3), 0.5, Vec(1.0, 0.2, 0.2), 0.5),
            Sphere(Vec(-1.1, 0, 3.5), 0.5, Vec(0.2, 1.0, 0.2), 0.3),
            Sphere(Vec(1.1, 0, 3.5), 0.5, Vec(0.2, 0.2, 1.0), 0.3),
        ]
        self.light = Vec(-3, 5, -2)

    def trace(self, origin, direction, depth):
        nearest, hit = None, None
        for s in self.spheres:
            t = s.intersect(origin, direction)
            if t is not None and (nearest is None or t < nearest):
                nearest, hit = t, s
        if hit is None:
            return Vec(0.2, 0.3, 0.5)
        point = origin + direction * nearest
        normal = hit.normal(point)
        to_light = (self.light - point).norm()
        shadowed = any(s.intersect(point, to_light) is not None for s in self.spheres if s is not hit)
        diffuse = 0.0 if shadowed else max(0.0, normal.dot(to_light))
        color = hit.color * (0.1 + 0.9 * diffuse)
        if depth < 2 and hit.reflect > 0:
            refl_dir = direction - normal * (2 * direction.dot(normal))
            color = color * (1 - hit.reflect) + self.trace(point, refl_dir.norm(), depth + 1) * hit.reflect
        return color


def render(width, height):
    scene = Scene()
    eye = Vec(0, 0, -1)
    checksum = 0
    rows = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / width
            y = (height / 2 - j) / height
            c = scene.trace(eye, Vec(x, y, 1).norm(), 0)
            r, g, b = (min(255, int(255 * v)) for v in (c.x, c.y, c.z))
            checksum = (checksum * 7 + r * 65536 + g * 256 + b) % 1_000_000_007
            row.append(" .:-=+*#%@"[min(9, (r + g + b) // 77)])
        rows.append("".join(row))
    return checksum, rows


checksum, rows = render(240, 180)
for row in rows[::36]:
    print(row[::4])
print("checksum", checksum)
