s = t'{pass}'
