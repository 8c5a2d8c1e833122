"""The example workbook of docs/guide.md: two accueils de loisirs near Saumur, the Christmas
holidays of 2026 and the Wednesdays of January 2027, three créneaux a day at Saumur.

python3 exemple.py MODELE.xlsx OUT.xlsx [conge|malade]
- MODELE.xlsx: the template written by `acm-planner template`;
- conge: Claire Dupuis is on leave on 24/12 (the « manque » of the guide);
- malade: Chloé Petit is ill on 28 and 29/12 (the call-off of the guide).
"""
import sys
import datetime
import openpyxl

D=datetime.date; T=datetime.time
wb=openpyxl.load_workbook(sys.argv[1])
def put(ws, rows, start=2, fmt=None):
    for i,r in enumerate(rows):
        for j,v in enumerate(r):
            c=ws.cell(row=start+i, column=1+j, value=v)
            if isinstance(v, datetime.date): c.number_format='dd/mm/yyyy'
            if isinstance(v, datetime.time): c.number_format='hh:mm'
a=wb['Accueils']
put(a,[["ALSH-SAUMUR","Accueil de loisirs Les Moulins","Saumur","accueil de loisirs","oui",50,150,"Saumur"],
       ["ALSH-VARRAINS","Les P'tits Loups","Varrains","accueil de loisirs","non",24,60,"Varrains"]])
p=wb['Previsions']
rows=[]
for du,au,jours,kids in [(D(2026,12,21),D(2026,12,24),None,(18,27)),(D(2026,12,28),D(2026,12,31),None,(15,22)),(D(2027,1,6),D(2027,1,27),"mer",(17,25))]:
    u,o=kids
    rows.append(["ALSH-SAUMUR",None,du,au,jours,"Accueil matin",T(7,30),T(9,0),u//2,o//2])
    rows.append(["ALSH-SAUMUR",None,du,au,jours,"journee",T(9,0),T(17,0),u,o])
    rows.append(["ALSH-SAUMUR",None,du,au,jours,"Accueil soir",T(17,0),T(18,30),u//2,o//2])
rows.append(["ALSH-VARRAINS",None,D(2026,12,21),D(2026,12,31),None,"journee",T(8,0),T(18,0),8,12])
rows.append(["ALSH-VARRAINS",None,D(2027,1,6),D(2027,1,27),"mer","journee",T(8,0),T(18,0),6,9])
put(p,rows)
an=wb['Animateurs']
people=[["A01","DUPUIS","Claire","BAFD","CEE",10,100,D(1984,5,14),"Saumur",None,None,"PSC1",None,"06 11 22 33 44"],
["A02","MOREAU","Julien","BAFD","CEE",30,80,D(1996,11,2),"Varrains",None,None,None,None,"06 22 33 44 55"],
["A03","MARTIN","Léa","BAFA","CEE",12,62,D(2003,1,12),"Saumur",None,None,None,None,"07 12 34 56 78"],
["A04","BERNARD","Hugo","BAFA + PSC1","CEE",45,62,D(2001,7,23),"Saumur",None,None,None,None,"06 45 67 89 10"],
["A05","PETIT","Chloé","BAFA","CEE",74,60,D(2004,9,8),"Saumur",None,None,None,None,"06 98 76 54 32"],
["A06","DURAND","Lucas","stag. BAFA","CEE",20,55,D(2006,3,30),"Saumur",None,None,None,None,None],
["A07","LEROY","Inès","stagiaire BAFA","CEE",8,55,D(2007,6,17),"Saumur",None,None,None,None,"06 31 41 59 26"],
["A08","ROUX","Emma","CAP AEPE","CDD",None,92,D(1990,2,5),"Saumur","ALSH-VARRAINS",None,None,None,"06 27 18 28 18"],
["A09","FOURNIER","Noah","sans diplôme","CEE",0,52,D(2005,11,11),"Saumur",None,None,None,None,"07 14 14 21 35"],
["A10","GIRARD","Manon","sans diplôme","CEE",5,52,D(2006,4,21),"Varrains","Saumur",None,None,None,"06 61 80 33 98"],
["A11","LAMBERT","Théo","stagiaire BAFA","CEE",0,52,D(2009,3,15),"Saumur",None,None,None,None,"06 02 71 82 81"],
["A12","GARNIER","Zoé","BAFA","CEE",15,62,D(2002,8,3),"Saumur",None,None,None,None,"06 70 80 90 11"],
["A13","FAURE","Nina","BAFA","CEE",0,62,D(2000,12,9),"Saumur",None,None,None,None,"06 52 63 74 85"],
["A14","CHEVALIER","Tom","BAFA","CEE",0,60,D(2003,5,5),"Varrains",None,None,None,None,"07 66 55 44 33"]]
put(an,people)
di=wb['Disponibilites']
days=[D(2026,12,x) for x in (21,22,23,24,28,29,30,31)]+[D(2027,1,x) for x in (6,13,20,27)]
for j,d in enumerate(days):
    c=di.cell(row=1,column=2+j,value=d); c.number_format='dd/mm'
grid={"A01":"J J J J J J J J J J J J","A02":"J J J J J J J J J J J J","A03":"J J J absent J J J J J J J J",
"A04":"J J J J J J J J . . . J","A05":"J J J J J J . . non non non non","A06":"M M M M M M M M J J J J",
"A07":"J J J . J J J J J J J J","A08":"J J J J . . . . J J J J","A09":"J J J . J J J J . . . .",
"A10":"J J J J J J J J J J J J","A11":"matin matin matin matin J J J J J J J J",
"A12":"J J J J J J J J J J J J","A13":"J J J J J J J J J J J J",
"A14":". . . . J J J J . . . ."}
for i,(k,v) in enumerate(grid.items()):
    di.cell(row=2+i,column=1,value=k)
    for j,code in enumerate(v.split()):
        if code!='.': di.cell(row=2+i,column=2+j,value=code)
for j in range(len(days)): di.column_dimensions[openpyxl.utils.get_column_letter(2+j)].width=7
wb['Regles'].cell(row=2,column=1,value="Zone"); wb['Regles'].cell(row=2,column=2,value="B")
variant = sys.argv[3] if len(sys.argv) > 3 else ""
if variant == "conge":
    di.cell(row=2, column=5).value = "congé"
if variant == "malade":
    di.cell(row=6, column=6).value = "malade"
    di.cell(row=6, column=7).value = "malade"
wb.save(sys.argv[2])
