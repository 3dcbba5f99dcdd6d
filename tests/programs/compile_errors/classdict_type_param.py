class A[__classdict__]:
    pass
