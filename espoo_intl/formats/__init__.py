"""Our own date formats per language (settings.FORMAT_MODULE_PATH)."""
