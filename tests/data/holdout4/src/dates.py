"""Interval helpers for the hold-out-4 gold (conventions in ../README.md)."""
import calendar, datetime as dt
def _iso(d): return d.isoformat()
def last(y, m): return calendar.monthrange(y, m)[1]
def day(y, m, d): return (_iso(dt.date(y, m, d)), _iso(dt.date(y, m, d)), "day")
def days(y, m, d1, d2): return (_iso(dt.date(y, m, d1)), _iso(dt.date(y, m, d2)), "day")
def month(y, m): return (_iso(dt.date(y, m, 1)), _iso(dt.date(y, m, last(y, m))), "month")
def months(y1, m1, y2, m2): return (_iso(dt.date(y1, m1, 1)), _iso(dt.date(y2, m2, last(y2, m2))), "month")
def bme_month(part, y, m):
    a, b = {"begin": (1, 10), "medio": (11, 20), "eind": (21, last(y, m))}[part]
    return (_iso(dt.date(y, m, a)), _iso(dt.date(y, m, b)), "month")
def year(y): return (f"{y}-01-01", f"{y}-12-31", "year")
def years(y1, y2): return (f"{y1}-01-01", f"{y2}-12-31", "years")
def bme_year(part, y):
    a, b = {"begin": ((1, 1), (4, 30)), "medio": ((5, 1), (8, 31)), "eind": ((9, 1), (12, 31))}[part]
    return (_iso(dt.date(y, *a)), _iso(dt.date(y, *b)), "year")
def quarter(y, q, q2=None):
    q2 = q2 or q
    return (_iso(dt.date(y, 3 * q - 2, 1)), _iso(dt.date(y, 3 * q2, last(y, 3 * q2))), "quarter")
def half(y, h): return ((f"{y}-01-01", f"{y}-06-30") if h == 1 else (f"{y}-07-01", f"{y}-12-31")) + ("half_year",)
# astronomical seasons with the fixed boundaries used in the dev gold
def season(name, y):
    s = {"voorjaar": ("03-20", "06-20"), "zomer": ("06-21", "09-22"), "najaar": ("09-23", "12-20")}[name]
    return (f"{y}-{s[0]}", f"{y}-{s[1]}", "season")
def isoweek(y, w):
    return (_iso(dt.date.fromisocalendar(y, w, 1)), _iso(dt.date.fromisocalendar(y, w, 7)), "week")
def first_week_of_month(y, m): return (_iso(dt.date(y, m, 1)), _iso(dt.date(y, m, 7)), "week")
def schooljaar(y): return (f"{y}-08-01", f"{y+1}-07-31", "year")
