#!/usr/bin/env python3
"""Writes the example workbook of the Windows zip (bindings/excel/package.sh)
with openpyxl (Debian python3-openpyxl), then reads it back with openpyxl to
check that it is a valid .xlsx with the formulas written.

    make-workbook.py OUT.xlsx MODEL_PATH_IN_ZIP

Two sheets, both using the add-in's functions (they show #NAME? until
airoi.xll is loaded, then recalculate):
  "Cash flows": worked example 3 (docs/methodology.md) with AIROI.NPV, IRR,
                PAYBACK and DPAYBACK, next to Excel's own NPV and IRR;
  "Model":      a bundled model file, found next to the saved workbook,
                loaded with AIROI.LOAD, its metrics with AIROI.METRIC and its
                audit findings with AIROI.FINDINGS.
"""

import sys

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font


def build(path: str, model: str) -> None:
    wb = Workbook()
    bold = Font(bold=True)

    ws = wb.active
    ws.title = "Cash flows"
    ws["A1"] = "libairoi example: load airoi.xll first (File > Options > Add-ins > Go... > Browse...)"
    ws["A1"].font = bold
    ws.append([])
    ws.append(["Year", "Net cash flow", None, "Discount rate", 0.08])
    for year, flow in enumerate([-350, 120, 340, 470]):
        ws.append([year, flow])
    rows = [
        ("NPV (year 0 not discounted)", "=B4+AIROI.NPV(E3,B5:B7)"),
        ("Excel's own NPV, the same", "=B4+NPV(E3,B5:B7)"),
        ("IRR", "=AIROI.IRR(B4:B7)"),
        ("Excel's own IRR", "=IRR(B4:B7)"),
        ("Payback (years)", "=AIROI.PAYBACK(B4:B7)"),
        ("Discounted payback (years)", "=AIROI.DPAYBACK(E3,B4:B7)"),
        ("libairoi version", "=AIROI.VERSION()"),
    ]
    for i, (label, formula) in enumerate(rows, start=4):
        ws.cell(row=i, column=4, value=label)
        ws.cell(row=i, column=5, value=formula)
    ws["E3"].number_format = "0.0%"
    ws["E6"].number_format = ws["E7"].number_format = "0.0%"
    for col, width in (("A", 8), ("B", 15), ("D", 30), ("E", 14)):
        ws.column_dimensions[col].width = width
    for cell in ("A3", "B3", "D3"):
        ws[cell].font = bold

    ms = wb.create_sheet("Model")
    ms["A1"] = "Model file"
    # The folder of this workbook (once saved) followed by the model's path in the zip.
    ms["B1"] = ('=LEFT(CELL("filename",A1),FIND("[",CELL("filename",A1))-1)&"%s"'
                % model.replace("/", "\\"))
    ms["A2"] = "Handle"
    ms["B2"] = "=AIROI.LOAD(B1)"
    ms["A4"] = "Metric"
    ms["B4"] = "Value"
    metrics = ["npv", "irr", "payback_periods", "roi_risk_adjusted", "tco_total", "pv_costs", "pv_benefits"]
    for i, name in enumerate(metrics, start=5):
        ms.cell(row=i, column=1, value=name)
        ms.cell(row=i, column=2, value="=AIROI.METRIC($B$2,A%d)" % i)
    row = 6 + len(metrics)
    ms.cell(row=row, column=1, value="Audit findings (spills)")
    ms.cell(row=row + 1, column=1, value="=AIROI.FINDINGS(B2)")
    for cell in ("A1", "A2", "A4", "B4", "A%d" % row):
        ms[cell].font = bold
    ms.column_dimensions["A"].width = 24
    ms.column_dimensions["B"].width = 60
    wb.save(path)


def check(path: str) -> None:
    wb = load_workbook(path)
    assert wb.sheetnames == ["Cash flows", "Model"], wb.sheetnames
    assert wb["Cash flows"]["E4"].value == "=B4+AIROI.NPV(E3,B5:B7)"
    assert wb["Model"]["B2"].value == "=AIROI.LOAD(B1)"


def main() -> int:
    if len(sys.argv) != 3:
        sys.stderr.write("usage: make-workbook.py OUT.xlsx MODEL_PATH_IN_ZIP\n")
        return 2
    build(sys.argv[1], sys.argv[2])
    check(sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
