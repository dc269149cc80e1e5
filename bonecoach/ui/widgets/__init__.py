"""Small widgets any screen may use: plain labels, field feedback, dates, table models, progress."""
