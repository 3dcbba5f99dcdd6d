# Positions far down or far right in trees built by hand reach the code
# object unchanged.
import ast
def run(line, col):
    n = ast.Name('undefined_name', ast.Load(), lineno=line, col_offset=col, end_lineno=line, end_col_offset=col + 5)
    tree = ast.Expression(n)
    try:
        eval(compile(tree, 'big', 'eval'))
    except NameError as e:
        tb = e.__traceback__
        while tb.tb_next: tb = tb.tb_next
        print(tb.tb_lineno, list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2])
run(1, 0)
run(100000, 3)
run(5, 100000)
