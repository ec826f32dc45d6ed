#!/usr/bin/python3
"""Writes spreadsheets in the layouts provincial offices produce (issue 11) from the real units of
Lạng Sơn, and an answer key, for tests/io/annex_layouts_test.cpp.

    make_annexes.py SHARED_DATA_DIR OUT_DIR

SHARED_DATA_DIR is ../shared/data (units/langson_units_2025-03.csv, units/langson_units_2025-07.csv,
boundaries/langson_communes_2009.geojson). OUT_DIR gets one file per layout and key.json:
{file: {"units": "2025-03" | "2025-07" | "2009", "met": {code or "district|name": n},
"unmatched": [[line, name], ...], "notes": {code: text}, ...}}.

Written with packaged libraries only: python3-openpyxl (XLSX), python3-xlwt (XLS, Excel 97-2003),
python3-odf (ODS). Every layout element follows the annexes provinces publish ("Biểu tổng hợp kết
quả thực hiện bộ tiêu chí xã nông thôn mới": title rows with the date, a merged header STT | Đơn
vị | Tiêu chí 1…19 | Tổng số tiêu chí đạt | Ghi chú, a heading row per district, totals, notes,
signatures). Criterion names are those of the sets in src/core/criteria.cpp (sources in
docs/criteria-sources.md: Decisions 1980/QĐ-TTg, 318/QĐ-TTg, 51/2025/QĐ-TTg).
"""
import csv
import json
import os
import sys
import unicodedata

import openpyxl
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow, CoveredTableCell
from odf.text import P

SHARED, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
KEY = {}

# --- Units ---------------------------------------------------------------------------------------

def units_2025_03():
    """(district, full name, code) of the 194 units of March 2025, in file order."""
    with open(os.path.join(SHARED, "units/langson_units_2025-03.csv"), encoding="utf-8") as f:
        return [(r["district_name"], r["commune_name"], r["commune_code"]) for r in csv.DictReader(f)]


def units_2025_07():
    with open(os.path.join(SHARED, "units/langson_units_2025-07.csv"), encoding="utf-8") as f:
        return [("", r["fullName"], r["code"]) for r in csv.DictReader(f)]


def units_2009():
    with open(os.path.join(SHARED, "boundaries/langson_communes_2009.geojson"), encoding="utf-8") as f:
        feats = json.load(f)["features"]
    # The census code (commune_id) keys the answer only: 2009 annexes name units, never codes.
    return [(p["district_vn"], p["commune_vn"], str(p["commune_id"])) for p in (x["properties"] for x in feats)]


def by_district(units):
    out = []
    for d, n, c in units:
        if not out or out[-1][0] != d:
            out.append((d, []))
        out[-1][1].append((n, c))
    return out


def bare(name):
    for p in ("Thị trấn ", "Phường ", "Xã ", "xã "):
        if name.startswith(p):
            return name[len(p):]
    return name


def written(name, i, district_units):
    """The name as offices write it: with or without the type word, upper case, NFD, Ð (U+00D0)
    for Đ, doubled and trailing spaces. The type word is dropped only where the bare name is
    unique in its district (else the table itself would be ambiguous)."""
    b = bare(name)
    unique = sum(1 for n, _ in district_units if bare(n) == b) == 1
    v = i % 7
    if v == 0 and unique:
        return b
    if v == 1:
        return name.replace("Xã ", "xã ", 1)
    if v == 2:
        return unicodedata.normalize("NFD", name)
    if v == 3 and "Đ" in name:
        return name.replace("Đ", "\u00d0")
    if v == 4:
        return "  " + name.replace(" ", "  ") + " "
    if v == 5:
        return name.upper()
    return name


def met_of(i, n):
    """Criteria met by the i-th unit of a table with n criteria (every count from 0 to n)."""
    return (i * 7 + 3) % (n + 1)


YES = ["x", "X", "Đạt", "đạt", "✓", "1"]
NO = ["", "Chưa đạt", "0", "-", "", "chưa đạt"]


def marks(i, n, met, yes=YES, no=NO):
    """Which criteria are met: a spread of them (not always the first ones)."""
    order = [(k * 7 + i) % n for k in range(n)]  # 7 is prime to 10 and 19: every column
    chosen = set(order[:met])
    return [yes[(i + k) % len(yes)] if k in chosen else no[(i + k) % len(no)] for k in range(n)]


