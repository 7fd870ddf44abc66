"""tipdiff: what changed in the TIP Report, country by country, year to year."""
