"""Which pages the browser gates visit: every page template, and a sample of events."""

TEMPLATES = {
    "accueil": "",
    "archive": "editions/",
    "edition": "2017/",
    "liste": "2017/evenements/",
    "liste-variee": "2030/evenements/",
    "departement": "2030/departements/974/",
    "evenement": "2017/evenements/portes-ouvertes-maternite-douai/",
    "404": "page-inexistante/",
    "accessibilite": "accessibilite/",
    "mentions-legales": "mentions-legales/",
    "donnees-personnelles": "donnees-personnelles/",
    "donnees-ouvertes": "donnees-ouvertes/",
    "ressources": "ressources/",
    "supports": "2030/supports/",
    "appel-a-projets": "2030/appels-a-projets/appel-test/",
    "contact": "contacts/ars-de-test/",
    "partenariat": "partenariat/",
    "idees-recues": "partenariat/idees-recues/",
    "quiz": "partenariat/quiz/partenariat-patient/",
    "atelier": "partenariat/ateliers/2022-06-16-amelioration-qualite/",
    "fiches": "partenariat/fiches/",
    "fiche": "partenariat/fiches/centre-hemodialyse-sete-agde/",
    "affiche-action": "2030/evenements/creneaux-la-reunion/affiche/",
    "affiche-edition": "2030/affiche/",
    "bilan": "2030/bilan/",
    "recherche": "recherche/",
    "plan-du-site": "plan-du-site/",
    "liste-a-integrer": "2030/integrer/departement-974/",
}

EVENT_SAMPLE = [
    "2017/evenements/colloque-regional-occitanie/",
    "2030/evenements/creneaux-la-reunion/",
    "2030/evenements/atelier-annule/",
    "2030/evenements/webinaire/",
    "2030/evenements/exposition-semaine/",
]

ALL = {**TEMPLATES, **{path: path for path in EVENT_SAMPLE}}
