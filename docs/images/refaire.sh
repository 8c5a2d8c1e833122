#!/bin/sh
# Redraws the pictures of docs/guide.md from the example workbook (exemple.py), with the
# release build, LibreOffice and pdftoppm: `sh docs/images/refaire.sh ZONE-B.ics` from the root
# of the repository (the ministry's calendar: tests/data/calendriers/Zone-B.ics will do).
# The crops are in pixels of the printed pages: check them after a change of layout.
set -e
calendar=$(realpath "${1:-tests/data/calendriers/Zone-B.ics}")
images=$(realpath docs/images)
bin=$(realpath target/release/acm-planner)
work=$(mktemp -d)
cd "$work"

"$bin" modele -o modele.xlsx
python3 "$images/exemple.py" modele.xlsx noel.xlsx
python3 "$images/exemple.py" modele.xlsx conge.xlsx conge
python3 "$images/exemple.py" modele.xlsx malade.xlsx malade
"$bin" planning noel.xlsx --calendrier "$calendar" -o planning.xlsx
"$bin" planning conge.xlsx --calendrier "$calendar" --sans-recrutement -o manque.xlsx
"$bin" planning malade.xlsx --calendrier "$calendar" --precedent planning.xlsx -o planning-2.xlsx
# A hand-made schedule: no director on 22/12, Théo (17) for the whole 11 hours of 31/12.
python3 - <<'EOF'
import datetime
import openpyxl
rows = list(openpyxl.load_workbook("planning.xlsx")["Affectations"].iter_rows(values_only=True))
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Affectations"
sheet.append(rows[0][:6])
for row in rows[1:]:
    if (row[0] == "A01" and row[3].day == 22) or (row[0] == "A11" and row[3].day == 31):
        continue
    sheet.append(row[:6])
for label in ["Accueil matin", "journee", "Accueil soir"]:
    sheet.append(["A11", "LAMBERT", "ALSH-SAUMUR", datetime.datetime(2026, 12, 31), label, "animation"])
book.save("mon-planning.xlsx")
EOF
"$bin" controle noel.xlsx --calendrier "$calendar" --planning mon-planning.xlsx -o conformite.xlsx || true

for book in noel planning manque planning-2 conformite; do
    libreoffice --headless --convert-to pdf "$book.xlsx" >/dev/null 2>&1
done
# crop NAME PDF PAGE DPI X Y WIDTH HEIGHT
crop() {
    pdftoppm -png -r "$4" -f "$3" -l "$3" -x "$5" -y "$6" -W "$7" -H "$8" -singlefile \
        "$2.pdf" "$images/$1"
}
crop accueils noel 5 100 55 60 1060 75
crop previsions noel 6 70 40 45 690 145
crop animateurs noel 7 100 55 60 1060 230
crop disponibilites noel 8 70 40 45 670 245
crop que-faire planning 1 70 15 100 790 90
crop planning-par-accueil manque 5 70 15 40 630 295
crop mercredis planning 7 70 15 40 630 250
crop par-animateur planning 11 70 15 40 790 250
crop grille planning 28 70 15 40 790 260
crop manques manque 24 95 25 55 1040 115
crop appel planning-2 1 70 15 100 790 100
crop changements planning-2 5 100 40 55 1090 150
crop infractions conformite 3 90 35 50 980 150
rm -rf "$work"
