"""The bundled rule packs, shipped as package data (the YAML files beside this one)."""
