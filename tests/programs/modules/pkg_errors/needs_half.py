from pkg_errors.half import DEFINED_LATE
USED = 1
