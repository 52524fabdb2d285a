"""The render layer: a Report drawn in one format (entry point: render.out.render).
Renderers never read files and never decide words."""
