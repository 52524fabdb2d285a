"""View-models: engine results → one Report per command (views/report.py), its words
from the catalogue. Views never import the render layer, click or rich."""
