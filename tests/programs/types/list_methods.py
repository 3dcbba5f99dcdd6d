# list methods: append/extend/insert/pop/remove/index/count/sort/reverse/copy/clear.
lst = [3, 1, 2]
lst.append(4)
lst.extend([5, 6])
lst.extend("ab")
lst.insert(0, "start")
lst.insert(100, "end")
lst.insert(-1, "before-end")
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove("a")
print(lst, lst.index(2), lst.count(1), lst.index(4, 2))
nums = [5, 2, 8, 1]
nums.sort()
print(nums)
nums.reverse()
print(nums)
c = nums.copy()
c.append(0)
print(nums, c)
c.clear()
print(c)
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
