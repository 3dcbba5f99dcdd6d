from pkg_errors.needs_half import USED
DEFINED_LATE = 2
