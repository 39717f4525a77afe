"""Word lists shared by several stages. Each says where it comes from.

Stage-specific lists live in their own stage module; the ones here are read by more than one.
"""
from __future__ import annotations

# Wire and photo agencies, compiled from the members of the European Alliance of News Agencies,
# the major world agencies and the photo agencies credited most often in English-language news.
WIRE_AGENCIES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Agence France Presse", "dpa",
    "DPA", "EFE", "ANSA", "Bloomberg", "UPI", "PA", "Press Association", "PA Media", "Kyodo", "Xinhua",
    "TASS", "Tass", "RIA Novosti", "Interfax", "Ukrinform", "Yonhap", "AAP", "CP", "The Canadian Press",
    "Anadolu", "Anadolu Agency", "IANS", "PTI", "ANI", "Europa Press", "Getty Images", "Getty", "EPA",
    "EPA-EFE", "Sipa", "SIPA", "Shutterstock", "Alamy", "AP Photo", "Reuters/File", "Pool", "NurPhoto",
    "ZUMA", "Zuma Press", "Abaca", "Sputnik", "WENN", "PAP", "CTK", "APA", "Belga", "ANP", "TT", "NTB",
    "Ritzau", "STT", "Lusa", "Agerpres", "BTA", "MTI", "Hina", "Tanjug", "ATA", "Notimex", "Telam",
    "Prensa Latina", "SANA", "IRNA", "Fars", "WAM", "SPA", "MENA", "KCNA", "Bernama", "Antara",
    "Jiji", "CNA", "APP", "BSS", "RSS", "Sapa", "NAN", "KNA",
)

# Outlets often cited as sources ("as showed a team from France24", "The Post has learned"),
# from the most-cited international and US news organisations in Media Cloud's collections.
MEDIA_OUTLETS = (
    "France24", "France 24", "BBC", "CNN", "Al Jazeera", "Fox News", "NBC", "NBC News", "CBS", "CBS News",
    "ABC", "ABC News", "MSNBC", "NPR", "PBS", "CNBC", "Sky News", "Deutsche Welle", "DW", "Euronews",
    "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Post",
    "The Wall Street Journal", "Wall Street Journal", "The Guardian", "Guardian", "The Times",
    "Financial Times", "The Economist", "Politico", "Axios", "The Hill", "Breitbart", "HuffPost",
    "Huffington Post", "BuzzFeed", "BuzzFeed News", "Le Monde", "Der Spiegel", "Spiegel", "El País",
    "Kommersant", "RT", "Izvestia", "Pravda", "Kyiv Independent", "Meduza", "Novaya Gazeta",
    "New York Post", "USA Today", "Los Angeles Times", "Chicago Tribune", "The Atlantic", "Vox",
    "Newsweek", "Time", "Daily Mail", "The Telegraph", "The Independent", "Le Figaro", "Haaretz",
    "Times of Israel", "South China Morning Post", "Global Times", "CCTV", "Yomiuri", "Asahi",
    "Wikinews", "ProPublica", "Mother Jones", "National Review", "The Intercept", "Vice", "Bellingcat",
    "state media", "state television", "state TV", "local media", "local media outlets",
)
# Every agency and outlet above: who reports the news, never a party to it.
OUTLETS = frozenset(WIRE_AGENCIES + MEDIA_OUTLETS)

# Negative pronouns (Quirk et al.'s "negative universal pronouns"): as subject or object they negate
# the clause ("nobody claimed responsibility", "said nothing about it"); read by the events stage (no
# event) and the attribution stage (nothing is stated).
NO_ONE = frozenset("nobody none nothing no-one noone neither".split())

# English cardinal number words (the closed class of the Penn Treebank CD tag, up to "hundred"),
# read by the temporal stage ("two days ago") and the quantities stage ("three civilians").
CARDINAL_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "a hundred": 100,
}