C2016 = ["Quy hoạch", "Giao thông", "Thủy lợi", "Điện", "Trường học", "Cơ sở vật chất văn hóa",
         "Cơ sở hạ tầng thương mại nông thôn", "Thông tin và Truyền thông", "Nhà ở dân cư", "Thu nhập",
         "Hộ nghèo", "Lao động có việc làm", "Tổ chức sản xuất", "Giáo dục và Đào tạo", "Y tế", "Văn hóa",
         "Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh"]
C2021 = list(C2016)
C2021[2] = "Thủy lợi và phòng, chống thiên tai"
C2021[10] = "Nghèo đa chiều"
C2021[11] = "Lao động"
C2021[12] = "Tổ chức sản xuất và phát triển kinh tế nông thôn"
C2026 = ["Quy hoạch", "Hạ tầng kinh tế - xã hội", "Phát triển kinh tế nông thôn", "Đào tạo nguồn nhân lực nông thôn",
         "Văn hóa, giáo dục, y tế", "Giảm nghèo và an sinh xã hội", "Khoa học công nghệ và chuyển đổi số",
         "Môi trường và cảnh quan nông thôn", "Xây dựng hệ thống chính trị và hành chính công",
         "Tiếp cận pháp luật và an ninh, quốc phòng"]
# The five groups of the 19 criteria (Decision 1980/QĐ-TTg): 1 | 2–9 | 10–13 | 14–17 | 18–19.
GROUPS = [("Quy hoạch", 1, 1), ("Hạ tầng kinh tế - xã hội", 2, 9), ("Kinh tế và tổ chức sản xuất", 10, 13),
          ("Văn hóa - Xã hội - Môi trường", 14, 17), ("Hệ thống chính trị", 18, 19)]

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


class Grid:
    """Rows of cells (None = empty), merges (r1, c1, r2, c2, 0-based), hidden columns."""

    def __init__(self):
        self.rows, self.merges, self.hidden = [], [], []

    def add(self, cells, width=None):
        self.rows.append(list(cells))
        return len(self.rows) - 1

    def line(self, r):
        return r + 1

    def merge(self, r1, c1, r2, c2):
        self.merges.append((r1, c1, r2, c2))


def heading_label(k, district, count, style):
    if style == "roman":
        return ROMAN[k] + ". " + district
    if style == "count":
        return "%s (%d xã)" % (district, count)
    if style == "arabic":
        return "%d. %s" % (k + 1, district)
    if style == "upper":
        return district.upper()
    if style == "short":  # "H. Cao Lộc", "TP. Lạng Sơn"
        return district.replace("Huyện ", "H. ").replace("Thành phố ", "TP. ")
    if style == "bare":  # "Cao Lộc": the name alone, no type word, no number
        return district.replace("Huyện ", "").replace("Thành phố ", "")
    if style == "nfd-roman":
        return unicodedata.normalize("NFD", ROMAN[k] + " - " + district)
    return district


# --- Writers -------------------------------------------------------------------------------------

def cell_value(v):
    if isinstance(v, str) and v.isdigit() and len(v) < 6 and not v.startswith("0"):
        return int(v)
    return v


def write_xlsx(path, sheets, first_sheet_cover=None):
    wb = openpyxl.Workbook()
    ws0 = wb.active
    if first_sheet_cover:
        ws0.title = "Hướng dẫn"
        for r, text in enumerate(first_sheet_cover):
            ws0.cell(row=r + 1, column=1, value=text)
    for k, (name, g) in enumerate(sheets):
        ws = ws0 if (k == 0 and not first_sheet_cover) else wb.create_sheet()
        ws.title = name
        for r, row in enumerate(g.rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                ws.cell(row=r + 1, column=c + 1, value=cell_value(v))
        for r1, c1, r2, c2 in g.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        for c in g.hidden:
            ws.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].hidden = True
    wb.save(path)


def write_xls(path, name, g):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(name)
    covered = set()
    for r1, c1, r2, c2 in g.merges:
        ws.write_merge(r1, r2, c1, c2, cell_value(g.rows[r1][c1] if c1 < len(g.rows[r1]) else ""))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                covered.add((r, c))
    for r, row in enumerate(g.rows):
        for c, v in enumerate(row):
            if v is None or v == "" or (r, c) in covered:
                continue
            ws.write(r, c, cell_value(v))
    wb.save(path)


