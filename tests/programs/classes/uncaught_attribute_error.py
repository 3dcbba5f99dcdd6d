# Uncaught AttributeError with CPython's "Did you mean" suggestion.
class Account:
    def __init__(self):
        self.balance = 10

acct = Account()
print(hasattr(acct, "balance"), hasattr(acct, "balanse"))
print(getattr(acct, "balanse", "no such attribute"))
print(acct.balance)
print(acct.balanse)
