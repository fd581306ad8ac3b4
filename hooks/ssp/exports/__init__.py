"""Data files produced from the models; registry.py lists every file the site publishes beside its pages."""
