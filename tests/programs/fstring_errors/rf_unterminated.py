s = rf'{x}
