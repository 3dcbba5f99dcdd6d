# __name__ is "__main__" for the script and the module name for imports.
import counter_mod

def main():
    print("main() running in", __name__)
    print("imported module name:", counter_mod.__name__)
    return 0

if __name__ == "__main__":
    print("script is __main__")
    main()
else:
    print("imported, not running main")
import sys
print(sys.modules["__main__"].main is main)