def write_ods(path, name, g):
    doc = OpenDocumentSpreadsheet()
    t = Table(name=name)
    spans = {(m[0], m[1]): m for m in g.merges}
    covered = set()
    for r1, c1, r2, c2 in g.merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    covered.add((r, c))
    width = max(len(r) for r in g.rows)
    for r, row in enumerate(g.rows):
        tr = TableRow()
        for c in range(width):
            v = row[c] if c < len(row) else None
            if (r, c) in covered:
                tr.addElement(CoveredTableCell())
                continue
            attrs = {}
            if (r, c) in spans:
                m = spans[(r, c)]
                attrs["numbercolumnsspanned"] = m[3] - m[1] + 1
                attrs["numberrowsspanned"] = m[2] - m[0] + 1
            v = cell_value(v)
            if isinstance(v, int):
                cell = TableCell(valuetype="float", value=v, **attrs)
                cell.addElement(P(text=str(v)))
            elif v:
                cell = TableCell(valuetype="string", **attrs)
                cell.addElement(P(text=v))
            else:
                cell = TableCell(**attrs)
            tr.addElement(cell)
        t.addElement(tr)
    doc.spreadsheet.addElement(t)
    doc.save(path)


def to_cp1258(text):
    """CP1258 as Windows writes it: precomposed letters where the code page has them (â, ơ, đ…),
    tone marks as combining characters after them."""
    out = ""
    for ch in unicodedata.normalize("NFC", text.replace("\u00d0", "\u0110")):
        try:
            ch.encode("cp1258")
            out += ch
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        for m in list(marks):  # compose the marks the code page has (circumflex, breve, horn)
            c = unicodedata.normalize("NFC", base + m)
            if len(c) == 1:
                try:
                    c.encode("cp1258")
                    base, marks = c, marks.replace(m, "", 1)
                except UnicodeEncodeError:
                    pass
        out += base + marks
    return out


def write_tsv_utf16(path, g):
    with open(path, "w", encoding="utf-16", newline="") as f:  # BOM, little-endian
        w = csv.writer(f, delimiter="\t")
        for row in g.rows:
            w.writerow(["" if v is None else v for v in row])


