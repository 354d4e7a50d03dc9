"""The bundled font, translation catalogs, icons and style sheets, shipped as package data."""
