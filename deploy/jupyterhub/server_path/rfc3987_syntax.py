"""Stand-in for rfc3987-syntax in students' servers (jupyterhub_config.py puts this folder
first on their PYTHONPATH): ``import rfc3987_syntax`` fails at once.

Every Jupyter server imports jsonschema (through jupyter_events), and jsonschema imports
rfc3987-syntax, if installed, for its optional "iri"/"iri-reference" format checks, which
compiles ~35 Earley grammars with Lark at import: 0.8 of the 1.4 CPU seconds a server here
takes to start (benchmarks/results-jupyterhub.md, 2 December 2026; the upstream reports:
python-jsonschema/jsonschema#1428, opendatahub-io/notebooks#3532). Without it jsonschema
simply leaves those two formats unchecked, as it documents for a missing optional library;
no Jupyter schema uses them. nbformat and jupyter_events still validate as before.
"""

raise ImportError("rfc3987_syntax is left out of students' servers (deploy/jupyterhub/)")
