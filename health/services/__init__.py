"""Health verbs, one module per part of the clinical file. Other apps import from here."""
