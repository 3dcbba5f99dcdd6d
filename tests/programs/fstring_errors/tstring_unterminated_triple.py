s = t'''abc
