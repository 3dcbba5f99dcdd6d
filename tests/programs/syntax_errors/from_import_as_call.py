from os import path as f()