def write_csv(path, g, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        for row in g.rows:
            cells = ["" if v is None else v for v in row]
            if encoding == "cp1258":
                cells = [to_cp1258(c) for c in cells]
            w.writerow(cells)


# --- Annexes -------------------------------------------------------------------------------------

def annex(units, n, titles, header="two", heading_styles=("roman",), criteria_names=None, stt="arabic",
          total_col=True, note_col=True, wrong_totals=(), notes=None, blank_col=False, code_col=False,
          district_col=False, district_total="Cộng", grand_total="Tổng cộng", extra_names=(), start=0,
          numbering_row=True, marks_yes=YES, marks_no=NO, total_fmt="%d", after_total=(), merge_district=False,
          abbreviated=False, district_first=False, names=("Đơn vị", "Tên đơn vị", "Huyện/Thành phố",
                                                            "Tổng số tiêu chí đạt")):
    """The annex as a Grid and its key. units: [(district, name, code)]. Returns (grid, key)."""
    g = Grid()
    key = {"met": {}, "unmatched": [], "notes": {}, "warned_totals": []}
    for t in titles:
        r = g.add([t])
        g.merge(r, 0, r, 8)
    g.add([])
    cols = ["STT"]
    if code_col:
        cols.append("Mã xã")
    if district_col and district_first:
        cols.append(names[2])
    cols.append(names[1] if district_col else names[0])
    if district_col and not district_first:
        cols.append(names[2])
    if blank_col:
        cols.append("")
    first_crit = len(cols)
    cols += [None] * n
    if total_col:
        cols.append(names[3])
    if note_col:
        cols.append("Ghi chú")
    width = len(cols)
    labels = criteria_names or [str(k + 1) for k in range(n)]
    fixed = [c for c in range(width) if not (first_crit <= c < first_crit + n)]
    if header == "flat":
        r = g.add([c if c is not None else "TC" + str(k - first_crit + 1) if criteria_names is None else labels[k - first_crit]
                   for k, c in enumerate(cols)])
        hrows = 1
    elif header == "two":
        top = list(cols)
        top[first_crit] = "Tiêu chí" if criteria_names is None else "Kết quả thực hiện các tiêu chí"
        r = g.add(top)
        g.add([None] * first_crit + labels + [None] * (width - first_crit - n))
        for c in fixed:
            if cols[c] is not None:
                g.merge(r, c, r + 1, c)
        g.merge(r, first_crit, r, first_crit + n - 1)
        hrows = 2
    else:  # three rows: Tiêu chí / group names / numbers or names
        top = list(cols)
        top[first_crit] = "Tiêu chí"
        r = g.add(top)
        mid = [None] * width
        for name, a, b in GROUPS:
            mid[first_crit + a - 1] = name
        g.add(mid)
        g.add([None] * first_crit + labels + [None] * (width - first_crit - n))
        for c in fixed:
            if cols[c] is not None:
                g.merge(r, c, r + 2, c)
        g.merge(r, first_crit, r, first_crit + n - 1)
        for name, a, b in GROUPS:
            if b > a:
                g.merge(r + 1, first_crit + a - 1, r + 1, first_crit + b - 1)
            else:
                g.merge(r + 1, first_crit + a - 1, r + 2, first_crit + a - 1)
                g.rows[r + 2][first_crit + a - 1] = None
        hrows = 3
    if numbering_row:
        g.add(["(%d)" % (k + 1) for k in range(width)])
    i = start
    for k, (district, items) in enumerate(by_district(units)):
        if district and not district_col:
            style = heading_styles[k % len(heading_styles)]
            label = heading_label(k, district, len(items), style)
            row = [None] * width
            if style == "roman-stt":
                row[0] = ROMAN[k]
                row[first_crit - 1] = district
            else:
                row[1 if code_col else (0 if style in ("roman", "arabic") else 1)] = label
            g.add(row)
        s = 0
        for name, code in items:
            met = met_of(i, n)
            s += 1
            row = [None] * width
            row[0] = str(s) if stt == "arabic" else "%d.%d" % (k + 1, s)
            c = 1
            if code_col:
                row[c] = str(int(code))  # the leading zero lost, as a number
                c += 1
            if district_col and district_first:
                row[c] = district if (s == 1 or not merge_district) else None
                c += 1
            row[c] = written(name, i, items)
            if abbreviated:  # "TT Na Sầm", "TT. Bình Gia", "1. Xã Tân Thành"
                if name.startswith("Thị trấn "):
                    row[c] = ("TT " if i % 2 else "TT. ") + name[len("Thị trấn "):]
                elif i % 4 == 0:
                    row[c] = "%d. %s" % (s, name)
            c += 1
            if district_col and not district_first:
                first = s == 1
                if merge_district and first and len(items) > 1:
                    g.merge(len(g.rows), c, len(g.rows) + len(items) - 1, c)
                row[c] = district if (first or not merge_district) else None
                c += 1
            row[first_crit:first_crit + n] = marks(i, n, met, marks_yes, marks_no)
            if total_col:
                t = met + 1 if i in wrong_totals else met
                row[first_crit + n] = total_fmt % t
                if i in wrong_totals:
                    key["warned_totals"].append([g.line(len(g.rows)), t, met])
            if note_col and notes and i % notes[0] == 0:
                row[width - 1] = notes[1] + " " + str(i)
                key["notes"][code or district + "|" + name] = notes[1] + " " + str(i)
            g.add(row)
            key["met"][code or district + "|" + name] = met
            i += 1
        if district and district_total and not district_col:
            row = [None] * width
            row[1] = district_total + " " + district
            g.add(row)
    for name, line_hint in extra_names:
        row = [None] * width
        row[0] = str(99)
        row[1 + (1 if code_col else 0)] = name
        row[first_crit] = "x"
        key["unmatched"].append([g.line(len(g.rows)), name])
        g.add(row)
    if grand_total:
        tr = [None] * width
        tr[0] = grand_total
        r = g.add(tr)
        g.merge(r, 0, r, 1)
    for label in after_total:
        row = [None] * width
        row[0] = label
        row[first_crit:first_crit + n] = ["%d%%" % (10 + k) for k in range(n)]
        g.add(row)
    g.add([])
    g.add([None, "Ghi chú: Đánh dấu (x) vào tiêu chí đạt; để trống tiêu chí chưa đạt."])
    g.add([None, "(*) Số liệu do UBND các huyện, thành phố báo cáo."])
    sign = [None] * width
    sign[width - 6] = "Lạng Sơn, ngày 15 tháng 01 năm 2025"
    g.add(sign)
    sign = [None] * width
    sign[1] = "NGƯỜI LẬP BIỂU"
    sign[width - 6] = "TM. UỶ BAN NHÂN DÂN"
    g.add(sign)
    sign = [None] * width
    sign[width - 6] = "KT. CHỦ TỊCH"
    g.add(sign)
    sign = [None] * width
    sign[width - 6] = "PHÓ CHỦ TỊCH"
    g.add(sign)
    g.add([])
    sign = [None] * width
    sign[1] = "Nguyễn Thị Hoa"
    sign[width - 6] = "Đoàn Thu Hà"
    g.add(sign)
    key["header_rows"] = hrows + (1 if numbering_row else 0)
    key["total_name"] = names[3]
    return g, key


def put(name, g, key, units, writer, **extra):
    path = os.path.join(OUT, name)
    writer(path, g)
    key["units"] = units
    key.update(extra)
    KEY[name] = key


u20 = units_2025_03()
u25 = units_2025_07()
u09 = units_2009()

# 1. The standard annex, XLSX: titles, a two-row merged header, headings numbered I., II. with and
# without the type word's numbering, "Huyện Cao Lộc (22 xã)", district subtotals, Tổng cộng, notes,
# a signature block; the data on the second sheet after a cover sheet; a hidden column and a blank
# separator column; a wrong "Tổng số tiêu chí đạt" on two rows.
g, k = annex(u20, 19, ["UBND TỈNH LẠNG SƠN", "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MTQG",
                       "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI",
                       "(Số liệu tính đến ngày 31/12/2024)"],
             heading_styles=("roman", "count", "plain", "arabic"), blank_col=True, wrong_totals=(5, 77),
             notes=(25, "Đạt chuẩn năm"))
g.hidden = [2]
put("a01_standard_second_sheet.xlsx", g, k, "2025-03",
    lambda p, g: write_xlsx(p, [("Biểu 01", g)], first_sheet_cover=["HƯỚNG DẪN ĐIỀN BIỂU", "Biểu 01: kết quả theo xã"]),
    date="2024-12-31", sheet="Biểu 01", set="2021-2025")

# 2. A three-row header: Tiêu chí / the five groups / numbers; headings "II" in STT beside the name;
# roman STT 1.1; "đến hết tháng 6/2025"; a unit that is no unit (reported).
g, k = annex(u20, 19, ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI ĐẾN HẾT THÁNG 6/2025"],
             header="three", heading_styles=("roman-stt",), stt="dotted", grand_total="Toàn tỉnh",
             district_total=None, extra_names=[("Xã Tân Thanh Bình", 0), ("Thị trấn Na Sầm mới", 0)], start=3,
             numbering_row=False)
put("a02_three_row_header.xlsx", g, k, "2025-03", lambda p, g: write_xlsx(p, [("TH", g)]), date="2025-06-30",
    set="2021-2025")

# 3. Criteria by the names of the 2021–2025 set (Decision 318/QĐ-TTg), a district column instead of
# heading rows, Ghi chú on some rows, "năm 2023".
g, k = annex(u20, 19, ["KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2023"], criteria_names=C2021,
             district_col=True, notes=(10, "Nguồn: báo cáo huyện"), start=11, grand_total="Tổng số")
put("a03_names_2021_district_column.xlsx", g, k, "2025-03", lambda p, g: write_xlsx(p, [("Sheet1", g)]),
    date="2023-12-31", set="2021-2025")

# 4. XLS (Excel 97–2003): the 2009 units (before the 2019–2020 mergers), criteria by the names of the
# 2016–2020 set (Decision 1980/QĐ-TTg) under the three-row header, "ngày 30/11/2018".
g, k = annex(u09, 19, ["UBND TỈNH LẠNG SƠN", "TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI ĐẾN NGÀY 30/11/2018"],
             header="three", criteria_names=C2016, heading_styles=("roman", "plain"), start=5)
put("a04_names_2016_units_2009.xls", g, k, "2009", lambda p, g: write_xls(p, "Bieu 2", g), date="2018-11-30",
    set="2016-2020")

# 5. ODS: titles and the merged two-row header, headings "Huyện X (N xã)", codes lost their zeros.
g, k = annex(u20, 19, ["BIỂU TỔNG HỢP", "Kết quả thực hiện Bộ tiêu chí xã nông thôn mới tính đến 31/3/2025"],
             heading_styles=("count",), code_col=True, start=17, wrong_totals=(20,))
put("a05_ods_merged_codes.ods", g, k, "2025-03", lambda p, g: write_ods(p, "Bieu", g), date="2025-03-31",
    set="2021-2025")

# 6. The 65 units after 1 July 2025 (no districts) against the 10 criteria of Decision 51/2025/QĐ-TTg
# by name, "Số liệu đến ngày 30/6/2026", a flat header, marks ✓ / blank.
g, k = annex(u25, 10, ["UBND TỈNH LẠNG SƠN", "BIỂU ĐÁNH GIÁ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI GIAI ĐOẠN 2026 - 2030",
                       "(Số liệu đến ngày 30/6/2026)"], header="flat", criteria_names=C2026, start=2,
             grand_total="Toàn tỉnh", extra_names=[("Xã Hoàng Đồng", 0)])
put("a06_units_2025_criteria_2026.xlsx", g, k, "2025-07", lambda p, g: write_xlsx(p, [("2026", g)]),
    date="2026-06-30", set="2026-2030")

# 7. CSV (UTF-8 with BOM) of the standard annex with unmatched names: a unit of another district,
# a name with its diacritics folded away, a merged-away unit.
g, k = annex(u20, 19, ["BIỂU TỔNG HỢP KẾT QUẢ NĂM 2024"], heading_styles=("plain",), start=40,
             extra_names=[("Xa Hoang Dong", 0), ("Xã Tân Thanh", 0)])
put("a07_csv_unmatched.csv", g, k, "2025-03", write_csv, date="2024-12-31", set="2021-2025")

# 8. Headings in capitals, "H. Cao Lộc" / "TP. Lạng Sơn", "I - Huyện …" in NFD; criteria headed
# "1. Quy hoạch" (number and name) under "Các tiêu chí"; totals written "16/19"; marks with a
# footnote star or "Đ"; a "Tỷ lệ (%)" row under the total.
C_NUMNAME = ["%d. %s" % (k + 1, c) for k, c in enumerate(C2021)]
g, k = annex(u20, 19, ["TỔNG HỢP KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI", "Thời điểm: ngày 30 tháng 9 năm 2024"],
             criteria_names=C_NUMNAME, heading_styles=("upper", "short", "nfd-roman"), total_fmt="%d/19",
             marks_yes=["x", "Đ", "Đạt (*)", " X ", "✔"], marks_no=["", "Chưa đạt", "CĐ", "0"],
             after_total=["Tỷ lệ (%)"], grand_total="TỔNG CỘNG TOÀN TỈNH", start=23)
put("a08_capital_headings_numbered_names.xlsx", g, k, "2025-03", lambda p, g: write_xlsx(p, [("KQ", g)]),
    date="2024-09-30", set="2021-2025")

# 9. The names of the first set (Decision 491/QĐ-TTg: "Chợ nông thôn", "Bưu điện", "An ninh, trật
# tự xã hội") still heading a sheet of 2017, over the 2009 units, as CSV in CP1258.
C2010 = ["Quy hoạch và thực hiện quy hoạch", "Giao thông", "Thủy lợi", "Điện", "Trường học", "Cơ sở vật chất văn hóa",
         "Chợ nông thôn", "Bưu điện", "Nhà ở dân cư", "Thu nhập", "Hộ nghèo", "Cơ cấu lao động",
         "Hình thức tổ chức sản xuất", "Giáo dục", "Y tế", "Văn hóa", "Môi trường",
         "Hệ thống tổ chức chính trị xã hội vững mạnh", "An ninh, trật tự xã hội"]
g, k = annex(u09, 19, ["KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NĂM 2017"], criteria_names=C2010, heading_styles=("arabic",),
             start=31, marks_yes=["x", "X", "Đạt", "đạt", "1"])  # (no ✓ in CP1258)
put("a09_names_2010_cp1258.csv", g, k, "2009", lambda p, g: write_csv(p, g, "cp1258"), date="2017-12-31",
    set="2016-2020")

# 10. The 65 units of July 2025 grouped "A. CÁC PHƯỜNG" / "B. CÁC XÃ" (written in the Đơn vị
# column), ODS, criteria numbered TC1…TC10 under "Tiêu chí", "đến ngày 31/12/2026".
grouped = [("A. CÁC PHƯỜNG", n, c) for _, n, c in u25 if n.startswith("Phường")] + \
          [("B. CÁC XÃ", n, c) for _, n, c in u25 if not n.startswith("Phường")]
g, k = annex(grouped, 10, ["UBND TỈNH LẠNG SƠN", "KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI ĐẾN NGÀY 31/12/2026"],
             heading_styles=("plain",), district_total=None, start=8, wrong_totals=(9,))
put("a10_units_2025_grouped.ods", g, k, "2025-07", lambda p, g: write_ods(p, "Bieu", g), date="2026-12-31",
    set="2026-2030")

# 11. An events sheet as a district office keeps it: title rows, "Thời gian | Loại hoạt động | Nội
# dung | Đơn vị | Huyện | Số người tham dự | Ghi chú", units by name settled by the row's Huyện,
# a kind no list has ("Khảo sát"), a name of no unit, signatures. Answer in the test.
g = Grid()
for t in ["VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TỈNH", "TỔNG HỢP CÁC HOẠT ĐỘNG KIỂM TRA, TẬP HUẤN NĂM 2024"]:
    r = g.add([t])
    g.merge(r, 0, r, 7)
g.add([])
g.add(["STT", "Thời gian", "Loại hoạt động", "Nội dung", "Đơn vị", "Huyện", "Số người tham dự", "Ghi chú"])
g.add(["1", "15/03/2024", "Kiểm tra", "Kiểm tra tiến độ xây dựng nông thôn mới", "Xã Tân Thành", "Huyện Cao Lộc", "25", None])
g.add(["2", "20/04/2024", "Tập huấn", "Tập huấn cán bộ xã về bộ tiêu chí", "Xã Tân Thành; Xã Tân Thanh",
       "Huyện Hữu Lũng; Huyện Văn Lãng", "120", "Kinh phí sự nghiệp"])
g.add(["3", "05/05/2024", "Khảo sát", "Khảo sát mô hình sản xuất", "xã Hoàng  Đồng", "Thành phố Lạng Sơn", None, None])
g.add(["4", "10/06/2024", "Hội nghị", "Hội nghị sơ kết 6 tháng", "Xã Tân Thành Công", "Huyện Cao Lộc", "80", None])
g.add([])
g.add([None, "NGƯỜI TỔNG HỢP", None, None, None, "KT. CHÁNH VĂN PHÒNG"])
put("e01_events_title_rows.xlsx", g, {"met": {}, "unmatched": [], "notes": {}, "warned_totals": []}, "2025-03",
    lambda p, g: write_xlsx(p, [("Hoạt động", g)]))

# 12. Recognitions keyed by name under district headings: "Mức đạt chuẩn", "Số quyết định",
# "Ngày quyết định"; levels written "Đạt chuẩn NTM", "NTM nâng cao", "NTM kiểu mẫu".
g = Grid()
for t in ["DANH SÁCH CÁC XÃ ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN NÔNG THÔN MỚI, NÔNG THÔN MỚI NÂNG CAO, KIỂU MẪU NĂM 2023"]:
    r = g.add([t])
    g.merge(r, 0, r, 5)
g.add(["STT", "Tên xã", "Mức đạt chuẩn", "Số quyết định", "Ngày quyết định", "Ghi chú"])
g.add(["I", "Huyện Cao Lộc"])
g.add(["1", "Tân Thành", "Đạt chuẩn NTM", "1062/QĐ-UBND", "17/6/2023", None])
g.add(["2", "Xã Hồng Phong", "NTM nâng cao", "1063/QĐ-UBND", "17/6/2023", None])
g.add(["II", "Huyện Hữu Lũng"])
g.add(["1", "Xã Tân Thành", "NTM kiểu mẫu", "2001/QĐ-UBND", "20/12/2023", None])
g.add(["III", "Huyện Chi Lăng (20 xã)"])
g.add(["1", "Xã Chi Lăng", "Đạt chuẩn", "2002/QĐ-UBND", "20/12/2023", None])
g.add(["2", "Xã Chi Lăng Mới", "Đạt chuẩn", "2003/QĐ-UBND", "20/12/2023", None])
g.add(["", "Tổng cộng: 5 xã"])
g.add([])
g.add([None, None, None, "TM. ỦY BAN NHÂN DÂN"])
put("r01_recognitions_by_name.xlsx", g, {"met": {}, "unmatched": [], "notes": {}, "warned_totals": []}, "2025-03",
    lambda p, g: write_xlsx(p, [("Công nhận", g)]))

# 11b. A Huyện column merged down over each district's communes (the name in its first row only);
# thị trấn written "TT Na Sầm" / "TT. Bình Gia"; the row's number inside some names ("1. Xã …").
g, k = annex(u20, 19, ["TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NĂM 2022"], district_col=True, merge_district=True,
             abbreviated=True, start=50)
put("a11_district_column_merged_down.xlsx", g, k, "2025-03", lambda p, g: write_xlsx(p, [("2022", g)]),
    date="2022-12-31", set="2021-2025")

# 11c. The district column before the unit column, long header names ("Đơn vị hành chính cấp
# huyện", "Tên đơn vị hành chính cấp xã", "Kết quả (số tiêu chí đạt)"), wrong totals, ODS.
g, k = annex(u20, 19, ["KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ ĐẠT CHUẨN CÁC TIÊU CHÍ", "Tính đến ngày 31/5/2025"], district_col=True,
             district_first=True, start=61, wrong_totals=(70, 71),
             names=("", "Tên đơn vị hành chính cấp xã", "Đơn vị hành chính cấp huyện", "Kết quả (số tiêu chí đạt)"))
put("a12_district_first_long_names.ods", g, k, "2025-03", lambda p, g: write_ods(p, "KQ", g), date="2025-05-31",
    set="2021-2025")

# 11d. One sheet per district (Cao Lộc, then Bắc Sơn), each headed by the district's bare name
# ("Cao Lộc"): the first sheet is read, the other said.
cao_loc = [u for u in u20 if u[0] == "Huyện Cao Lộc"]
bac_son = [u for u in u20 if u[0] == "Huyện Bắc Sơn"]
g1, k = annex(cao_loc, 19, ["KẾT QUẢ NĂM 2024 - HUYỆN CAO LỘC"], heading_styles=("bare",), district_total=None)
g2, _ = annex(bac_son, 19, ["KẾT QUẢ NĂM 2024 - HUYỆN BẮC SƠN"], heading_styles=("bare",), district_total=None)
put("a13_sheet_per_district.xlsx", g1, k, "2025-03", lambda p, g: write_xlsx(p, [("Cao Lộc", g1), ("Bắc Sơn", g2)]),
    date="2024-12-31", set="2021-2025")

# 11e. "Đơn vị" merged over "Huyện" | "Xã" in a two-row header. Answer in the test.
g = Grid()
g.add(["BIỂU TỔNG HỢP KẾT QUẢ NĂM 2024"])
g.add(["STT", "Đơn vị", None, "Tiêu chí", None, None, "Ghi chú"])
g.add([None, "Huyện", "Xã", "1", "2", "3", None])
g.add(["1", "Huyện Cao Lộc", "Tân Thành", "x", "x", None, None])
g.add(["2", "Huyện Hữu Lũng", "Xã Tân Thành", "x", None, None, None])
g.add(["3", "Huyện Văn Lãng", "Tân Thanh", "x", "x", "x", None])
for m in [(1, 1, 1, 2), (1, 3, 1, 5), (1, 0, 2, 0), (1, 6, 2, 6)]:
    g.merge(*m)
put("a14_unit_header_over_district_and_name.xlsx", g, {"met": {}, "unmatched": [], "notes": {}, "warned_totals": []},
    "2025-03", lambda p, g: write_xlsx(p, [("Sheet1", g)]))

# 13. Events as Excel saves "Unicode text" (UTF-16 with BOM, tab separated): "Địa điểm" holding
# "Xã Tân Thành, huyện Bắc Sơn" (the district settles which Tân Thành), a district alone, "Đơn
# vị chủ trì", "Hình thức". Answer in the test.
g = Grid()
g.add(["DANH SÁCH HOẠT ĐỘNG NĂM 2024"])
g.add(["STT", "Ngày", "Hình thức", "Nội dung", "Địa điểm", "Đơn vị chủ trì", "Số người"])
g.add(["1", "12/3/2024", "Kiểm tra", "Kiểm tra xã đăng ký đạt chuẩn", "Xã Tân Thành, huyện Bắc Sơn",
       "Văn phòng Điều phối nông thôn mới tỉnh", "30"])
g.add(["2", "02/4/2024", "Hội nghị", "Hội nghị triển khai kế hoạch", "Thành phố Lạng Sơn", "UBND tỉnh", "200"])
put("e02_events_utf16.txt", g, {"met": {}, "unmatched": [], "notes": {}, "warned_totals": []}, "2025-03",
    lambda p, g: write_tsv_utf16(p, g))

# 14. Recognitions in XLS: "Năm đạt chuẩn", "Quyết định công nhận" holding the decision with its
# day ("Quyết định số 1062/QĐ-UBND ngày 17/6/2023"), one without a day (dated by its year), no
# level column (the title says "nông thôn mới"), a Huyện column.
g = Grid()
g.add(["DANH SÁCH XÃ ĐẠT CHUẨN NÔNG THÔN MỚI GIAI ĐOẠN 2021 - 2025"])
g.add(["STT", "Tên xã", "Huyện", "Năm đạt chuẩn", "Quyết định công nhận"])
g.add(["1", "Tân Thành", "Huyện Hữu Lũng", "2023", "Quyết định số 1062/QĐ-UBND ngày 17/6/2023"])
g.add(["2", "Xã Hồng Phong", "Huyện Bình Gia", "2022", "Số 2150/QĐ-UBND ngày 05 tháng 12 năm 2022"])
g.add(["3", "Xã Chi Lăng", "Huyện Tràng Định", "2021", "55/QĐ-UBND"])
g.add(["", "Tổng cộng", "", "3 xã"])
put("r02_recognitions_decision_days.xls", g, {"met": {}, "unmatched": [], "notes": {}, "warned_totals": []}, "2025-03",
    lambda p, g: write_xls(p, "DS", g))

with open(os.path.join(OUT, "key.json"), "w", encoding="utf-8") as f:
    json.dump(KEY, f, ensure_ascii=False, indent=1, sort_keys=True)
print("wrote %d tables to %s" % (len(KEY), OUT))
