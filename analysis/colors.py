"""The colours every chart and table of the workbook shares, without importing matplotlib."""
from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable under colour blindness.
STATUS_COLORS = {"asserted": "#0072B2", "attributed": "#E69F00", "unverified": "#D55E00",
                 "expected": "#009E73", "background": "#999999"}
SOURCE_TYPE_COLORS = {"person": "#0072B2", "organisation": "#009E73", "media": "#E69F00",
                      "anonymous": "#D55E00", "document": "#CC79A7", "social_media": "#56B4E9",
                      "unknown": "#999999"}
SPEECH_COLORS = {"direct": "#0072B2", "reported": "#56B4E9"}
OTHER = "#BBBBBB"
