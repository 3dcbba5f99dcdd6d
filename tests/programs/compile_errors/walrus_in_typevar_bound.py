class A[T: (y := int)]:
    pass
