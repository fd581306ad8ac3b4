"""Core of the Semaine de la sécurité des patients site.

Plain Python: loads, validates and models the campaigns, and produces the
pages and data files. It never imports MkDocs (see ``hooks/site.py``).
"""
