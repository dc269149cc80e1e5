"""Printable PDF handouts and log sheets (reportlab).

- `wording`: dosage and schedule in plain words (no reportlab; the program editor uses it too)
- `model`: the handout as plain data (`HandoutDocument`, `HandoutOptions`)
- `build`: program + library + clinic settings -> `HandoutDocument` (`build_handout_document`)
- `sources`: the same from a stored program version or the shipped demo clients
- `render`: `HandoutDocument` -> PDF (`render_handout`), with `frame`, `blocks`, `pages`,
  `styles`, `fonts`, `pictures`, `beside` and `svgfast` doing the parts

Import the modules you need; this package imports nothing heavy by itself.
"""
