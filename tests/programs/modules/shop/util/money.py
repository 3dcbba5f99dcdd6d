def format_price(cents):
    from .. import CURRENCY_SYMBOLS_FALLBACK
    return f"{cents // 100}.{cents % 100:02d} {CURRENCY_SYMBOLS_FALLBACK}"

def currency():
    from ... import shop_missing_name
