s = t'abc
