import typing
from typing import (Any, Optional, Union, List, Dict, Callable, TypeVar, Generic, NamedTuple, TypedDict,
                    Protocol, Literal, cast, overload, get_origin, get_args, Final, ClassVar, Sequence)
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box.__parameters__, Box(3).v, Box[int](4).v, get_origin(Box[int]) is Box, get_args(Box[int]))
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Callable[[int], str]), get_origin(int | str), cast(int, 'x'))
print(get_args(Optional[int]), get_args(Union[int, str]), Union[int, str] == (int | str))
print(get_args(Literal[1, 2]), get_args(Final[int]))
class Pair[K, V]:
    def __init__(self, k: K, v: V): self.k, self.v = k, v
print(Pair.__type_params__, get_args(Pair[int, str]), Pair(1, 2).k)
type Alias = list[int]
print(Alias.__value__)
@typing.runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...
print(HasLen.__name__)
print(issubclass(list, typing.Sequence), issubclass(dict, typing.Mapping))
def g[X](x: X) -> X: return x
print(g(5), g.__type_params__)
@overload
def h(x: int) -> int: ...
@overload
def h(x: str) -> str: ...
def h(x): return x
print(h(1))
try:
    Box[int, str]
except TypeError as e:
    print(e)
try:
    class Bad(Generic): pass
except TypeError as e:
    print(e)
